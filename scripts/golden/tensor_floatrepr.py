# Golden generator for src/common/floatRepr.ts: Python's repr of a spread of doubles, keyed by the
# exact bit pattern so the test needs no parsing. Run: python3 scripts/golden/tensor_floatrepr.py
import random, struct, math, json, os
random.seed(12345)
vals = [0.0, -0.0, 1.0, -1.0, 0.1, 0.2 + 0.1, 1e-5, 1e-4, 0.0001234, 1e16, 1e15, 123456789012345678.0,
        9999999999999998.0, 1e22, 1e-7, 5e-324, 1.7976931348623157e308, 2.2250738585072014e-308,
        float('inf'), float('-inf'), float('nan'), 0.5, 100.0, 1.5, 3.141592653589793, 2.0 ** 53, 2.0 ** 60,
        1/3, 2/3, 12345.678, 1e100, 1.23e-10, 0.001, 0.01, 123456.0, 1e-323]
for _ in range(300):
    k = random.random()
    if k < 0.4:
        vals.append(struct.unpack('<d', struct.pack('<Q', random.getrandbits(64)))[0])
    elif k < 0.7:
        vals.append(random.uniform(-1, 1) * 10 ** random.randint(-20, 20))
    else:
        vals.append(round(random.uniform(-1000, 1000), random.randint(0, 6)))
out = []
for v in vals:
    bits = struct.unpack('<Q', struct.pack('<d', v))[0]
    out.append([format(bits, '016x'), repr(v)])
path = os.path.join(os.path.dirname(__file__), '..', '..', 'test', 'fixtures', 'tensor', 'floatrepr.json')
with open(path, 'w') as f:
    json.dump(out, f, indent=0)
    f.write('\n')
print(len(out), 'cases')
