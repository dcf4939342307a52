// src/common/libm/glibcSin.ts equals the C library's sin and cos bit for bit: CPython's math.sin and
// math.cos on this machine (Debian glibc 2.36, x86-64 FMA build), on 100,000 seeded inputs per function
// (libmTrigInputs.ts; sha256 of all outputs, the first 1000 compared one by one) plus special values,
// s_sin.c's branch thresholds ±2 ulps and the half-points of its table; and Python's random.gauss, which
// draws through them, equals CPython's on 400 draws. Fixture: scripts/golden/common_libm_trig.py.

import { readFileSync } from 'node:fs';
import { glibcCos, glibcSin } from '../../../src/common/libm/glibcSin';
import { fixtures } from '../helpers/golden';
import { checkLibm, type LibmTable } from './libmCheck';
import { trigInput } from './libmTrigInputs';


const golden = JSON.parse(readFileSync(fixtures('common', 'libm-trig.json'), 'utf8')) as { sin: LibmTable; cos: LibmTable };

checkLibm('sin', golden.sin, trigInput, glibcSin);
checkLibm('cos', golden.cos, trigInput, glibcCos);
