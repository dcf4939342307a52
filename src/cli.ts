// Entry point of the `pizarra` binary (bundled to out/cli.js).

import { main } from './cli/main';
import { enableRelaxedSimd } from './sandbox/relaxedSimd';

enableRelaxedSimd();

main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  cwd: process.cwd(),
  isTTY: Boolean(process.stdout.isTTY),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`pizarra: internal error: ${e?.stack ?? e}\n`);
    process.exitCode = 2;
  },
);
