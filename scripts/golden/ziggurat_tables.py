# Writes src/tensor/zigguratTables.ts: the 256-level ziggurat tables that NumPy's Generator uses for
# standard_normal and standard_exponential, recovered from NumPy's *behaviour* (no NumPy source read).
#
# Why not from the construction alone: Marsaglia & Tsang's recursion (x[i-1] = f^-1(v/x[i] + f(x[i])))
# is ill-conditioned; rebuilding it from r and v lands within a few units of the last place of NumPy's
# numbers but not on them, and every normal is rabs * w[idx], so w must be exact. So each number is
# measured from NumPy 2.4.6 itself, by steering PCG64 to a chosen 64-bit output:
#   PCG64 (XSL-RR 128/64) returns rotr64(hi ^ lo, hi >> 58) of the state *after* the LCG step. A post-
#   step state with hi = 0 outputs exactly lo, and the pre-step state is (s' - inc) * mult^-1 mod 2^128.
# - w[i] (x_i / 2^52 for normals, x_i / 2^53 for exponentials): the draw with rabs = 1 at index i is
#   1 * w[i] (index 1 of the normal table always enters the wedge, which accepts such a tiny x).
# - k[i] (the rectangle threshold): binary search for the smallest rabs whose draw does not return at
#   once (the bit generator steps more than once), over [0, 2^52) resp. [0, 2^53).
# - f[i] = exp(-x_i^2 / 2) resp. exp(-x_i), x_i = w[i] * 2^52 (2^53), correctly rounded (mpmath), f[0] = 1:
#   the published construction (Marsaglia & Tsang 2000, f at the strip edges). Only the wedge test reads
#   f, so it is checked through NumPy's draws (test/fixtures/tensor/generator.json, >= 100k wedge-heavy
#   draws) rather than measured.
# - r (normal tail start, 3.6541528853610088) and 1/r are w[255] * 2^52 and its rounded reciprocal;
#   the exponential's r is w[255] * 2^53 (7.69711747013105). The tail draws in the golden confirm them.
# Run: python3 scripts/golden/ziggurat_tables.py
import os
import mpmath as mp
import numpy as np

MULT = 0x2360ED051FC65DA44385DF649FCCF645
M128 = (1 << 128) - 1
MULT_INV = pow(MULT, -1, 1 << 128)
INC = 0x5851F42D4C957F2D14057B7EF767814F  # any odd increment
bg = np.random.PCG64(0)
gen = np.random.Generator(bg)


def steer(out64):
    """Make the next 64-bit output equal out64; returns the post-step state."""
    post = out64  # hi = 0: rotation 0, output = lo
    pre = ((post - INC) * MULT_INV) & M128
    bg.state = {'bit_generator': 'PCG64', 'state': {'state': pre, 'inc': INC}, 'has_uint32': 0, 'uinteger': 0}
    return post


def one_step(out64, draw):
    post = steer(out64)
    v = draw()
    return v, bg.state['state']['state'] == post


def measure(pack, bits, draw):
    w, k = [], []
    for i in range(256):
        v, _ = one_step(pack(i, 1), draw)
        w.append(float(v))
        lo, hi = 0, 1 << bits  # invariant: rabs < lo returns at once, rabs >= hi does not (or hi = 2^bits)
        while lo < hi:
            mid = (lo + hi) // 2
            if one_step(pack(i, mid), draw)[1]:
                lo = mid + 1
            else:
                hi = mid
        k.append(lo)
    return w, k


# normal: r = e3 n52 s1 i8 (idx low byte, sign bit 8, rabs bits 9..60); exponential: ri = r >> 3, idx = ri & 0xff, rest 53 bits
wi, ki = measure(lambda i, rabs: (rabs << 9) | i, 52, gen.standard_normal)
we, ke = measure(lambda i, rabs: ((rabs << 8) | i) << 3, 53, gen.standard_exponential)

mp.mp.prec = 200
fi = [1.0] + [float(mp.exp(-(mp.mpf(w) * 2 ** 52) ** 2 / 2)) for w in wi[1:]]
fe = [1.0] + [float(mp.exp(-(mp.mpf(w) * 2 ** 53))) for w in we[1:]]


def arr(name, vals, kind):
    body = ',\n'.join('  ' + ', '.join(fmt(v, kind) for v in vals[i:i + 4]) for i in range(0, 256, 4))
    return f'export const {name} = new Float64Array([\n{body},\n]);\n'


def fmt(v, kind):
    return str(v) if kind == 'int' else repr(v)


root = os.path.join(os.path.dirname(__file__), '..', '..')
with open(os.path.join(root, 'src', 'tensor', 'zigguratTables.ts'), 'w') as f:
    f.write('// The 256-level ziggurat tables of NumPy\'s Generator (normal: k/w/f for 52-bit rabs; exponential:\n')
    f.write('// k/w/f for 53-bit ri), measured from NumPy ' + np.__version__ + ' by scripts/golden/ziggurat_tables.py\n')
    f.write('// (generated, do not edit; that script says where each number comes from). k values are integers\n')
    f.write('// below 2^53, exact in a double.\n\n')
    f.write(arr('KI', ki, 'int'))
    f.write(arr('WI', wi, 'float'))
    f.write(arr('FI', fi, 'float'))
    f.write(arr('KE', ke, 'int'))
    f.write(arr('WE', we, 'float'))
    f.write(arr('FE', fe, 'float'))
print('normal k0', hex(ki[0]), 'w255*2^52', repr(wi[255] * 2 ** 52), 'exp w255*2^53', repr(we[255] * 2 ** 53))
