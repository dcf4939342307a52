// Sessions running the same source share its compiled closures (src/python/compileCache.ts): each
// session must still see only its own builtins, modules, globals, classes and output.

import * as assert from 'node:assert/strict';
import { Session } from '../../../src/python';
import { cachedProgram, programKey } from '../../../src/python/compileCache';
import { sandboxModules } from '../../../src/sandbox';

function session() {
  const io = { out: '', err: '' };
  const s = new Session({ stdout: (x) => (io.out += x), stderr: (x) => (io.err += x), modules: sandboxModules() });
  return { s, io };
}

/** Runs `source` in a fresh session after `setup`; returns what it printed. */
function runIn(source: string, setup = '', opts: { filename?: string; lineOffset?: number } = {}): string {
  const { s, io } = session();
  if (setup) assert.ok(s.run(setup).ok, io.err);
  s.run(source, opts);
  return io.out + io.err;
}

// Each test uses sources of its own (a counter in a comment), so no earlier test has cached them.
let serial = 0;
const unique = (src: string) => `# ${serial++} ${Date.now()}\n${src}`;

describe('compiled programs shared between sessions', () => {
  it('compiles a program once and reuses it for the same file, offset and text', () => {
    const src = unique('print(6 * 7)\n');
    assert.equal(cachedProgram(programKey('a.py', 0, src)), undefined);
    assert.equal(runIn(src, '', { filename: 'a.py' }), '42\n');
    const first = cachedProgram(programKey('a.py', 0, src));
    assert.ok(first);
    assert.equal(runIn(src, '', { filename: 'a.py' }), '42\n');
    assert.equal(cachedProgram(programKey('a.py', 0, src)), first);
    // Another file name or offset is another program: its tracebacks say other things.
    assert.equal(cachedProgram(programKey('b.py', 0, src)), undefined);
    assert.equal(cachedProgram(programKey('a.py', 3, src)), undefined);
  });

  it('prints through the session that runs it, not the one that compiled it', () => {
    const src = unique('print("hello", abs(-2))\nimport sys\nsys.stdout.write("w\\n")\n');
    const a = session();
    const b = session();
    a.s.run(src);
    b.s.run(src);
    a.s.run(src);
    assert.equal(a.io.out, 'hello 2\nw\nhello 2\nw\n');
    assert.equal(b.io.out, 'hello 2\nw\n');
  });

  it('resolves builtins per session: a global that shadows one in one session does not leak', () => {
    const src = unique('print(len([1, 2, 3]), abs(-5))\n');
    assert.equal(runIn(src), '3 5\n');
    assert.equal(runIn(src, 'len = lambda v: 42\nabs = lambda v: "abs"'), '42 abs\n');
    assert.equal(runIn(src), '3 5\n');
  });

  it('imports modules into the running session', () => {
    const src = unique('import numpy as np\nfrom math import pi\nnp.random.seed(0)\nprint(np.random.rand(), round(pi, 3))\n');
    assert.equal(runIn(src), '0.5488135039273248 3.142\n');
    // The second session's numpy is its own: its random state starts from the seed again.
    assert.equal(runIn(src, 'import numpy as np\nnp.random.seed(1)\nnp.random.rand()'), '0.5488135039273248 3.142\n');
  });

  it('keeps classes, instances and inline caches per session', () => {
    const src = unique([
      'class V:',
      '    def __init__(self, x):',
      '        self.x = x',
      '    def twice(self):',
      '        return V(self.x * 2)',
      'v = V(3)',
      'for _ in range(50):',
      '    w = v.twice()',
      'print(type(w).__name__, w.x, isinstance(w, V), len(registry))',
      'registry.append(V)',
    ].join('\n'));
    const a = session();
    const b = session();
    a.s.run('registry = []');
    b.s.run('registry = []');
    a.s.run(src);
    b.s.run(src);
    a.s.run(src);
    assert.equal(a.io.out + a.io.err, 'V 6 True 0\nV 6 True 1\n');
    assert.equal(b.io.out + b.io.err, 'V 6 True 0\n');
    // Each run defined a new class; the session's registry holds only its own.
    assert.ok(a.s.run('print(registry[0] is registry[1], registry[0].__name__)').ok);
    assert.equal(a.io.out.split('\n')[2], 'False V');
  });

  it('reports errors of a shared program with the running session\'s names and lines', () => {
    const src = unique('x = 1\ny = x / zero\n');
    const tb = (off: number) => `Traceback (most recent call last):\n  File "doc.md", line ${off + 3}, in <module>\n    y = x / zero\n            ^^^^\nNameError: name 'zero' is not defined\n`;
    assert.equal(runIn(src, '', { filename: 'doc.md', lineOffset: 0 }), tb(0));
    assert.equal(runIn(src, 'zero = 0.5', { filename: 'doc.md', lineOffset: 0 }), '');
    assert.equal(runIn(src, '', { filename: 'doc.md', lineOffset: 0 }), tb(0));
    assert.equal(runIn(src, '', { filename: 'doc.md', lineOffset: 10 }), tb(10));
  });

  it('does not cache a program that fails to parse', () => {
    const src = unique('x = (1,\n');
    const out = runIn(src, '', { filename: 'bad.py' });
    assert.match(out, /SyntaxError: '\(' was never closed/);
    assert.equal(cachedProgram(programKey('bad.py', 0, src)), undefined);
    assert.equal(runIn(src, '', { filename: 'bad.py' }), out);
  });

  it('keeps a bounded number of programs, dropping the least recently run', () => {
    const kept = unique('print(1)\n');
    runIn(kept, '', { filename: 'kept.py' });
    const others: string[] = [];
    for (let i = 0; i < 100; i++) {
      others.push(unique(`print(${i})\n`));
      runIn(others[i], '', { filename: 'many.py' });
      if (i % 10 === 0) runIn(kept, '', { filename: 'kept.py' }); // recently run: stays
    }
    assert.ok(cachedProgram(programKey('kept.py', 0, kept)));
    const remaining = others.map((src) => cachedProgram(programKey('many.py', 0, src)) !== undefined);
    assert.equal(remaining[0], false);
    assert.equal(remaining[99], true);
    // The newest ones stay, up to the capacity (64, one of them `kept`).
    assert.equal(remaining.filter(Boolean).length, 63);
    assert.deepEqual(remaining.slice(37), new Array(63).fill(true));
  });
});
