// The interpreter API: persistent namespaces, file names and line offsets in tracebacks, output
// callbacks, limits (recursion, steps, time, interrupt flag, tensor memory) and sandbox errors.

import * as assert from 'node:assert/strict';
import { Session } from '../../../src/python';
import { sandboxModules } from '../../../src/sandbox';

function session(extra: Partial<ConstructorParameters<typeof Session>[0]> = {}) {
  const io = { out: '', err: '' };
  const s = new Session({ stdout: (x) => (io.out += x), stderr: (x) => (io.err += x), modules: sandboxModules(), ...extra });
  return { s, io };
}

describe('python session API', () => {
  it('keeps the namespace between runs', () => {
    const { s, io } = session();
    assert.ok(s.run('x = 20\ndef double(v):\n    return 2 * v\n').ok);
    assert.ok(s.run('print(double(x) + 2)').ok);
    assert.equal(io.out, '42\n');
  });

  it('reports the Markdown line when given a line offset', () => {
    const { s, io } = session();
    const r = s.run('a = 1\nb = a / 0\n', { filename: 'article.md', lineOffset: 10 });
    assert.equal(r.ok, false);
    assert.equal(r.error?.type, 'ZeroDivisionError');
    assert.equal(io.err, 'Traceback (most recent call last):\n  File "article.md", line 12, in <module>\n    b = a / 0\n        ~~^~~\nZeroDivisionError: division by zero\n');
  });

  it('reports syntax errors with the offset line and a caret', () => {
    const { s, io } = session();
    const r = s.run('x = (1,\n', { filename: 'doc.md', lineOffset: 4 });
    assert.equal(r.error?.type, 'SyntaxError');
    assert.equal(io.err, '  File "doc.md", line 5\n    x = (1,\n        ^\nSyntaxError: \'(\' was never closed\n');
  });

  it('raises RecursionError with CPython\'s message instead of overflowing the host stack', () => {
    const { s, io } = session();
    const r = s.run('def f(n):\n    return f(n + 1)\nf(0)\n');
    assert.equal(r.error?.type, 'RecursionError');
    assert.match(io.err, /RecursionError: maximum recursion depth exceeded\n$/);
    assert.match(io.err, /\[Previous line repeated \d+ more times\]/);
    assert.ok(s.run('print("still usable")').ok);
    assert.match(io.out, /still usable/);
  });

  it('stops an endless loop at the step budget with KeyboardInterrupt and stays usable', () => {
    const { s, io } = session();
    const r = s.run('n = 0\nwhile True:\n    n += 1\n', { maxSteps: 200000 });
    assert.equal(r.error?.type, 'KeyboardInterrupt');
    assert.ok(s.run('print(n > 0)').ok);
    assert.equal(io.out, 'True\n');
  });

  it('stops at the time limit', () => {
    const { s } = session();
    const t0 = Date.now();
    const r = s.run('while True:\n    pass\n', { timeoutMs: 100 });
    assert.equal(r.error?.type, 'KeyboardInterrupt');
    assert.ok(Date.now() - t0 < 5000);
  });

  it('cannot catch the limit interrupt with a bare except', () => {
    const { s, io } = session();
    const r = s.run('while True:\n    try:\n        pass\n    except BaseException:\n        print("caught")\n', { maxSteps: 100000 });
    assert.equal(r.error?.type, 'KeyboardInterrupt');
    assert.equal(io.out, '');
  });

  it('interrupts through the shared flag (set by another thread in the editor)', () => {
    const flag = new Int32Array(new SharedArrayBuffer(4));
    const { s } = session();
    let calls = 0;
    s.setOutput(() => {
      if (++calls === 3) Atomics.store(flag, 0, 1);
    }, () => {});
    const r = s.run('i = 0\nwhile True:\n    print(i)\n    i += 1\n', { interrupt: flag });
    assert.equal(r.error?.type, 'KeyboardInterrupt');
    assert.equal(Atomics.load(flag, 0), 0, 'the flag is reset after interrupting');
  });

  it('raises MemoryError before allocating a tensor above the cap', () => {
    const io = { out: '', err: '' };
    const s = new Session({ stdout: (x) => (io.out += x), stderr: (x) => (io.err += x), modules: sandboxModules({ memoryCapBytes: 1 << 20 }) });
    const r = s.run('import numpy as np\na = np.zeros((1000, 1000))\n');
    assert.equal(r.error?.type, 'MemoryError');
    assert.ok(s.run('b = np.zeros(10)\nprint(b.sum())').ok);
    assert.equal(io.out, '0.0\n');
  });

  it('names the sandbox for unavailable modules and builtins', () => {
    const { s, io } = session();
    assert.equal(s.run('import os').error?.message, "No module named 'os' (not available in Pizarra's sandbox)");
    assert.equal(s.run('import subprocess').error?.type, 'ModuleNotFoundError');
    for (const name of ['open', 'eval', 'exec', '__import__']) {
      const r = s.run(`${name}('x')`);
      assert.equal(r.error?.type, 'NameError');
      assert.match(r.error!.message, /not available in Pizarra's sandbox/);
    }
    assert.match(io.err, /ModuleNotFoundError: No module named 'os' \(not available in Pizarra's sandbox\)/);
  });

  it('names the sandbox for string arrays, which NumPy has and Pizarra does not', () => {
    const { s } = session();
    for (const src of ['np.array(["a", "b"])', 'np.random.choice(["x", "y"])', 'np.random.default_rng(0).choice(["x"])', 'np.zeros(2) + [1.0, "2"]']) {
      const r = s.run(`import numpy as np\n${src}\n`);
      assert.equal(r.error?.type, 'TypeError', src);
      assert.equal(r.error?.message, "string arrays are not available in Pizarra's sandbox (its arrays hold numbers and booleans)", src);
    }
    // Numbers still convert, and a non-string non-number keeps NumPy's float() wording.
    assert.ok(s.run('import numpy as np\nnp.array([1, 2.5, True])').ok);
    assert.equal(s.run('import numpy as np\nnp.array([1, {}], dtype=float)').error?.message, "float() argument must be a string or a real number, not 'dict'");
  });

  it('sends print and sys.stdout to the stdout callback and tracebacks to stderr', () => {
    const { s, io } = session();
    s.run('import sys\nprint("a", end="")\nsys.stdout.write("b\\n")\nsys.stderr.write("warn\\n")\n');
    assert.equal(io.out, 'ab\n');
    assert.equal(io.err, 'warn\n');
  });
});

describe('python sandbox isolation', () => {
  const probes = [
    '().__class__.__bases__[0].__subclasses__()',
    '(lambda: 0).__globals__',
    '(lambda: 0).__code__',
    'print.__self__.__dict__',
    '[].__class__.__dict__["append"].__globals__',
    'type(print).__call__.constructor',
    '"".constructor',
    '(1).__proto__',
    'getattr(object, "__subclasses__")()',
    'object.__dict__["constructor"]',
    'type.__dict__',
  ];
  for (const p of probes) {
    it(`dead end: ${p}`, () => {
      const { s, io } = session();
      const r = s.run(`x = ${p}\nprint(type(x).__name__)`);
      // Either a Python error, or a plain Python value: never a JS function/object.
      if (r.ok) assert.match(io.out, /^(dict|tuple|list|NoneType|type|str)\n$/);
      else assert.ok(['AttributeError', 'KeyError', 'TypeError', 'IndexError'].includes(r.error!.type), r.error!.type);
    });
  }

  it('keeps user names out of JS prototypes', () => {
    const { s, io } = session();
    assert.ok(s.run('constructor = 1\n__proto__ = 2\ntoString = 3\nhasOwnProperty = 4\nprint(constructor + __proto__ + toString + hasOwnProperty)').ok);
    assert.equal(io.out, '10\n');
    const d = session();
    assert.ok(d.s.run('d = {"__proto__": 1, "constructor": 2}\nprint(d["__proto__"], len(d), d.get("toString"))').ok);
    assert.equal(d.io.out, '1 2 None\n');
  });
});
