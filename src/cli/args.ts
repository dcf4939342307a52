// A small, strict argument parser: every command declares its options, and anything else is a usage
// error (exit 2) that says what was wrong, like git and eslint do.

export interface OptionSpec {
  readonly name: string;
  readonly kind: 'boolean' | 'string' | 'number';
  readonly short?: string;
  readonly description: string;
  /** Shown in help as `--name VALUE`. */
  readonly value?: string;
  /** Allowed values for a string option. */
  readonly choices?: readonly string[];
}

export type ParsedOptions = Map<string, string | number | boolean>;

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[], specs: readonly OptionSpec[]): { options: ParsedOptions; positional: string[] } {
  const options: ParsedOptions = new Map();
  const positional: string[] = [];
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const key = arg.startsWith('--') ? arg.slice(2, eq < 0 ? undefined : eq) : arg.slice(1);
    const spec = arg.startsWith('--') ? byName.get(key) : byShort.get(key);
    if (!spec) throw new UsageError(`unknown option '${arg}'`);
    if (spec.kind === 'boolean') {
      if (eq >= 0) throw new UsageError(`option '--${spec.name}' takes no value`);
      options.set(spec.name, true);
      continue;
    }
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined) throw new UsageError(`option '--${spec.name}' needs a value`);
    if (spec.kind === 'number') {
      const n = Number(value);
      if (!Number.isFinite(n) || value.trim() === '') throw new UsageError(`option '--${spec.name}' needs a number, got '${value}'`);
      options.set(spec.name, n);
    } else {
      if (spec.choices && !spec.choices.includes(value)) {
        throw new UsageError(`option '--${spec.name}' must be one of ${spec.choices.join(', ')}; got '${value}'`);
      }
      options.set(spec.name, value);
    }
  }
  return { options, positional };
}

export function formatOptions(specs: readonly OptionSpec[]): string {
  const rows = specs.map((s) => {
    const flag = `${s.short ? `-${s.short}, ` : '    '}--${s.name}${s.kind === 'boolean' ? '' : ` ${s.value ?? 'VALUE'}`}`;
    return [flag, s.description] as const;
  });
  const width = Math.max(0, ...rows.map(([f]) => f.length));
  return rows.map(([f, d]) => `  ${f.padEnd(width)}  ${d}`).join('\n');
}
