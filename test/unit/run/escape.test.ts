// The escape suite: guest code tries to reach the host (modules, files, builtins, dunder walks, JavaScript
// prototype names) or to exhaust it (allocations, loops, recursion, giant strings, output floods). Every
// attempt must end with a Python error or a limit message, in the real worker with the real interpreter,
// and leave the host process as it was.

import * as assert from 'node:assert/strict';
import { SandboxClient } from '../../../src/sandbox/client';
import type { RunResult } from '../../../src/sandbox/protocol';
import { workerBundle } from './workerBundle';

/** Source → the exception type it must end with (CPython's, or the sandbox's refusal). */
const refused: ReadonlyArray<readonly [string, string]> = [
  ["__import__('os')", 'NameError'],
  ['import os', 'ModuleNotFoundError'],
  ['import subprocess', 'ModuleNotFoundError'],
  ['import socket', 'ModuleNotFoundError'],
  ['from os import system', 'ModuleNotFoundError'],
  ["open('/etc/passwd')", 'NameError'],
  ["eval('1+1')", 'NameError'],
  ["exec('x = 1')", 'NameError'],
  ["compile('1', 'f', 'eval')", 'NameError'],
  ["globals()['__builtins__']", 'NameError'],
  ['().__class__.__bases__[0].__subclasses__()', 'AttributeError'],
  ["[c for c in object.__subclasses__() if c.__name__ == '_wrap_close'][0].__init__.__globals__['system']('id')", 'AttributeError'],
  ['type.__subclasses__(object)', 'AttributeError'],
  ['def f(): pass\nf.__globals__', 'AttributeError'],
  ["def f(): pass\ngetattr(f, '__globals__')['__builtins__']", 'AttributeError'],
  ["getattr(print, '__self__')", 'AttributeError'],
  ["getattr(len, '__globals__')", 'AttributeError'],
  ['(lambda: 0).__code__', 'AttributeError'],
  ["import math\ngetattr(math, '__loader__')", 'AttributeError'],
  ['import math\nmath.__dict__', 'AttributeError'],
  ['import sys\nsys.modules', 'AttributeError'],
  ["import random\ngetattr(random, '__spec__')", 'AttributeError'],
  ["getattr((), 'constructor')", 'AttributeError'],
  ["''.constructor.constructor('return process')()", 'AttributeError'],
  ["getattr(getattr(print, 'constructor'), 'constructor')('return process')()", 'AttributeError'],
  ['{}.__proto__', 'AttributeError'],
  ["getattr([], '__proto__')", 'AttributeError'],
  ["getattr(1, 'valueOf')", 'AttributeError'],
  ["d = {'__proto__': 1}\nd['constructor']", 'KeyError'],
  ['x = [0] * 10**10', 'MemoryError'],
  ["s = 'x' * 2**40", 'MemoryError'],
  ["s = 'ab' * 10**9", 'MemoryError'],
  ['def f(n):\n    return f(n + 1)\nf(0)', 'RecursionError'],
  ['class A:\n    def __repr__(self):\n        return repr(self)\nrepr(A())', 'RecursionError'],
  ['def g():\n    yield from g()\nlist(g())', 'RecursionError'],
];

describe('escape suite (real interpreter in the worker)', function () {
  this.timeout(60_000);
  let workerPath: string;
  let client: SandboxClient;
  const hostEnvKeys = Object.keys(process.env).length;
  const req = (source: string) => ({ source, filename: 'escape.md', lineOffset: 0 });

  before(async () => {
    workerPath = await workerBundle('real');
    client = new SandboxClient({ workerPath, prelude: '', limits: { timeoutSeconds: 1, memoryMB: 192, outputLimitChars: 64 * 1024 } });
  });
  after(() => client.dispose());

  for (const [source, type] of refused) {
    it(`ends ${JSON.stringify(source).slice(0, 60)} with ${type}`, async () => {
      const r = await client.run(req(source));
      assert.equal(r.status, 'error', JSON.stringify(r));
      assert.equal(r.error?.type, type, r.error?.traceback);
      assert.match(r.error!.traceback, new RegExp(`${type}`));
    });
  }

  it('keeps JavaScript prototype names as plain Python names and keys', async () => {
    const r = await client.run(req("__proto__ = 1\nconstructor = 2\nhasOwnProperty = 3\nd = {'__proto__': 4, 'toString': 5}\nprint(__proto__, constructor, hasOwnProperty, d['__proto__'], d['toString'], len(d))"));
    assert.equal(r.status, 'ok', r.error?.traceback);
    assert.equal(r.output, '1 2 3 4 5 2\n');
  });

  it('stops an infinite loop at the time limit and keeps the variables defined before it', async () => {
    await client.run(req('kept = 41'));
    const r = await client.run(req('while True:\n    pass'));
    assert.equal(r.status, 'timeout');
    assert.match(r.message!, /pizarra\.run\.timeoutSeconds/);
    assert.equal((await client.run(req('print(kept + 1)'))).output, '42\n');
  });

  it('Stop interrupts a busy loop with KeyboardInterrupt and the session goes on', async () => {
    const running = client.run(req('n = 0\nwhile True:\n    n += 1'));
    setTimeout(() => client.stop(), 200);
    const r: RunResult = await running;
    assert.equal(r.status, 'interrupted');
    assert.equal(r.error?.type, 'KeyboardInterrupt');
    const after = await client.run(req('print(n > 0)'));
    assert.equal(after.output, 'True\n');
  });

  it('truncates an output flood and stops it at the time limit', async () => {
    const r = await client.run(req("while True:\n    print('x' * 1000)"));
    assert.equal(r.status, 'timeout');
    assert.equal(r.truncated, true);
    assert.equal(r.output.length, 64 * 1024);
  });

  it('truncates one giant write', async () => {
    const r = await client.run(req("print('y' * 10**7)"));
    assert.equal(r.status, 'ok');
    assert.equal(r.truncated, true);
    assert.equal(r.output, 'y'.repeat(64 * 1024));
  });

  it('ends a session that fills its heap with a memory message, and a new one starts', async () => {
    const small = new SandboxClient({ workerPath, prelude: '', limits: { timeoutSeconds: 20, memoryMB: 96 } });
    try {
      const r = await small.run(req("a = []\nwhile True:\n    a.append('x' * 10**6 + str(len(a)))"));
      // Either the interpreter refuses first (MemoryError) or V8 ends the worker at the heap limit.
      if (r.status === 'lost') assert.match(r.message!, /MemoryError.*pizarra\.run\.memoryMB/);
      else assert.equal(r.error?.type, 'MemoryError', JSON.stringify(r));
      assert.equal((await small.run(req('print(1 + 1)'))).output, '2\n');
    } finally {
      small.dispose();
    }
  });

  it('leaves the host process as it was', async () => {
    const r = await client.run(req("x = {}\nx['__proto__'] = {'polluted': 1}\nprint('ok')"));
    assert.equal(r.output, 'ok\n');
    assert.equal(Object.keys(Object.prototype).length, 0);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.keys(process.env).length, hostEnvKeys);
  });
});
