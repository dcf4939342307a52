# Golden generator for src/tensor/crlog.ts: x, its correctly rounded natural log (decimal module at
# 60 digits, then rounded once to double), and glibc's math.log(x) for comparison.
# Run: python3 scripts/golden/tensor_crlog.py
import json, math, os, random
from decimal import Decimal, getcontext
getcontext().prec = 60
random.seed(2024)
xs = [random.random() for _ in range(1500)]  # the randn use: r2 in (0, 1)
xs += [random.uniform(0, 1e6) * 10.0 ** random.randint(-300, 300) for _ in range(400)]
xs += [1.0, 2.0, 0.5, 1e-300, 5e-324, 1.7976931348623157e308, math.e, 0.9999999999999999, 1.0000000000000002]
out = [[x.hex(), float(Decimal(x).ln()).hex(), math.log(x).hex()] for x in xs]
path = os.path.join(os.path.dirname(__file__), '..', '..', 'test', 'fixtures', 'tensor', 'crlog.json')
with open(path, 'w') as f:
    json.dump(out, f, indent=0)
    f.write('\n')
print(len(out), 'values')
