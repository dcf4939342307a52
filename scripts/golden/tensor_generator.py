# Golden generator for NumPy's modern Generator (src/tensor/generator.ts and friends): writes
# test/fixtures/tensor/generator.json from CPython + NumPy. Floats are IEEE bit patterns (hex), ints
# decimal strings (int64 values beyond 2^53 included). Long normal/exponential streams are kept as a
# SHA-256 of their little-endian bytes, their first values, and every draw that left the ziggurat's
# rectangles (wedge or tail: the draws that consumed more than one 64-bit output), so those rare
# branches are checked value by value.
# Run: python3 scripts/golden/tensor_generator.py
import hashlib, json, os, struct
import numpy as np

def bits(v):
    return format(struct.unpack('<Q', struct.pack('<d', float(v)))[0], '016x')

def ints(a):
    return [str(int(v)) for v in np.asarray(a).ravel()]

SEEDS = [0, 1, 42, 12345, 2**32, 2**64 + 5, 2**100, [1, 2, 3], [], [0, 2**40]]
out = {'numpy': np.__version__}

out['seeds'] = []
for s in SEEDS:
    g = np.random.default_rng(s)
    st = g.bit_generator.state['state']
    raw = g.bit_generator.random_raw(8)
    out['seeds'].append({'seed': [str(x) for x in s] if isinstance(s, list) else str(s),
                         'state': str(st['state']), 'inc': str(st['inc']), 'raw': ints(raw),
                         'random': [bits(v) for v in g.random(64)]})

def stream(seed, n, method):
    """n draws one at a time: digest, head, and the draws that used more than one raw output."""
    g = np.random.default_rng(seed)
    bg = g.bit_generator
    vals, special = [], []
    draw = getattr(g, method)
    for i in range(n):
        before = bg.state['state']['state']
        v = draw()
        after = bg.state['state']['state']
        vals.append(v)
        # one LCG step: after == before * MULT + inc; anything else means extra draws
        if after != (before * 0x2360ED051FC65DA44385DF649FCCF645 + bg.state['state']['inc']) % (1 << 128):
            special.append([i, bits(v)])
    arr = np.array(vals, dtype='<f8')
    # the bulk path must agree with the one-at-a-time path
    assert np.array_equal(arr.view(np.uint64), getattr(np.random.default_rng(seed), method)(n).view(np.uint64))
    return {'seed': seed, 'n': n, 'sha256': hashlib.sha256(arr.tobytes()).hexdigest(),
            'head': [bits(v) for v in arr[:500]], 'special': special}

out['normal'] = [stream(0, 60000, 'standard_normal'), stream(42, 60000, 'standard_normal'), stream(2024, 60000, 'standard_normal')]
out['exponential'] = [stream(7, 60000, 'standard_exponential'), stream(8, 50000, 'standard_exponential')]

# integers: many ranges, arrays of draws (exact in a double) and scalar draws (any int64)
RANGES = [(0, 1), (0, 2), (0, 3), (0, 7), (0, 10), (-5, 5), (0, 100), (0, 255), (0, 256), (0, 257), (0, 1000),
          (0, 65535), (0, 65536), (0, 65537), (-1000, 12345), (0, 10**6), (0, 2**31), (0, 2**31 + 1),
          (0, 2**32 - 1), (0, 2**32), (0, 2**32 + 1), (-2**31, 2**31), (0, 3 * 2**31), (0, 2**40),
          (-2**50, 2**50), (0, 2**53), (5, 6)]
BIG = [(0, 2**60), (-2**63, 2**63 - 1), (-2**63, 2**63), (0, 2**63), (-2**62, 2**62 + 12345), (0, 10**18)]
out['integers'] = []
for k, (lo, hi) in enumerate(RANGES):
    g = np.random.default_rng(100 + k)
    out['integers'].append({'seed': 100 + k, 'low': str(lo), 'high': str(hi), 'endpoint': False, 'size': 40,
                            'values': ints(g.integers(lo, hi, 40)),
                            'then_scalars': ints([g.integers(lo, hi) for _ in range(5)]), 'then_random': bits(g.random())})
