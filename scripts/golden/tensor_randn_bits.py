# Golden generator for the legacy normals (src/tensor/random.ts): NumPy's RandomState(seed).randn(4000)
# and standard_normal as IEEE bit patterns, for a few seeds. Each pair of normals goes through glibc's
# log (see glibcLog.ts), so these catch a log that rounds differently, however rarely.
# Run: python3 scripts/golden/tensor_randn_bits.py
import json, os, struct
import numpy as np

out = {}
for seed in [0, 5, 42, 2024]:
    rs = np.random.RandomState(seed)
    out[str(seed)] = [format(struct.unpack('<Q', struct.pack('<d', v))[0], '016x') for v in rs.randn(4000)]
path = os.path.join(os.path.dirname(__file__), '..', '..', 'test', 'fixtures', 'tensor', 'randn-bits.json')
with open(path, 'w') as f:
    json.dump({'numpy': np.__version__, 'randn': out}, f)
    f.write('\n')
print('seeds', list(out))
