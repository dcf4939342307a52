#!/usr/bin/env python3
"""Expected output of `pizarra run FILE.md [--keep-going]` for the fixtures in test/fixtures/run/,
produced by CPython + NumPy: each python fence (```python / py / python3, not `norun`) runs in one
namespace after the prelude `import numpy as np`, compiled with the Markdown file name and padded to its
line so tracebacks name the Markdown line, exactly as Pizarra reports them.

Writes <name>.stdout, <name>.stderr and <name>.exit (and the same with .keep-going) next to each fixture.
Run from the repository root: python3 scripts/golden/run_articles.py
"""
import contextlib
import io
import os
import re
import sys
import traceback

HERE = os.path.join(os.path.dirname(__file__), '..', '..', 'test', 'fixtures', 'run')
FENCE = re.compile(r'^( {0,3}(?:[-*] +|  +)?)(`{3,})\s*([^\s`]*)(.*)$')


def blocks(text):
    """(fence line zero-based, source, first content line zero-based) for runnable fences."""
    lines = text.split('\n')
    out = []
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        indent = len(m.group(1))
        ticks = m.group(2)
        lang = m.group(3).lower()
        info = m.group(4)
        j = i + 1
        body = []
        while j < len(lines) and not lines[j].strip().startswith(ticks):
            body.append(lines[j][indent:] if lines[j][:indent].strip() == '' else lines[j])
            j += 1
        if lang in ('python', 'py', 'python3') and not re.search(r'(^|[\s{,.])no-?run\b', info, re.I):
            out.append((i, '\n'.join(body) + '\n', i + 1))
        i = j + 1
    return out


def run(name, keep_going):
    path = name + '.md'
    text = open(path, encoding='utf-8').read()
    ns = {'__name__': '__main__'}
    exec(compile('import numpy as np\n', '<prelude>', 'exec'), ns)
    stdout = io.StringIO()
    stderr = io.StringIO()
    failed = False
    for k, (fence, source, first) in enumerate(blocks(text)):
        stdout.write(f'── {path}:{fence + 1} · block {k + 1} ──\n')
        buf = io.StringIO()
        code = None
        try:
            code = compile('\n' * first + source, path, 'exec')
            with contextlib.redirect_stdout(buf):
                exec(code, ns)
        except BaseException:
            failed = True
            out = buf.getvalue()
            stdout.write(out if out == '' or out.endswith('\n') else out + '\n')
            etype, value, tb = sys.exc_info()
            if code is None:
                # A SyntaxError from compiling the block: like `python3 file.py`, no traceback header.
                stderr.write(''.join(traceback.format_exception_only(etype, value)))
            else:
                # Drop this script's own frame: the traceback starts at the block, as in Pizarra.
                stderr.write(''.join(traceback.format_exception(etype, value, tb.tb_next)))
            if not keep_going:
                break
            continue
        out = buf.getvalue()
        stdout.write(out if out == '' or out.endswith('\n') else out + '\n')
    suffix = '.keep-going' if keep_going else ''
    for ext, value in (('stdout', stdout.getvalue()), ('stderr', stderr.getvalue()), ('exit', f'{1 if failed else 0}\n')):
        with open(f'{name}{suffix}.{ext}', 'w', encoding='utf-8') as f:
            f.write(value)


def main():
    os.chdir(HERE)
    for f in sorted(os.listdir('.')):
        if f.endswith('.md'):
            run(f[:-3], False)
            run(f[:-3], True)


if __name__ == '__main__':
    main()
