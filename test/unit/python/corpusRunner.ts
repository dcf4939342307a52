// Runs one corpus case like `python3 <case>.py` would (fresh session, numpy available).

import { Session } from '../../../src/python';
import { sandboxModules } from '../../../src/sandbox';

export function splitBundle(text: string): { name: string; source: string }[] {
  const cases: { name: string; lines: string[] }[] = [];
  let cur: { name: string; lines: string[] } | null = null;
  for (const line of text.split('\n')) {
    const m = /^# === ([\w-]+)\s*$/.exec(line);
    if (m) {
      cur = { name: m[1], lines: [] };
      cases.push(cur);
    } else if (cur) cur.lines.push(line);
  }
  return cases.map((c) => ({ name: c.name, source: c.lines.join('\n').replace(/\n+$/, '') + '\n' }));
}

export function runCase(name: string, source: string): { stdout: string; stderr: string; exit: number } {
  let stdout = '';
  let stderr = '';
  const s = new Session({ stdout: (x) => (stdout += x), stderr: (x) => (stderr += x), modules: sandboxModules() });
  const r = s.run(source, { filename: `${name}.py`, timeoutMs: 20000 });
  return { stdout, stderr, exit: r.ok ? 0 : r.exitCode ?? 1 };
}
