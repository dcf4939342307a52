// Print options (numpy/_core/printoptions.py defaults) with `setPrintOptions` and a scoped
// `withPrintOptions` for `np.printoptions(...)` blocks.

export interface PrintOptions {
  precision: number;
  threshold: number;
  edgeitems: number;
  linewidth: number;
  suppress: boolean;
  nanstr: string;
  infstr: string;
  sign: '-' | '+' | ' ';
  floatmode: 'maxprec' | 'fixed' | 'unique' | 'maxprec_equal';
}

export const DEFAULT_PRINT_OPTIONS: Readonly<PrintOptions> = Object.freeze({
  precision: 8,
  threshold: 1000,
  edgeitems: 3,
  linewidth: 75,
  suppress: false,
  nanstr: 'nan',
  infstr: 'inf',
  sign: '-',
  floatmode: 'maxprec',
});

let current: PrintOptions = { ...DEFAULT_PRINT_OPTIONS };

export function getPrintOptions(): Readonly<PrintOptions> {
  return current;
}

/** `np.set_printoptions(**opts)`: only the given keys change. */
export function setPrintOptions(opts: Partial<PrintOptions>): void {
  current = { ...current, ...opts };
}

export function resetPrintOptions(): void {
  current = { ...DEFAULT_PRINT_OPTIONS };
}

/** `with np.printoptions(**opts):` — restores the previous options even when `f` throws. */
export function withPrintOptions<T>(opts: Partial<PrintOptions>, f: () => T): T {
  const saved = current;
  current = { ...current, ...opts };
  try {
    return f();
  } finally {
    current = saved;
  }
}
