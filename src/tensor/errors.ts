// Errors, warnings and the allocation cap of the tensor core. Errors carry the Python exception type
// name so the interpreter can raise the same class NumPy raises, with NumPy's exact message.

/** Python exception names the core raises (`numpy.exceptions.AxisError` is printed by that full name). */
export type PyErrorType =
  | 'ValueError'
  | 'IndexError'
  | 'TypeError'
  | 'MemoryError'
  | 'numpy._core._exceptions._ArrayMemoryError'
  | 'numpy.exceptions.AxisError'
  | 'numpy._core._exceptions._UFuncOutputCastingError'
  | 'numpy._core._exceptions._UFuncNoLoopError'
  | 'numpy.linalg.LinAlgError'
  | 'ZeroDivisionError'
  | 'OverflowError'
  | 'NotImplementedError';

export class TensorError extends Error {
  constructor(
    readonly pyType: PyErrorType,
    message: string,
  ) {
    super(message);
    this.name = pyType;
  }
  /** The line Python prints last in a traceback, e.g. `ValueError: cannot reshape ...`. */
  get pyLine(): string {
    return `${this.pyType}: ${this.message}`;
  }
}

export const valueError = (m: string) => new TensorError('ValueError', m);
export const typeError = (m: string) => new TensorError('TypeError', m);
export const indexError = (m: string) => new TensorError('IndexError', m);
export const axisError = (axis: number, ndim: number) =>
  new TensorError('numpy.exceptions.AxisError', `axis ${axis} is out of bounds for array of dimension ${ndim}`);

/** Normalises a possibly negative axis, raising NumPy's AxisError. */
export function normAxis(axis: number, ndim: number): number {
  if (axis < -ndim || axis >= ndim) throw axisError(axis, ndim);
  return axis < 0 ? axis + ndim : axis;
}

// ---- RuntimeWarning reporting ----------------------------------------------------------------------

/** Receives warnings such as `RuntimeWarning`: `divide by zero encountered in divide`. */
export type WarningSink = (category: 'RuntimeWarning' | 'DeprecationWarning', message: string) => void;
let sink: WarningSink | null = null;

/** Installs the warning callback (null: warnings are dropped). Returns the previous one. */
export function setWarningSink(s: WarningSink | null): WarningSink | null {
  const prev = sink;
  sink = s;
  return prev;
}

/** Runs f with warnings dropped, as NumPy code does under np.errstate(all='ignore'). */
export function withoutWarnings<T>(f: () => T): T {
  const prev = setWarningSink(null);
  try {
    return f();
  } finally {
    setWarningSink(prev);
  }
}

export function warn(message: string, category: 'RuntimeWarning' | 'DeprecationWarning' = 'RuntimeWarning'): void {
  if (sink) sink(category, message);
}

// ---- Allocation cap -------------------------------------------------------------------------------

let capBytes = Infinity;
let usedBytes = 0;
let liveProbe: (() => number) | undefined;

/**
 * Limits the bytes of array data that may be alive at once (Infinity: no limit).
 * Exceeding it raises MemoryError *before* allocating, with NumPy's `_ArrayMemoryError` wording.
 *
 * Counting only allocations would turn every long training loop into a false MemoryError (its temporaries
 * die each step), and a synchronous run never sees finalizers or GC'd WeakRefs. So the count is an upper
 * bound that is re-synchronised from `liveBytes` (the embedder's measure of live array memory, e.g.
 * `process.memoryUsage().arrayBuffers`) whenever it would cross the cap; only a real excess raises.
 */
export function setAllocationCap(bytes: number, liveBytes?: () => number): void {
  capBytes = bytes;
  usedBytes = 0;
  liveProbe = liveBytes;
}

export function allocatedBytes(): number {
  return usedBytes;
}

/** Allocates a zeroed Float64Array of n elements for an array of `shape`, charging the cap. */
export function allocate(n: number, shape: readonly number[], dtype: string): Float64Array {
  const bytes = n * 8;
  // Beyond 2**31 elements a Float64Array cannot exist; NumPy fails there too, with _ArrayMemoryError.
  if (!Number.isFinite(n) || n < 0 || n > 2 ** 31)
    throw new TensorError('numpy._core._exceptions._ArrayMemoryError', allocMessage(bytes, shape, dtype));
  // The caller's cap is a sandbox limit: plain MemoryError (what the interpreter's tests expect).
  if (usedBytes + bytes > capBytes) {
    if (liveProbe && bytes <= capBytes) usedBytes = Math.min(usedBytes, liveProbe());
    if (usedBytes + bytes > capBytes) throw new TensorError('MemoryError', allocMessage(bytes, shape, dtype));
  }
  usedBytes += bytes;
  return n <= SMALL ? small(n) : new Float64Array(n);
}

// Small arrays (up to 2 KB) are carved from a shared 64 KB slab: a view over an existing ArrayBuffer
// costs far less than a new ArrayBuffer (a calloc, its bookkeeping and the external-memory accounting
// that schedules GCs: measured 2-4 us for a 1 KB array, 0.3 us carved), which dominates `a + b` on
// vectors of a layer's width. Slab memory is never reused, so each carve is zero-filled; a slab lives
// as long as any array on it (at most 32x the bytes of a long-lived 2 KB array, 512x for a tiny one).
const SMALL = 256;
const SLAB = 8192;
let slab = new ArrayBuffer(SLAB * 8);
let slabPos = 0;
function small(n: number): Float64Array {
  if (slabPos + n > SLAB) {
    slab = new ArrayBuffer(SLAB * 8);
    slabPos = 0;
  }
  const a = new Float64Array(slab, slabPos * 8, n);
  slabPos += n;
  return a;
}

function allocMessage(bytes: number, shape: readonly number[], dtype: string): string {
  const shp = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  return `Unable to allocate ${humanBytes(bytes)} for an array with shape ${shp} and data type ${dtype}`;
}

// numpy/_core/_exceptions.py _size_to_string: unit from the bit length, 3 significant digits ('#.3g').
function humanBytes(n: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];
  let u = Math.floor(Math.max(Math.floor(Math.log2(Math.max(n, 1))), 1) / 10);
  let v = n / 2 ** (u * 10);
  if (Math.round(v) === 1024) (u += 1), (v /= 1024);
  if (u >= units.length) return `${n} bytes`;
  if (u === 0) return `${v.toFixed(0)} ${units[u]}`;
  if (Math.round(v) < 1000) {
    const g = v.toPrecision(3);
    return `${g.includes('.') ? g : g + '.'} ${units[u]}`;
  }
  return `${v.toFixed(0)}. ${units[u]}`;
}
