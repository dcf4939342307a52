# Golden generator for the tensor core: runs every case of test/fixtures/tensor/cases/*.txt through real
# CPython + NumPy and writes test/fixtures/tensor/golden/<name>.json as [[case, expected], ...].
# A case is one line of `;`-separated Python statements ending in an expression; the expected text is
# the RuntimeWarnings it raised (deduplicated, in order) followed by str(value) for strings, repr(value)
# otherwise, or `ExceptionType: message` (qualified like a traceback prints it).
# Run: python3 scripts/golden/tensor_golden.py   (needs NumPy 2.4.x)
import json, os, sys, warnings
import numpy as np

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')
CASES = os.path.join(ROOT, 'test', 'fixtures', 'tensor', 'cases')
OUT = os.path.join(ROOT, 'test', 'fixtures', 'tensor', 'golden')


def split_statements(src):
    parts, depth, cur, quote = [], 0, '', ''
    for ch in src:
        if quote:
            if ch == quote:
                quote = ''
        elif ch in '\'"':
            quote = ch
        elif ch in '([{':
            depth += 1
        elif ch in ')]}':
            depth -= 1
        if ch == ';' and depth == 0 and not quote:
            parts.append(cur)
            cur = ''
        else:
            cur += ch
    if cur.strip():
        parts.append(cur)
    return [p.strip() for p in parts]


def exc_name(e):
    t = type(e)
    return t.__name__ if t.__module__ == 'builtins' else f'{t.__module__}.{t.__qualname__}'


def run_case(src):
    env = {'np': np}
    stmts = split_statements(src)
    with warnings.catch_warnings(record=True) as caught, np.printoptions():
        warnings.simplefilter('always')
        try:
            for s in stmts[:-1]:
                exec(s, env)
            v = eval(stmts[-1], env)
            res = v if isinstance(v, str) else repr(v)
        except Exception as e:  # noqa: BLE001 - the error text is the expected output
            res = f'{exc_name(e)}: {e}'
    lines = []
    for w in caught:
        line = f'{w.category.__name__}: {w.message}'
        if line not in lines:
            lines.append(line)
    return '\n'.join(lines + [res])


def main():
    assert np.__version__.startswith('2.4'), np.__version__
    os.makedirs(OUT, exist_ok=True)
    total = 0
    for name in sorted(os.listdir(CASES)):
        if not name.endswith('.txt'):
            continue
        cases = []
        with open(os.path.join(CASES, name)) as f:
            for line in f:
                line = line.strip()
                if not line or line.startswith('#'):
                    continue
                np.random.seed(12345)
                cases.append([line, run_case(line)])
        with open(os.path.join(OUT, name[:-4] + '.json'), 'w') as f:
            json.dump(cases, f, indent=1, ensure_ascii=False)
            f.write('\n')
        total += len(cases)
        print(f'{name}: {len(cases)} cases')
    print('total', total)


if __name__ == '__main__':
    sys.exit(main())
