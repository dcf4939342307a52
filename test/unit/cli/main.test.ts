// The CLI's contract: help for the tool and each subcommand, exit codes 0/1/2, clear usage errors.

import * as assert from 'node:assert/strict';
import { commands } from '../../../src/cli/commands';
import { parseArgs, UsageError } from '../../../src/cli/args';
import { runCli } from '../helpers/cli';

describe('cli', () => {
  it('prints help listing every subcommand and exits 0', async () => {
    const r = await runCli(['--help']);
    assert.equal(r.code, 0);
    for (const name of ['render', 'lint', 'run', 'exec', 'check']) assert.match(r.stdout, new RegExp(`^  ${name} `, 'm'));
    assert.match(r.stdout, /Exit codes: 0 ok, 1 findings or failures, 2 usage or internal error/);
  });

  it('prints usage to stderr and exits 2 without a command', async () => {
    const r = await runCli([]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /Usage: pizarra <command>/);
  });

  it('rejects an unknown command with exit 2', async () => {
    const r = await runCli(['renderr']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown command 'renderr'/);
  });

  it('prints the version', async () => {
    const r = await runCli(['--version']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^pizarra \d+\.\d+\.\d+\n$/);
  });

  for (const c of commands) {
    it(`has its own --help for '${c.name}'`, async () => {
      const r = await runCli([c.name, '--help']);
      assert.equal(r.code, 0);
      assert.match(r.stdout, new RegExp(`^Usage: pizarra ${c.name} `));
      assert.match(r.stdout, /--help/);
    });

    if (c.pending) {
      it(`says '${c.name}' is not built yet and exits 2`, async () => {
        const r = await runCli([c.name, 'x.md']);
        assert.equal(r.code, 2);
        assert.match(r.stderr, /not built yet/);
      });
    } else {
      it(`'${c.name}' rejects an unknown option with exit 2`, async () => {
        const r = await runCli([c.name, '--no-such-option', 'x']);
        assert.equal(r.code, 2);
        assert.match(r.stderr, /unknown option '--no-such-option'/);
      });

      it(`'${c.name}' names a missing file and exits 2`, async () => {
        const r = await runCli([c.name, 'no/such/file.md']);
        assert.equal(r.code, 2, r.stderr + r.stdout);
        assert.match(r.stderr + r.stdout, /no\/such\/file\.md/);
      });
    }
  }
});

describe('cli argument parser', () => {
  const specs = [
    { name: 'out', short: 'o', kind: 'string' as const, description: '' },
    { name: 'timeout', kind: 'number' as const, description: '' },
    { name: 'format', kind: 'string' as const, choices: ['text', 'json'], description: '' },
    { name: 'keep-going', kind: 'boolean' as const, description: '' },
  ];

  it('reads long, short, = and boolean forms and keeps positionals in order', () => {
    const r = parseArgs(['a.md', '-o', 'x.html', '--timeout=5', '--keep-going', 'b.md', '--', '--c'], specs);
    assert.deepEqual(r.positional, ['a.md', 'b.md', '--c']);
    assert.equal(r.options.get('out'), 'x.html');
    assert.equal(r.options.get('timeout'), 5);
    assert.equal(r.options.get('keep-going'), true);
  });

  it('names the problem in usage errors', () => {
    assert.throws(() => parseArgs(['--timeout', 'soon'], specs), (e: unknown) => e instanceof UsageError && /needs a number, got 'soon'/.test(e.message));
    assert.throws(() => parseArgs(['--format', 'xml'], specs), /must be one of text, json; got 'xml'/);
    assert.throws(() => parseArgs(['-o'], specs), /needs a value/);
    assert.throws(() => parseArgs(['--keep-going=yes'], specs), /takes no value/);
  });
});
