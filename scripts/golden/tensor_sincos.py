# Golden generator for NumPy 2.4.6's float64 np.sin/np.cos (test/unit/tensor/numpySinCos.test.ts).
# On this machine NumPy sends them to the C library per element (loops_trigonometric.dispatch.cpp calls
# npy_sin/npy_cos for doubles; the wheel's _multiarray_umath has PLT calls to sin/cos and none to
# __svml_sin8*/__svml_cos8*), i.e. glibc's, which src/common/libm/glibcSin.ts reproduces. ~110k inputs,
# the same for both functions, drawn from MT19937 32-bit words (RandomState(seed).randint(0, 2**32,
# dtype=uint32) = the tensor core's MT19937.next32) so the test rebuilds them from the plan stored here;
# outputs as sha256 block hashes (8 bytes little-endian per result, NaN canonical) plus the first 150
# pairs of every category in hex, and 0-d scalar calls explicitly.
# Run: python3 scripts/golden/tensor_sincos.py
import math
import numpy as np
from golden_blocks import block_hashes, canon, from_bits, generate, hexbits, write_fixture

BLOCK, SHOWN = 4096, 150

HALF_PI = math.pi / 2


# Each category: [kind, seed, count, *parameters]; the test implements the same kinds.
def own(kind, cat, w, i):
    if kind == 'binade':  # ±(1 + U)·2^e, e in -30..30: every binade up to 2^30
        w1 = w.next()
        e = w1 % 61 - 30
        return (1 + w.unit()) * 2.0 ** e * (-1.0 if w1 & 0x80000000 else 1.0)
    elif kind == 'halfpi':  # k·(π/2)·(1 + (U - 1/2)·2^-s), k in 1..2^(bits), s in 30..61
        w1 = w.next()
        k = 1 + (w1 & ((1 << cat[3]) - 1))
        s = 30 + (w.next() & 31)
        return k * HALF_PI * (1 + (w.unit() - 0.5) * 2.0 ** -s)
    elif kind == 'huge':  # ±(1 + U)·2^e, e in 30..1023 (Payne-Hanek beyond 105414350)
        w1 = w.next()
        e = 30 + w1 % 994
        return (1 + w.unit()) * 2.0 ** e * (-1.0 if w1 & 0x80000000 else 1.0)
    elif kind == 'subnormal':  # subnormal bit patterns, both signs
        hi = w.next()
        return from_bits(hi & 0x800fffff, w.next())
    else:
        raise ValueError(kind)


def gen(cat):
    return generate(cat, own)


SPECIAL = [0.0, -0.0, math.inf, -math.inf, math.nan, 5e-324, -5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
           -1.7976931348623157e308, 1.0, -1.0, math.pi, -math.pi, HALF_PI, -HALF_PI, math.pi / 4, 2 * math.pi, 1e22, -1e22,
           2.0 ** -26, math.nextafter(2.0 ** -26, 0), 2.0 ** -27, math.nextafter(2.0 ** -27, 0), 0.855469, 0.855468, 2.426265,
           2.426266, 105414350.0, 105414349.0, 105414351.0, 2.0 ** 30, 2.0 ** 1023, 0.126, -0.126, 1e-300, -1e-300]
PLAN = [['uniform', 31, 30000, -10.0, 10.0], ['uniform', 32, 10000, -1e4, 1e4], ['binade', 33, 20000], ['halfpi', 34, 15000, 16],
        ['halfpi', 35, 5000, 4], ['huge', 36, 10000], ['bits', 37, 10000], ['scaled', 38, 5000], ['subnormal', 39, 3000],
        ['pow2', 0, 2098]]




result = {'numpy': np.__version__, 'block': BLOCK, 'special': [hexbits(v) for v in SPECIAL]}
inputs = [(cat, SPECIAL if cat[0] == 'special' else gen(cat)) for cat in PLAN + [['special', 0, len(SPECIAL)]]]
with np.errstate(all='ignore'):
    for name in ('sin', 'cos'):
        f = getattr(np, name)
        cats, total = [], 0
        for cat, xs in inputs:
            ys = f(np.array(xs, dtype=np.float64)).tolist()
            blocks = block_hashes(ys, BLOCK)
            shown = [hexbits(x) + ' ' + hexbits(y) for x, y in zip(xs[:SHOWN], ys[:SHOWN])]
            cats.append({'plan': cat, 'blocks': blocks, 'shown': shown})
            total += len(xs)
        # The 0-d path: np.sin(np.float64(x)) goes through the same loop.
        scal = []
        for x in [x for _, xs in inputs for x in xs[:25]]:
            y = float(f(np.float64(x)))
            assert canon(y) == canon(float(f(np.array([x]))[0])), (name, x)
            scal.append(hexbits(x) + ' ' + hexbits(y))
        result[name] = {'count': total, 'categories': cats, 'scalars': scal}
        print(name, total, 'inputs,', len(scal), 'scalars')
write_fixture('numpy-sincos.json', result)
