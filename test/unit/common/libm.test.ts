// src/common/libm's exp, exp2, expm1, sinh, cosh, tanh, asinh, acosh, atanh, erf, erfc, log1p, log,
// log2 and log10 equal the C library's bit for bit: CPython's math functions of those names on this machine (Debian glibc
// 2.36, x86-64), and gamma/lgamma CPython's own (x > 0), on 100,000 seeded inputs per function
// (libmInputs.ts; sha256 of all outputs, the first 1000 compared one by one) plus special values,
// powers of two and ten, and inputs where glibc is not correctly rounded.
// Fixture: scripts/golden/common_libm.py.

import { readFileSync } from 'node:fs';
import { cpythonGamma, cpythonLgamma } from '../../../src/common/libm/cpythonGamma';
import { fdlibmErf, fdlibmErfc } from '../../../src/common/libm/fdlibmErf';
import { fdlibmExpm1 } from '../../../src/common/libm/fdlibmExpm1';
import { fdlibmCosh, fdlibmSinh, fdlibmTanh } from '../../../src/common/libm/fdlibmHyperbolic';
import { fdlibmAcosh, fdlibmAsinh, fdlibmAtanh } from '../../../src/common/libm/fdlibmInverseHyperbolic';
import { fdlibmLog1p } from '../../../src/common/libm/fdlibmLog1p';
import { glibcExp } from '../../../src/common/libm/glibcExp';
import { glibcExp2 } from '../../../src/common/libm/glibcExp2';
import { glibcLog } from '../../../src/common/libm/glibcLog';
import { glibcLog10 } from '../../../src/common/libm/glibcLog10';
import { glibcLog2 } from '../../../src/common/libm/glibcLog2';
import { fixtures } from '../helpers/golden';
import { checkLibm, type LibmTable } from './libmCheck';
import { atanhInput, erfInput, exp2Input, expInput, gammaInput, hypInput, log1pInput, logInput } from './libmInputs';

const golden = JSON.parse(readFileSync(fixtures('common', 'libm.json'), 'utf8')) as Record<string, LibmTable>;

checkLibm('exp', golden.exp, expInput, glibcExp);
checkLibm('exp2', golden.exp2, exp2Input, glibcExp2);
checkLibm('expm1', golden.expm1, hypInput, fdlibmExpm1);
checkLibm('sinh', golden.sinh, hypInput, fdlibmSinh);
checkLibm('cosh', golden.cosh, hypInput, fdlibmCosh);
checkLibm('tanh', golden.tanh, hypInput, fdlibmTanh);
checkLibm('asinh', golden.asinh, hypInput, fdlibmAsinh);
checkLibm('acosh', golden.acosh, (g) => 1 + Math.abs(hypInput(g)), fdlibmAcosh);
checkLibm('atanh', golden.atanh, atanhInput, fdlibmAtanh);
checkLibm('erf', golden.erf, erfInput, fdlibmErf);
checkLibm('erfc', golden.erfc, erfInput, fdlibmErfc);
checkLibm('gamma', golden.gamma, gammaInput, cpythonGamma);
checkLibm('lgamma', golden.lgamma, gammaInput, cpythonLgamma);
checkLibm('log1p', golden.log1p, log1pInput, fdlibmLog1p);
checkLibm('log', golden.log, logInput, glibcLog);
checkLibm('log2', golden.log2, logInput, glibcLog2);
checkLibm('log10', golden.log10, logInput, glibcLog10);
