# Golden generator for src/common/libm/glibcPow.ts: the C library's pow (Debian glibc 2.36 here, which
# CPython's math.pow calls for finite operands), called through ctypes so that results CPython turns into
# ValueError/OverflowError (NaN, inf) are recorded too; every value math.pow does return is checked equal,
# and so is NumPy's scalar power (np.float64(x) ** np.float64(y), scalarmath's npy_pow: the C library's)
# on every pair, which test/unit/tensor/powerScalar.test.ts holds the power ufunc to.
# 120,000 (x, y) pairs come from a seeded generator that test/unit/common/powInputs.ts reproduces exactly
# (mulberry32 draws, doubles from bits, IEEE arithmetic only: no log or exp in the generator), across
# regimes: x near 1 with large y, x in (0, 10), any x with results over the whole range, negative x with
# integer y, integer and half-integer y, results near overflow and in the subnormal range, huge, tiny and
# subnormal x, any bit patterns, y near glibc's 2^-65 and 2^63 thresholds, special values. The fixture
# holds the sha256 of all outputs, the first 3000 outputs, and explicit cases (special values crossed,
# powers of ten and two, 2**-1074, exact ties) as "x y pow" in hex bits. NaN is stored as 7ff8000000000000.
# Run: python3 scripts/golden/common_libm_pow.py
import ctypes, hashlib, json, math, os
import numpy as np
from common_libm import Mulberry32, from_bits, hexd, to_bits

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'test', 'fixtures', 'common', 'libm-pow.json')
SEED, COUNT, FIRST = 20261130, 120000, 3000
libm = ctypes.CDLL('libm.so.6')
libm.pow.restype = ctypes.c_double
libm.pow.argtypes = [ctypes.c_double, ctypes.c_double]


LN2 = 0.6931471805599453
SPECIAL_X = [0.0, -0.0, math.inf, -math.inf, math.nan, 1.0, -1.0, 0.5, -0.5, 2.0, -2.0, 10.0, 5e-324, -5e-324,
             2.2250738585072014e-308, 1.7976931348623157e308, -1.7976931348623157e308, 1 + 2 ** -52, 1 - 2 ** -53]
SPECIAL_Y = [0.0, -0.0, math.inf, -math.inf, math.nan, 1.0, -1.0, 2.0, -2.0, 3.0, -3.0, 0.5, -0.5, 2 ** -70,
             -2 ** -70, 2 ** 64, -2 ** 64, 2 ** 53 + 2, 2 ** 53 - 1, -(2 ** 53 - 1), 1e300, 1075.0, -1075.0]


def log2_approx(x):
    """log2 of a positive normal x to ~0.2%: its exponent plus an odd series in (m-1)/(m+1)."""
    b = to_bits(x)
    e = (b >> 52) - 1023
    m = from_bits((b & 0x000fffffffffffff) | 0x3ff0000000000000)
    s = (m - 1) / (m + 1)
    return e + (2 * s + 2 * s * s * s / 3) / LN2


def near(g, lo, width):
    """x any positive normal in 2^-1000..2^1000, y so that x**y is about 2^(lo + width·u)."""
    x = g.bits(0, 23 + g.draw() % 2001)
    while x == 1.0:
        x = 3.0
    return x, (lo + width * g.u53()) / log2_approx(x)


def pair(g):
    s = g.draw() % 14
    if s == 0:
        x = 1 + (2 * g.u53() - 1) * 2.0 ** -(1 + g.draw() % 50)
        return x, (2 * g.u53() - 1) * 2.0 ** (g.draw() % 64)
    if s == 1: return 10 * g.u53(), -300 + 600 * g.u53()
    if s == 2: return near(g, -1074, 2098)
    if s == 3: return -g.bits(0, 1013 + g.draw() % 21), float(g.draw() % 401 - 200)
    if s == 4: return 20 * g.u53(), (g.draw() % 401 - 200) / 2
    if s == 5: return near(g, 1015, 12)
    if s == 6: return near(g, -1080, 60)
    if s == 7: return g.bits(0, g.draw() % 2047), (2 * g.u53() - 1) * 4
    if s == 8: return g.bits(g.draw() & 1, 0), (2 * g.u53() - 1) * 1.2 if g.draw() & 1 else float(g.draw() % 5 - 2)
    if s == 9:
        x = float(g.draw() % 20 + 1) * (1 - 2 * (g.draw() & 1))
        return x, float(g.draw() % 121 - 60)
    if s == 10: return SPECIAL_X[g.draw() % len(SPECIAL_X)], SPECIAL_Y[g.draw() % len(SPECIAL_Y)]
    if s == 11: return g.bits(g.draw() & 1, g.draw() % 2048), g.bits(g.draw() & 1, g.draw() % 2048)
    if s == 12: return g.bits(0, 1013 + g.draw() % 21), g.bits(g.draw() & 1, 0x3b6 + g.draw() % 16)
    return 1 + (2 * g.u53() - 1) * 2.0 ** -(40 + g.draw() % 13), g.bits(g.draw() & 1, 0x436 + g.draw() % 16)


def c_pow(x, y):
    r = libm.pow(x, y)
    try:
        m = math.pow(x, y)
    except (ValueError, OverflowError):
        return r
    assert to_bits(m) == to_bits(r), (x, y, m, r)
    return r


def checked_pow(x, y):
    r = c_pow(x, y)
    with np.errstate(all='ignore'):
        n = float(np.float64(x) ** np.float64(y))
    assert to_bits(n) == to_bits(r), (x, y, n, r)
    return r


g = Mulberry32(SEED)
outs = [hexd(checked_pow(*pair(g))) for _ in range(COUNT)]
extra_pairs = [(x, y) for x in SPECIAL_X for y in SPECIAL_Y]
extra_pairs += [(10.0, float(k)) for k in range(-30, 31)] + [(2.0, float(k)) for k in range(-1080, 1030, 7)]
extra_pairs += [(2.0, -1074.0), (2.0, -1075.0), (2.0, 1023.0), (2.0, 1024.0), (-2.0, -1074.0), (-2.0, 1023.0),
                (3.5, 19.0), (0.1, 3.0), (1.1, 2.0), (-10.0, -3.0), (7.0, 0.5), (-8.0, 1 / 3), (1e-320, 0.5),
                (1e-320, -1.0), (5e-324, -1.0), (1.0000000000000002, 2 ** 62), (0.9999999999999999, 2 ** 62)]
extra = [f'{hexd(x)} {hexd(y)} {hexd(checked_pow(x, y))}' for x, y in extra_pairs]
data = {'seed': SEED, 'count': COUNT, 'sha256': hashlib.sha256(''.join(outs).encode()).hexdigest(),
        'first': outs[:FIRST], 'extra': extra}
with open(OUT, 'w') as f:
    json.dump(data, f, indent=0)
    f.write('\n')
print('wrote', OUT, COUNT, 'seeded +', len(extra), 'explicit')
