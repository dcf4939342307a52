# Golden generator for src/tensor/svmlExp.ts / svmlLog.ts / simdTanh.ts (NumPy 2.x's float64 np.exp and
# np.log on AVX512_SKX CPUs, Intel SVML; np.tanh, NumPy's own SIMD loop): about 110k inputs per function across the ranges that matter, drawn
# from MT19937 32-bit words (RandomState(seed).randint(0, 2**32, dtype=uint32) = the tensor core's
# MT19937.next32), so the test rebuilds the same inputs from the plan stored in the fixture. NumPy's
# outputs are stored as sha256 hashes of blocks of 4096 results (8 bytes little-endian each, every NaN
# as 0x7ff8000000000000: NumPy prints every NaN alike) plus the first 150 input/output pairs of every
# category in hex; the 0-d scalar path (np.exp(np.float64(x)), np.log(float)) is stored explicitly.
# Run: python3 scripts/golden/tensor_simd_exp_log.py
import math
import numpy as np
from golden_blocks import block_hashes, canon, from_bits, generate, hexbits, write_fixture

BLOCK, SHOWN = 4096, 150
LIMIT, OVERFLOW, SUBNORMAL, UNDERFLOW = 707.7032713517042, 709.782712893384, -708.3964185322641, -745.1332191019411


# Each category: [kind, seed, count, *parameters]; the test implements the same kinds.
def own(kind, cat, w, i):
    if kind == 'near':  # c·(1 + (U - 1/2)·2^-s), s in 0..31
        s = w.next() & 31
        return cat[3] * (1 + (w.unit() - 0.5) * 2.0 ** -s)
    elif kind == 'subnormal':  # positive subnormal bit patterns
        hi = w.next() & 0xfffff
        return from_bits(hi, w.next())
    elif kind == 'midpoint':  # mantissas near 64/(2k+1), where the 1/32-rounded reciprocal flips
        k = 16 + (w.next() & 15)
        e = (w.next() & 63) - 32
        return 64 / (2 * k + 1) * (1 + (w.unit() - 0.5) * 2.0 ** -12) * 2.0 ** e
    elif kind == 'edges':  # ±(1 + (U - 1/2)·2^-s) times a tanh subinterval boundary 0.125·(1, 1.5, 2, ...)
        w1, s = w.next(), w.next() & 31
        b = from_bits(0x3fc00000 + (w1 & 15) * 0x80000, 0)
        return b * (1 + (w.unit() - 0.5) * 2.0 ** -s) * (-1.0 if w1 & 16 else 1.0)
    else:
        raise ValueError(kind)


def gen(cat):
    return generate(cat, own)


SPECIAL = [0.0, -0.0, math.inf, -math.inf, math.nan, 5e-324, -5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
           -1.7976931348623157e308, 1.0, -1.0, 0.5, 2.0, LIMIT, -LIMIT, math.nextafter(LIMIT, 0), math.nextafter(-LIMIT, 0),
           OVERFLOW, math.nextafter(OVERFLOW, math.inf), SUBNORMAL, math.nextafter(SUBNORMAL, 0), math.nextafter(SUBNORMAL, -math.inf),
           UNDERFLOW, math.nextafter(UNDERFLOW, 0), math.nextafter(UNDERFLOW, -math.inf), 2.0 ** -54, -(2.0 ** -54), 1e-300, -1e-300]
PLANS = {
    'exp': [['uniform', 1, 50000, -30.0, 30.0], ['uniform', 2, 20000, -750.0, 712.0], ['near', 3, 2000, LIMIT],
            ['near', 4, 2000, -LIMIT], ['near', 5, 2000, OVERFLOW], ['near', 6, 2000, SUBNORMAL], ['near', 7, 2000, UNDERFLOW],
            ['bits', 8, 20000], ['scaled', 9, 10000]],
    'log': [['uniform', 11, 40000, 0.0, 10.0], ['uniform', 12, 10000, 0.0, 2.0], ['bits', 13, 20000], ['near', 14, 20000, 1.0],
            ['subnormal', 15, 5000], ['midpoint', 16, 10000], ['pow2', 0, 2098]],
    'tanh': [['uniform', 21, 40000, -30.0, 30.0], ['uniform', 22, 20000, -1.0, 1.0], ['edges', 23, 20000], ['bits', 24, 20000],
             ['scaled', 25, 10000]],
}




result = {'numpy': np.__version__, 'block': BLOCK, 'special': [hexbits(v) for v in SPECIAL]}
with np.errstate(all='ignore'):
    for name, plan in PLANS.items():
        f = getattr(np, name)
        cats = []
        total = 0
        for cat in plan + [['special', 0, len(SPECIAL)]]:
            xs = SPECIAL if cat[0] == 'special' else gen(cat)
            ys = f(np.array(xs, dtype=np.float64)).tolist()
            blocks = block_hashes(ys, BLOCK)
            shown = [hexbits(x) + ' ' + hexbits(y) for x, y in zip(xs[:SHOWN], ys[:SHOWN])]
            cats.append({'plan': cat, 'blocks': blocks, 'shown': shown})
            total += len(xs)
        # The 0-d path: a NumPy scalar (exp, tanh) and a Python float (log) go through the same loop.
        xs = [x for c in plan for x in gen(c)[:40]] + SPECIAL
        scal = []
        for x in xs:
            y = float(f(np.float64(x)) if name == 'exp' else f(x))
            assert canon(y) == canon(float(f(np.array([x]))[0])), (name, x)
            scal.append(hexbits(x) + ' ' + hexbits(y))
        result[name] = {'count': total, 'categories': cats, 'scalars': scal}
        print(name, total, 'inputs,', len(scal), 'scalars')
write_fixture('simd-exp-log.json', result)
