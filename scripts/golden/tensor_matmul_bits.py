# Golden generator for the matrix products' bits (src/tensor/gemm.ts): NumPy's A @ B for seeded
# RandomState.rand operands minus 0.5 (uniform draws: the tensor core reproduces them bit for bit,
# while randn goes through glibc's log, which is not always correctly rounded), shapes across OpenBLAS's
# paths: 4-row tiles and their 2- and 1-row remainders, k in one block and split in several (k > 256),
# the emulated-FMA sizes. Not matrix-vector shapes: NumPy sends those to gemv, whose order differs.
# Results as IEEE bit patterns in hex.
# Run: OPENBLAS_NUM_THREADS=1 python3 scripts/golden/tensor_matmul_bits.py
import json, os, struct
import numpy as np

shapes = [(2, 2, 2), (4, 4, 4), (8, 16, 8), (6, 20, 10), (16, 33, 12), (128, 8, 32), (8, 128, 32),
          (128, 32, 8), (32, 64, 32), (12, 256, 12), (12, 257, 6), (10, 300, 9), (8, 384, 8),
          (4, 512, 4), (6, 1000, 5), (5, 7, 3), (7, 20, 8), (9, 33, 13), (3, 300, 4)]
out = []
for seed, (m, k, n) in enumerate(shapes):
    rs = np.random.RandomState(seed)
    a = rs.rand(m, k) - 0.5
    b = rs.rand(k, n) - 0.5
    c = a @ b
    out.append({'seed': seed, 'm': m, 'k': k, 'n': n,
                'bits': [format(struct.unpack('<Q', struct.pack('<d', v))[0], '016x') for v in c.ravel()]})
path = os.path.join(os.path.dirname(__file__), '..', '..', 'test', 'fixtures', 'tensor', 'matmul-bits.json')
with open(path, 'w') as f:
    json.dump({'numpy': np.__version__, 'cases': out}, f)
    f.write('\n')
print(len(out), 'products, numpy', np.__version__)
