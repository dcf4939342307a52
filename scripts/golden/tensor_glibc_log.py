# Golden generator for src/common/libm/glibcLog.ts: the C library's log (CPython's math.log is glibc's on
# Linux) on inputs where it matters: half of them where glibc's result is not the correctly rounded log
# (found by comparing with a 60-digit Decimal log), the rest across the ranges (randn's r2 in (0, 1),
# near 1, the whole exponent range, subnormals). Bit patterns in hex, "x y" per entry.
# Run: python3 scripts/golden/tensor_glibc_log.py
import json, math, os, random, struct
from decimal import Decimal, getcontext

getcontext().prec = 60
random.seed(20261130)

def bits(v):
    return format(struct.unpack('<Q', struct.pack('<d', v))[0], '016x')

def correctly_rounded(x):
    return float(Decimal(x).ln())

samplers = [
    lambda: random.random(),
    lambda: 1 + (random.random() - 0.5) * 0.25,
    lambda: struct.unpack('<d', struct.pack('<Q', random.getrandbits(62) | 0x0010000000000000))[0],
    lambda: random.random() * 1e-310,
]
odd, plain = [], []
while len(odd) < 4000 or len(plain) < 4000:
    x = random.choice(samplers)()
    if not (x > 0 and math.isfinite(x)):
        continue
    y = math.log(x)
    if y != correctly_rounded(x):
        if len(odd) < 4000:
            odd.append(x)
    elif len(plain) < 4000:
        plain.append(x)
xs = odd + plain + [1.0, 0.9375, 1.064697265625, 2.0 ** -1074, 2.2250738585072014e-308, 1.7976931348623157e308]
path = os.path.join(os.path.dirname(__file__), '..', '..', 'test', 'fixtures', 'tensor', 'glibc-log.json')
with open(path, 'w') as f:
    json.dump({'libc': os.confstr('CS_GNU_LIBC_VERSION'), 'cases': [bits(x) + ' ' + bits(math.log(x)) for x in xs]}, f, indent=0)
    f.write('\n')
print(len(xs), 'cases,', len(odd), 'not correctly rounded')