for k, (lo, hi) in enumerate([(0, 0), (3, 9), (0, 2**32 - 1), (-7, 2**35)]):
    g = np.random.default_rng(200 + k)
    out['integers'].append({'seed': 200 + k, 'low': str(lo), 'high': str(hi), 'endpoint': True, 'size': 40,
                            'values': ints(g.integers(lo, hi, 40, endpoint=True)),
                            'then_scalars': ints([g.integers(lo, hi, endpoint=True) for _ in range(5)]), 'then_random': bits(g.random())})
out['integers_big'] = []
for k, (lo, hi) in enumerate(BIG):
    g = np.random.default_rng(300 + k)
    out['integers_big'].append({'seed': 300 + k, 'low': str(lo), 'high': str(hi), 'values': ints([g.integers(lo, hi) for _ in range(30)])})

# parameters: scalars and broadcast arrays
g = np.random.default_rng(11)
out['params'] = {
    'seed': 11,
    'normal': [bits(v) for v in g.normal(3.5, 0.25, 20)],
    'normal_b': [bits(v) for v in np.ravel(g.normal([[0.0], [10.0]], [1.0, 2.0, 3.0]))],
    'uniform': [bits(v) for v in g.uniform(-2.0, 5.0, 20)],
    'uniform_b': [bits(v) for v in np.ravel(g.uniform([0.0, 1.0], 3.0, size=(3, 2)))],
    'exponential': [bits(v) for v in g.exponential(2.5, 20)],
    'exponential_b': [bits(v) for v in g.exponential([1.0, 10.0, 100.0])],
    'integers_b': ints(g.integers([0, 10, 2**33], [5, 1000, 2**34])),
    'after': bits(g.random()),
}

# choice / permutation / shuffle (indices of int populations)
CHOICES = [
    dict(a=10, size=12, replace=True, p=None), dict(a=10, size=None, replace=True, p=None),
    dict(a=5, size=20, replace=True, p=[0.1, 0.2, 0.3, 0.15, 0.25]), dict(a=5, size=None, replace=True, p=[0.5, 0, 0, 0, 0.5]),
    dict(a=10, size=4, replace=False, p=None), dict(a=100, size=30, replace=False, p=None), dict(a=10, size=10, replace=False, p=None),
    dict(a=20000, size=500, replace=False, p=None), dict(a=20000, size=15, replace=False, p=None), dict(a=10**9, size=5, replace=False, p=None),
    dict(a=6, size=4, replace=False, p=[0.05, 0.3, 0.05, 0.2, 0.2, 0.2]), dict(a=4, size=(2, 2), replace=False, p=[0.1, 0.2, 0.3, 0.4]),
    dict(a=7, size=(3, 2), replace=True, p=None),
]
out['choice'] = []
for k, c in enumerate(CHOICES):
    g = np.random.default_rng(400 + k)
    r = g.choice(c['a'], c['size'], replace=c['replace'], p=c['p'])
    out['choice'].append({**c, 'seed': 400 + k, 'values': ints(r), 'then_random': bits(g.random())})

out['permutation'] = []
for k, n in enumerate([1, 2, 10, 100, 1000]):
    g = np.random.default_rng(500 + k)
    out['permutation'].append({'seed': 500 + k, 'n': n, 'values': ints(g.permutation(n)), 'then_random': bits(g.random())})
g = np.random.default_rng(600)
m = np.arange(15).reshape(5, 3)
g.shuffle(m)
out['shuffle2d'] = {'seed': 600, 'shape': [5, 3], 'values': ints(m)}

path = os.path.join(os.path.dirname(__file__), '..', '..', 'test', 'fixtures', 'tensor', 'generator.json')
with open(path, 'w') as f:
    json.dump(out, f)
    f.write('\n')
print('normal special', [len(s['special']) for s in out['normal']], 'exponential special', [len(s['special']) for s in out['exponential']])
