// Every lint rule, in the order the docs list them. Adding a rule = one import and one line here.

import type { Rule } from './rule';
import { conditionalBar } from './rules/conditionalBar';
import { katexError } from './rules/katexError';
import { boldConsistency } from './rules/boldConsistency';
import { operatorUpright } from './rules/operatorUpright';
import { subscriptLabel } from './rules/subscriptLabel';
import { unbracedScript } from './rules/unbracedScript';
import { undefinedLabel } from './rules/undefinedLabel';

export const RULES: readonly Rule[] = [
  katexError,
  unbracedScript,
  operatorUpright,
  boldConsistency,
  subscriptLabel,
  conditionalBar,
  undefinedLabel,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
