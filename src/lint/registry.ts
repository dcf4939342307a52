// Every lint rule, in the order the docs list them. Adding a rule = one import and one line here.

import type { Rule } from './rule';
import { conditionalBar } from './rules/conditionalBar';
import { crossEntropySign } from './rules/crossEntropySign';
import { formulaCodeMismatch } from './rules/formulaCodeMismatch';
import { implicitSum } from './rules/implicitSum';
import { indexClash } from './rules/indexClash';
import { indexMismatch } from './rules/indexMismatch';
import { logDomain } from './rules/logDomain';
import { logOfTarget } from './rules/logOfTarget';
import { referenceFormula } from './rules/referenceFormula';
import { softmaxNormalization } from './rules/softmaxNormalization';
import { katexError } from './rules/katexError';
import { boldConsistency } from './rules/boldConsistency';
import { operatorUpright } from './rules/operatorUpright';
import { subscriptLabel } from './rules/subscriptLabel';
import { unbracedScript } from './rules/unbracedScript';
import { undefinedLabel } from './rules/undefinedLabel';

export const RULES: readonly Rule[] = [
  katexError,
  unbracedScript,
  indexClash,
  indexMismatch,
  implicitSum,
  crossEntropySign,
  softmaxNormalization,
  logOfTarget,
  operatorUpright,
  referenceFormula,
  boldConsistency,
  subscriptLabel,
  conditionalBar,
  logDomain,
  formulaCodeMismatch,
  undefinedLabel,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
