// `npm run bench`: runs every benchmark that exists (bench/*.ts), one after the other, so their
// numbers do not disturb each other on this 2-core machine.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const scripts = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).scripts;
let failed = 0;
for (const name of Object.keys(scripts).filter((s) => s.startsWith('bench:'))) {
  const file = path.join(root, 'bench', name.slice('bench:'.length) + '.ts');
  if (!existsSync(file)) continue;
  console.log(`\n=== npm run ${name} ===`);
  const r = spawnSync('npm', ['run', '--silent', name], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
