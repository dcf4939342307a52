# Golden generator for src/python/format.ts: CPython's format() of doubles under the float
# presentation types, keyed by the exact bit pattern. Includes exact ties (odd multiples of 2^-k)
# where JavaScript's toFixed/toExponential round up and Python rounds half-even.
# Run: python3 scripts/golden/python_format_floats.py
import json, os, random, struct

random.seed(20261129)
vals = [0.0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 0.03125, 1.03125, 2.675, 1e21, 9.995e20, 1e22,
        123456789.125, 0.1, 0.2 + 0.1, 1e-7, 5e-324, 1.7976931348623157e308, 2.0 ** 60 + 0.0, 1 / 3,
        9.5, 10.5, 0.0625, 999.5, 99.95, 0.000125, 125.0, 1250.0, 2.5e-5, 4.35, 0.045, 1e16 + 2.0]
for _ in range(250):
    k = random.random()
    if k < 0.25:
        vals.append(struct.unpack('<d', struct.pack('<Q', random.getrandbits(64)))[0])
    elif k < 0.5:
        vals.append(random.uniform(-1, 1) * 10 ** random.randint(-12, 22))
    elif k < 0.75:
        # exact ties at some precision: odd / 2^j
        vals.append((2 * random.randint(0, 10 ** 6) + 1) / 2 ** random.randint(1, 12))
    else:
        vals.append(round(random.uniform(-1000, 1000), random.randint(0, 6)))
vals = [v for v in vals if v == v and abs(v) != float('inf')]
specs = ['.0f', '.1f', '.2f', '.3f', '.4f', '.6f', '.10f', 'f', '.0e', '.2e', '.3e', 'e', '.1g', '.3g', '.6g', 'g',
         '.12g', '.17g', '.2%', '+.3f', '10.2f', '.3G', '.2E']
out = []
for v in vals:
    bits = struct.unpack('<Q', struct.pack('<d', v))[0]
    out.append([format(bits, '016x'), {s: format(v, s) for s in specs}])
path = os.path.join(os.path.dirname(__file__), '..', '..', 'test', 'fixtures', 'python', 'format', 'floats.json')
with open(path, 'w') as f:
    json.dump(out, f, indent=0)
    f.write('\n')
print(len(out), 'values x', len(specs), 'specs')
