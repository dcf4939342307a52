# Golden generator for src/common/pow.ts: the C library's pow (CPython's math.pow is glibc's on Linux,
# accurate to 0.52 ulp, so correctly rounded but in near-ties) on pairs across the ranges: powers of ten
# (logspace, learning-rate grids), bases near 1, large and tiny results, integer exponents of negative
# bases, subnormal bases. Exact ties (x**y a midpoint between two doubles) are left out: glibc rounds
# them to even, the double-double need not. Bit patterns in hex, "x y pow" per entry.
# Run: python3 scripts/golden/common_pow.py
import json, math, os, random, struct
from decimal import Decimal, getcontext

getcontext().prec = 80
random.seed(20261130)
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'test', 'fixtures', 'common', 'pow.json')


def bits(v):
    return format(struct.unpack('<Q', struct.pack('<d', v))[0], '016x')


def is_tie(x, y, r):
    # The exact x**y halfway between r and a neighbour (only possible for integer y).
    if y != int(y) or abs(y) > 64:
        return False
    exact = Decimal(x) ** int(y)
    for nb in (math.nextafter(r, math.inf), math.nextafter(r, -math.inf)):
        if (Decimal(r) + Decimal(nb)) / 2 == exact:
            return True
    return False


samplers = [
    lambda: (10.0, float(random.randint(-30, 30))),
    lambda: (10.0, random.uniform(-8, 8)),
    lambda: (random.choice([2.0, math.e, 3.5, 0.5]), random.uniform(-60, 60)),
    lambda: (1 + (random.random() - 0.5) * 1e-3, random.uniform(-1e4, 1e4)),
    lambda: (random.uniform(0, 10), random.uniform(-5, 5)),
    lambda: (random.lognormvariate(0, 30), random.uniform(-3, 3)),
    lambda: (-random.uniform(0, 10), float(random.randint(-40, 40))),
    lambda: (random.random() * 1e-310, random.uniform(0.01, 0.9)),
    lambda: (random.uniform(1, 2), random.uniform(900, 1020)),
]
cases, misrounded = [], 0
while len(cases) < 3000:
    x, y = random.choice(samplers)()
    try:
        r = math.pow(x, y)
    except (OverflowError, ValueError):
        continue
    if r == 0 or not math.isfinite(r) or is_tie(x, y, r):
        continue
    if r != float(Decimal(x) ** Decimal(y)):
        misrounded += 1
        continue
    cases.append(f'{bits(x)} {bits(y)} {bits(r)}')
os.makedirs(os.path.dirname(OUT), exist_ok=True)
with open(OUT, 'w') as f:
    json.dump({'generator': 'CPython math.pow (glibc)', 'cases': cases}, f, indent=0)
    f.write('\n')
print(len(cases), 'cases;', misrounded, 'glibc misroundings left out')
