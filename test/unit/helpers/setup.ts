// Loaded by mocha before every unit test file (.mocharc.json `require`): the process starts like the CLI
// and the sandbox worker do, so the tests run the kernels users get (the hardware-FMA matmul included).

import { enableRelaxedSimd } from '../../../src/sandbox/relaxedSimd';

enableRelaxedSimd();
