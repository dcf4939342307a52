# Golden generator for src/common/libm/glibcSin.ts: CPython's math.sin and math.cos, which are the C
# library's (Debian glibc 2.36 here, its x86-64 FMA build), and CPython's random.gauss draws (C's cos and
# sin of 2π·random()). 100,000 inputs per function from a seeded generator that
# test/unit/common/libmTrigInputs.ts reproduces exactly (mulberry32 draws, doubles from bits, IEEE
# arithmetic only): uniform on a few ranges, every binade below 4, around each branch threshold of
# s_sin.c (2^-27, 2^-26, 0.126, 0.855469, 2.426265, 105414350), the half-points k/128 + 1/256 of its
# table, multiples of π/2 (small and up to 2^26) a few half-ulps off, up to 2^20, to 1e22, huge and
# subnormal. Same fixture layout as common_libm.py (sha256 of all outputs, the first 1000, explicit extras
# as "x y" in hex bits; inf gives NaN as in C, where CPython raises ValueError).
# Run: python3 scripts/golden/common_libm_trig.py
import json, math, os, random
from common_libm import Mulberry32, from_bits, hexd, table

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'test', 'fixtures', 'common', 'libm-trig.json')
HP = 1.5707963267948966
# Thresholds of s_sin.c: its high-word tests 0x3e400000, 0x3e500000, 0x3feb6000, 0x400368fd, 0x419921fb
# as doubles, and do_sin's |x| < 0.126.
EDGES = [2.0 ** -27, 2.0 ** -26, 0.126, from_bits(0x3feb6000 << 32), from_bits(0x400368fd << 32), from_bits(0x419921fb << 32)]


def nudge(g, x):
    """x moved by a few half-ulps (IEEE: x·(1 + d·2^-53) for d in -6..6)."""
    return x * (1 + (g.draw() % 13 - 6) * 2.0 ** -53)


def trig_input(g):
    s = g.draw() % 12
    sign = 1 - 2 * (g.draw() & 1)
    if s == 0: return -10 + 20 * g.u53()
    if s == 1: return g.bits(g.draw() & 1, 1023 - 30 + g.draw() % 32)
    if s == 2: return sign * EDGES[g.draw() % 6] * (1 + (g.u53() - 0.5) * 2.0 ** -(10 + g.draw() % 40))
    if s == 3: return sign * 2.0 ** 20 * g.u53()
    if s == 4: return g.bits(g.draw() & 1, 1023 + g.draw() % 27)
    if s == 5: return sign * 1e22 * g.u53()
    if s == 6: return g.bits(g.draw() & 1, 1023 + g.draw() % 1024)
    if s == 7: return nudge(g, sign * float(g.draw() % 2000) * HP)
    if s == 8: return nudge(g, sign * float(g.draw() % 67108864) * HP)
    if s == 9: return -2.5 + 5 * g.u53()
    if s == 10: return nudge(g, sign * ((g.draw() % 110) + 0.5) / 128)
    return g.bits(g.draw() & 1, g.draw() % 1000)


def c_trig(fn):
    def call(x):
        return math.nan if math.isinf(x) else fn(x)
    return call


SPECIAL = [0.0, -0.0, math.inf, -math.inf, math.nan, 5e-324, -5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
           -1.7976931348623157e308, 1.0, -1.0, HP, -HP, 2 * HP, 3 * HP, 1e22, 2.0 ** 1023, 2.0 ** 60, 105414350.0, 105414351.0]
EXTRA = SPECIAL + [e * (1 + k * 2.0 ** -52) for e in EDGES for k in (-2, -1, 0, 1, 2)] + \
        [s * (k + 0.5) / 128 for k in range(110) for s in (1, -1)]


def gauss_draws():
    """(seed, mu, sigma, n draws) cases of random.gauss: its outputs, hex."""
    out = []
    for seed, mu, sigma in [(0, 0.0, 1.0), (1, 3.5, 2.25), (2026, -1.0, 1e-3), (12345, 0.0, 1e6)]:
        r = random.Random(seed)
        out.append({'seed': seed, 'mu': mu, 'sigma': sigma, 'draws': [hexd(r.gauss(mu, sigma)) for _ in range(100)]})
    return out


if __name__ == '__main__':
    data = {
        'libc': os.confstr('CS_GNU_LIBC_VERSION'),
        'generator': 'mulberry32; see test/unit/common/libmTrigInputs.ts',
        'sin': table('sin', 0x5eed5, trig_input, c_trig(math.sin), EXTRA),
        'cos': table('cos', 0x5eedc, trig_input, c_trig(math.cos), EXTRA),
        'gauss': gauss_draws(),
    }
    with open(OUT, 'w') as f:
        json.dump(data, f, indent=0)
        f.write('\n')
