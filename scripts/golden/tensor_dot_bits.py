# Golden generator for vector dot products (src/tensor/blasDot.ts): NumPy's np.dot(x, y) for seeded
# RandomState.rand vectors minus 0.5 (which the tensor core reproduces bit for bit), contiguous and
# strided (x[::sx], y[::sy]: BLAS with increments), lengths around the kernel's 16-element blocks; and
# np.linalg.norm of the contiguous x (sqrt of its ddot with itself).
# Results as IEEE bit patterns in hex. Run: OPENBLAS_NUM_THREADS=1 python3 scripts/golden/tensor_dot_bits.py
import json, os, struct
import numpy as np

cases = []
seed = 0
for n in [1, 2, 3, 7, 15, 16, 17, 31, 32, 33, 48, 63, 64, 100, 129, 257, 1000, 4099]:
    for sx, sy in [(1, 1), (2, 1), (1, 3), (2, 2)]:
        rs = np.random.RandomState(seed)
        a = rs.rand(n * sx) - 0.5
        b = rs.rand(n * sy) - 0.5
        d = np.dot(a[::sx], b[::sy])
        case = {'seed': seed, 'n': n, 'sx': sx, 'sy': sy, 'bits': format(struct.unpack('<Q', struct.pack('<d', d))[0], '016x')}
        if sx == 1:
            # np.linalg.norm of a vector is sqrt(x.dot(x)): the same ddot.
            case['norm'] = format(struct.unpack('<Q', struct.pack('<d', np.linalg.norm(a)))[0], '016x')
        cases.append(case)
        seed += 1
path = os.path.join(os.path.dirname(__file__), '..', '..', 'test', 'fixtures', 'tensor', 'dot-bits.json')
with open(path, 'w') as f:
    json.dump({'numpy': np.__version__, 'cases': cases}, f, indent=0)
    f.write('\n')
print(len(cases), 'dot products')
