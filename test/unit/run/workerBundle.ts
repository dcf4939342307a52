// Bundles src/sandbox/worker.ts for the tests with esbuild, once per test process: with the real engine
// (what ships in out/worker.js) or with the fake engine of fakeEngine.ts in its place.

import * as esbuild from 'esbuild';
import path from 'node:path';
import { tempDir } from '../helpers/tmp';

const root = path.resolve(__dirname, '..', '..', '..');
const dir = tempDir('pizarra-worker-');
const built = new Map<string, Promise<string>>();

export function workerBundle(engine: 'real' | 'fake'): Promise<string> {
  let p = built.get(engine);
  if (!p) {
    const outfile = path.join(dir, `worker-${engine}.js`);
    const fake = path.join(root, 'test', 'unit', 'run', 'fakeEngine.ts');
    const swap: esbuild.Plugin = {
      name: 'fake-engine',
      setup(b) {
        b.onResolve({ filter: /\/engineAdapter$/ }, () => ({ path: fake }));
      },
    };
    p = esbuild
      .build({
        entryPoints: [path.join(root, 'src', 'sandbox', 'worker.ts')],
        outfile,
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        logLevel: 'silent',
        plugins: engine === 'fake' ? [swap] : [],
      })
      .then(() => outfile);
    built.set(engine, p);
  }
  return p;
}
