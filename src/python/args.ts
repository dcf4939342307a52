// Binding call arguments to parameter slots with CPython 3.11's error messages
// (Python/ceval.c positional_only_passed_as_keyword, missing_arguments, too_many_positional).

import { pyErr, TypeError } from './errors';
import { PyDict, PyTuple } from './objects';
import { dictSetItem } from './runtime';

export interface ArgSpec {
  qualname: string;
  params: string[];
  slots: number[];
  nposonly: number;
  kwonly: string[];
  kwSlots: number[];
  varargSlot: number;
  kwargSlot: number;
  nrequired: number;
  /** Defaults of the last `defaults.length` positional parameters. */
  defaults: any[];
  kwdefaults: Map<string, any>;
}

function names(list: string[]): string {
  const q = list.map((n) => `'${n}'`);
  if (q.length === 1) return q[0];
  if (q.length === 2) return `${q[0]} and ${q[1]}`;
  return q.slice(0, -1).join(', ') + ', and ' + q[q.length - 1];
}

export function bindArguments(spec: ArgSpec, args: any[], kw: Map<string, any> | null, l: any[]): void {
  const np = spec.params.length;
  const n = Math.min(args.length, np);
  for (let i = 0; i < n; i++) l[spec.slots[i]] = args[i];
  if (args.length > np) {
    if (spec.varargSlot < 0) {
      const ndef = spec.defaults.length;
      const takes = ndef ? `from ${np - ndef} to ${np}` : `${np}`;
      const kwGiven = kw ? [...kw.keys()].filter((k) => spec.kwonly.includes(k)).length : 0;
      const given = kwGiven
        ? `${args.length} positional argument${args.length === 1 ? '' : 's'} (and ${kwGiven} keyword-only argument${kwGiven === 1 ? '' : 's'}) were given`
        : `${args.length} ${args.length === 1 ? 'was' : 'were'} given`;
      throw pyErr(TypeError, `${spec.qualname}() takes ${takes} positional argument${np === 1 && !ndef ? '' : 's'} but ${given}`);
    }
    l[spec.varargSlot] = new PyTuple(args.slice(np));
  } else if (spec.varargSlot >= 0) l[spec.varargSlot] = new PyTuple([]);
  let extra: PyDict | null = null;
  if (spec.kwargSlot >= 0) {
    extra = new PyDict();
    l[spec.kwargSlot] = extra;
  }
  if (kw) {
    for (const [k, v] of kw) {
      let idx = spec.params.indexOf(k);
      if (idx >= 0 && idx < spec.nposonly) {
        if (extra) {
          dictSetItem(extra, k, v);
          continue;
        }
        throw pyErr(TypeError, `${spec.qualname}() got some positional-only arguments passed as keyword arguments: '${k}'`);
      }
      if (idx >= 0) {
        if (l[spec.slots[idx]] !== undefined) throw pyErr(TypeError, `${spec.qualname}() got multiple values for argument '${k}'`);
        l[spec.slots[idx]] = v;
        continue;
      }
      idx = spec.kwonly.indexOf(k);
      if (idx >= 0) {
        l[spec.kwSlots[idx]] = v;
        continue;
      }
      if (extra) {
        dictSetItem(extra, k, v);
        continue;
      }
      throw pyErr(TypeError, `${spec.qualname}() got an unexpected keyword argument '${k}'`);
    }
  }
  const missing: string[] = [];
  const firstDefault = np - spec.defaults.length;
  for (let i = 0; i < np; i++) {
    if (l[spec.slots[i]] !== undefined) continue;
    if (i >= firstDefault) l[spec.slots[i]] = spec.defaults[i - firstDefault];
    else missing.push(spec.params[i]);
  }
  if (missing.length) {
    throw pyErr(TypeError, `${spec.qualname}() missing ${missing.length} required positional argument${missing.length === 1 ? '' : 's'}: ${names(missing)}`);
  }
  const kwMissing: string[] = [];
  spec.kwonly.forEach((k, i) => {
    if (l[spec.kwSlots[i]] !== undefined) return;
    const d = spec.kwdefaults.get(k);
    if (d !== undefined) l[spec.kwSlots[i]] = d;
    else kwMissing.push(k);
  });
  if (kwMissing.length) {
    throw pyErr(TypeError, `${spec.qualname}() missing ${kwMissing.length} required keyword-only argument${kwMissing.length === 1 ? '' : 's'}: ${names(kwMissing)}`);
  }
}
