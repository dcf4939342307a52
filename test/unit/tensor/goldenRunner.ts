// Runs one golden case against the tensor API: fresh print options and random seed (as the generator
// does), warnings collected through the sink, errors rendered as `Type: message`.

import * as T from '../../../src/tensor';
import { Evaluator } from './pyeval';
import { PyError, pyRepr } from './pyvalues';

export function runCase(src: string): string {
  const warnings: string[] = [];
  const prev = T.setWarningSink((cat, msg) => {
    const line = `${cat}: ${msg}`;
    if (!warnings.includes(line)) warnings.push(line);
  });
  T.resetPrintOptions();
  T.globalRandom.seed(12345);
  let res: string;
  try {
    const v = new Evaluator().run(src);
    res = typeof v === 'string' ? v : pyRepr(v);
  } catch (e) {
    if (e instanceof T.TensorError || e instanceof PyError) res = `${e.pyType}: ${e.message}`;
    else res = `JS ${(e as Error).stack}`;
  } finally {
    T.setWarningSink(prev);
    T.resetPrintOptions();
  }
  return [...warnings, res].join('\n');
}
