// The host side of a session against a worker running the fake engine: state between runs, Stop that keeps
// the variables, the time limit, a worker that ignores Stop, heap exhaustion, output caps, the prelude.

import * as assert from 'node:assert/strict';
import { SandboxClient, type ClientOptions } from '../../../src/sandbox/client';
import { workerBundle } from './workerBundle';

describe('sandbox client (fake engine)', () => {
  let workerPath: string;
  const clients: SandboxClient[] = [];
  before(async () => {
    workerPath = await workerBundle('fake');
  });
  afterEach(() => clients.splice(0).forEach((c) => c.dispose()));

  function client(options: ClientOptions = {}): SandboxClient {
    const c = new SandboxClient({ workerPath, prelude: '', ...options });
    clients.push(c);
    return c;
  }
  const req = (source: string, lineOffset = 0) => ({ source, filename: 'a.md', lineOffset });

  it('keeps the namespace between runs and reports output', async () => {
    const c = client();
    assert.equal((await c.run(req('set x 7'))).status, 'ok');
    const r = await c.run(req('get x\nprint done'));
    assert.equal(r.status, 'ok');
    assert.equal(r.output, '7\ndone\n');
  });

  it('reports Python errors with the document line', async () => {
    const c = client();
    const r = await c.run(req('print a\nraise bad value', 40));
    assert.equal(r.status, 'error');
    assert.equal(r.output, 'a\n');
    assert.equal(r.error?.summary, 'ValueError: bad value');
    assert.equal(r.error?.line, 42);
  });

  it('runs the prelude once per session, before the first run', async () => {
    const c = client({ prelude: 'set np module' });
    assert.equal((await c.run(req('get np'))).output, 'module\n');
    c.restart();
    assert.equal((await c.run(req('get np'))).output, 'module\n');
  });

  it('says when the prelude fails and does not run the block', async () => {
    const c = client({ prelude: 'raise no numpy' });
    const r = await c.run(req('print never'));
    assert.equal(r.status, 'error');
    assert.equal(r.output, '');
    assert.match(r.message ?? '', /pizarra\.run\.prelude/);
  });

  it('Stop interrupts a loop and keeps the variables', async () => {
    const c = client();
    await c.run(req('set w 3'));
    const running = c.run(req('loop'));
    setTimeout(() => c.stop(), 100);
    const r = await running;
    assert.equal(r.status, 'interrupted');
    assert.equal(r.error?.type, 'KeyboardInterrupt');
    assert.equal((await c.run(req('get w'))).output, '3\n');
  });

  it('Stop cancels the runs waiting for their turn', async () => {
    const c = client();
    await c.warmUp();
    const first = c.run(req('loop'));
    const second = c.run(req('print no'));
    setTimeout(() => c.stop(), 100);
    assert.equal((await first).status, 'interrupted');
    assert.equal((await second).status, 'cancelled');
    assert.equal((await c.run(req('print yes'))).output, 'yes\n');
  });

  it('Stop while the session starts cancels the run instead of letting it loop', async () => {
    const c = client();
    const r = c.run(req('loop'));
    c.stop();
    assert.equal((await r).status, 'cancelled');
  });

  it('stops a run at the time limit, naming the setting, and keeps the session', async () => {
    const c = client({ limits: { timeoutSeconds: 0.2 } });
    await c.run(req('set k 1'));
    const r = await c.run(req('loop'));
    assert.equal(r.status, 'timeout');
    assert.match(r.message ?? '', /pizarra\.run\.timeoutSeconds/);
    assert.equal((await c.run(req('get k'))).output, '1\n');
  });

  it('terminates a worker that ignores Stop, tells the state was lost, and starts anew', async () => {
    const c = client({ graceMs: 200 });
    await c.run(req('set k 1'));
    const running = c.run(req('print before\nhang'));
    setTimeout(() => c.stop(), 150);
    const r = await running;
    assert.equal(r.status, 'lost');
    assert.equal(r.lostReason, 'unresponsive');
    assert.match(r.message ?? '', /lost/);
    assert.equal(c.alive, false);
    const after = await c.run(req('get k'));
    assert.equal(after.status, 'error');
    assert.equal(after.error?.type, 'NameError');
  });

  it('ends a session that exhausts its heap with a MemoryError message; the host goes on', async () => {
    const c = client({ limits: { memoryMB: 64 } });
    const r = await c.run(req('alloc'));
    assert.equal(r.status, 'lost');
    assert.equal(r.lostReason, 'memory');
    assert.match(r.message ?? '', /MemoryError.*pizarra\.run\.memoryMB/);
    assert.equal((await c.run(req('print alive'))).output, 'alive\n');
  });

  it('truncates an output flood at the output limit and stops it at the time limit', async () => {
    const c = client({ limits: { outputLimitChars: 5000, timeoutSeconds: 0.3 } });
    const r = await c.run(req('flood'));
    assert.equal(r.status, 'timeout');
    assert.equal(r.truncated, true);
    assert.equal(r.output.length, 5000);
  });

  it('streams output while a run goes on', async () => {
    const c = client({ limits: { timeoutSeconds: 0.4 } });
    const seen: string[] = [];
    const r = await c.run({ ...req('flood'), onOutput: (t) => seen.push(t) });
    assert.ok(seen.length >= 1);
    assert.ok(r.output.startsWith(seen.join('')));
  });

  it('delivers every write before the result, in order, with its stream', async () => {
    const c = client();
    const seen: Array<[string, string]> = [];
    const r = await c.run({ ...req('print a\nprint b\nwarn w\nprint c\nraise x'), onOutput: (t, s) => seen.push([s, t]) });
    assert.deepEqual(seen, [['stdout', 'a\nb\n'], ['stderr', 'w\n'], ['stdout', 'c\n']]);
    assert.equal(r.output, 'a\nb\nw\nc\n');
  });

  it('turns a JavaScript stack overflow inside the engine into RecursionError', async () => {
    const c = client();
    const r = await c.run(req('jsthrow'));
    assert.equal(r.status, 'error');
    assert.equal(r.error?.summary, 'RecursionError: maximum recursion depth exceeded');
  });

  it('gives the tensor core half of the heap limit', async () => {
    const c = client({ limits: { memoryMB: 100 } });
    assert.equal((await c.run(req('tensorbytes'))).output, `${50 * 1024 * 1024}\n`);
  });

  it('reports its state: starting → idle → running → idle → none after restart', async () => {
    const c = client();
    const states: string[] = [];
    c.onState((s) => states.push(s));
    await c.run(req('print a'));
    c.restart();
    assert.deepEqual(states, ['starting', 'idle', 'running', 'idle', 'none']);
  });
});
