// Every lint rule, in the order the docs list them. Adding a rule = one import and one line here.

import type { Rule } from './rule';
import { conditionalBar } from './rules/conditionalBar';
import { katexError } from './rules/katexError';

export const RULES: readonly Rule[] = [
  katexError,
  conditionalBar,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
