# Golden generator for matrix-vector products (src/tensor/blasGemv.ts): NumPy's A @ x for seeded
# RandomState.rand operands minus 0.5 (reproduced bit for bit by the tensor core), row-major A of heights
# 1-13 and lengths around OpenBLAS's 4-element groups and 2048-element blocks, x contiguous or strided.
# Results as IEEE bit patterns in hex. Run: OPENBLAS_NUM_THREADS=1 python3 scripts/golden/tensor_gemv_bits.py
import json, os, struct
import numpy as np

cases = []
seed = 0
for m in [1, 2, 3, 4, 5, 6, 7, 8, 13, 32]:
    for k in [1, 3, 4, 5, 6, 7, 16, 19, 33, 100, 2048, 2051, 4101]:
        for sx in [1, 2]:
            rs = np.random.RandomState(seed)
            a = rs.rand(m, k) - 0.5
            x = rs.rand(k * sx) - 0.5
            y = a @ x[::sx]
            cases.append({'seed': seed, 'm': m, 'k': k, 'sx': sx,
                          'bits': [format(struct.unpack('<Q', struct.pack('<d', v))[0], '016x') for v in y]})
            seed += 1
path = os.path.join(os.path.dirname(__file__), '..', '..', 'test', 'fixtures', 'tensor', 'gemv-bits.json')
with open(path, 'w') as f:
    json.dump({'numpy': np.__version__, 'cases': cases}, f)
    f.write('\n')
print(len(cases), 'matrix-vector products')
