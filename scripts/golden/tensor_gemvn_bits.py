# Golden generator for vector-matrix products and transposed matrix-vector products (src/tensor/
# blasGemvN.ts, OpenBLAS dgemv_n): NumPy's x @ B for row-major B (B.T @ x and np.dot(x, B) are the
# same call there, which the script checks),
# seeded RandomState.rand operands minus 0.5 (reproduced bit for bit by the tensor core); output counts
# around the kernel's 4-element groups and 2048-element blocks, input counts around its 4-column groups,
# x contiguous or strided. Run: OPENBLAS_NUM_THREADS=1 python3 scripts/golden/tensor_gemvn_bits.py
import json, os, struct
import numpy as np

def hexbits(v):
    return format(struct.unpack('<Q', struct.pack('<d', v))[0], '016x')

cases = []
seed = 0
for k in [1, 2, 3, 4, 5, 6, 7, 9, 16, 33, 130]:
    for n in [2, 3, 4, 5, 7, 8, 13, 2048, 2051, 4103]:
        if n >= 2048 and k not in (1, 5, 9):
            continue
        for sx in [1, 2]:
            rs = np.random.RandomState(seed)
            b = rs.rand(k, n) - 0.5
            x = (rs.rand(k * sx) - 0.5)[::sx]
            y = x @ b
            assert (y == b.T @ x).all() and (y == np.dot(x, b)).all()  # the same dgemv_n call in NumPy
            cases.append({'seed': seed, 'k': k, 'n': n, 'sx': sx, 'bits': [hexbits(v) for v in y]})
            seed += 1
path = os.path.join(os.path.dirname(__file__), '..', '..', 'test', 'fixtures', 'tensor', 'gemvn-bits.json')
with open(path, 'w') as f:
    json.dump({'numpy': np.__version__, 'cases': cases}, f)
    f.write('\n')
print(len(cases), 'products')
