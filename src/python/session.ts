// The interpreter API: a Session owns a module namespace that persists between runs; `run` parses,
// compiles and executes source text with a file name and line offset, sends output to callbacks,
// enforces limits (recursion, steps/time, a shared interrupt flag) and never lets a host exception
// escape — every failure ends as CPython-formatted stderr text.

import type { Stmt } from './ast';
import { makeBuiltins } from './builtins';
import { cacheProgram, cachedProgram, programKey } from './compileCache';
import { Compiler } from './compiler';
import { fromHostError, KeyboardInterrupt, ModuleNotFoundError, pyErr, SystemExit } from './errors';
import { type CodeInfo, Frame, Globals, record, type S } from './frame';
import { makeCollections } from './modules/collections';
import { makeFunctools } from './modules/functools';
import { makeTyping } from './modules/typing';
import { makeCopy } from './modules/copy';
import { makeItertools } from './modules/itertools';
import { makeMath } from './modules/math';
import { makeRandom } from './modules/random';
import { makeSys, makeTime } from './modules/timeSys';
import { bumpTypeVersion, PyBaseException, PyModule } from './objects';
import { parseModule } from './parser';
import { str } from './repr';
import { rt } from './runtime';
import { Analyzer } from './scope';
import { PySyntaxError } from './syntaxError';
import { formatException, formatSyntaxError, shiftLines } from './traceback';
import { installTypes } from './types/constructors';

export type ModuleFactory = (session: Session) => PyModule;

export interface SessionOptions {
  stdout?: (s: string) => void;
  stderr?: (s: string) => void;
  /** Extra importable modules (e.g. `numpy` from the sandbox), by name. */
  modules?: ReadonlyMap<string, ModuleFactory>;
  recursionLimit?: number;
}

export interface Limits {
  /** Wall-clock budget per run in milliseconds. */
  timeoutMs?: number;
  /** Approximate budget of loop iterations + calls per run. */
  maxSteps?: number;
  /** Shared flag: a non-zero value at index 0 interrupts the run (KeyboardInterrupt). */
  interrupt?: Int32Array;
}

export interface RunOptions extends Limits {
  filename?: string;
  /** Added to reported line numbers (the line of the block inside a Markdown file). */
  lineOffset?: number;
}

export interface RunResult {
  ok: boolean;
  /** The uncaught exception's type name and message, when not ok. */
  error?: { type: string; message: string; traceback: string };
  /** SystemExit code when the program called exit. */
  exitCode?: number;
}

/** Builtin modules, one explicit list; anything else fails with a sandbox message. */
const STD_MODULES: ReadonlyMap<string, (s: Session) => PyModule> = new Map<string, (s: Session) => PyModule>([
  ['math', () => makeMath()],
  ['random', () => makeRandom()],
  ['time', () => makeTime()],
  ['collections', () => makeCollections()],
  ['itertools', () => makeItertools()],
  ['functools', () => makeFunctools()],
  ['typing', () => makeTyping()],
  ['copy', () => makeCopy()],
  ['sys', (s) => makeSys((x) => s.out(x), (x) => s.err(x))],
]);

export class Session {
  readonly globals: Globals;
  readonly builtins: Map<string, any>;
  private readonly modules = new Map<string, PyModule>();
  private readonly factories: Map<string, ModuleFactory>;
  private stdout: (s: string) => void;
  private stderr: (s: string) => void;
  readonly interruptFlag: Int32Array;
  limits: Limits = {};
  /** Called at the start of every run (modules reset per-run budgets such as the tensor memory cap). */
  readonly runHooks: (() => void)[] = [];
  recursionLimit: number;

  constructor(opts: SessionOptions = {}) {
    installTypes();
    this.stdout = opts.stdout ?? (() => {});
    this.stderr = opts.stderr ?? (() => {});
    this.builtins = makeBuiltins({ write: (s) => this.stdout(s), writeErr: (s) => this.stderr(s) });
    const builtins = this.builtins;
    this.globals = new Globals({ builtins, len: builtins.get('len'), importModule: (n) => this.importModule(n) });
    this.factories = new Map(STD_MODULES);
    for (const [k, f] of opts.modules ?? []) this.factories.set(k, f);
    this.globals.set('__name__', '__main__');
    this.recursionLimit = opts.recursionLimit ?? 1000;
    this.interruptFlag = new Int32Array(new SharedArrayBuffer(4));
  }

  out(s: string): void {
    this.stdout(s);
  }
  err(s: string): void {
    this.stderr(s);
  }
  setOutput(stdout: (s: string) => void, stderr: (s: string) => void): void {
    this.stdout = stdout;
    this.stderr = stderr;
  }
  setLimits(l: Limits): void {
    this.limits = l;
  }
  /** Requests interruption of the run in progress (safe to call from a callback or another thread). */
  interrupt(): void {
    Atomics.store(this.interruptFlag, 0, 1);
  }

  importModule(name: string): PyModule {
    const m = this.modules.get(name);
    if (m) return m;
    const f = this.factories.get(name);
    if (!f) throw pyErr(ModuleNotFoundError, `No module named '${name}' (not available in Pizarra's sandbox)`);
    const mod = f(this);
    bumpTypeVersion();
    this.modules.set(name, mod);
    return mod;
  }

  run(source: string, opts: RunOptions = {}): RunResult {
    const file = opts.filename ?? '<string>';
    const lineOffset = opts.lineOffset ?? 0;
    const key = programKey(file, lineOffset, source);
    // A program run before (same file, offset and text) reuses its compiled closures; else it is
    // parsed here and compiled below, once the run's limits are in place.
    let program: { code: CodeInfo; nslots: number; main: () => S };
    const cached = cachedProgram(key);
    if (cached !== undefined) program = { code: cached.code, nslots: cached.nslots, main: () => cached.main };
    else {
      const lines = source.split(/\r?\n/);
      let body: Stmt[];
      let analyzer: Analyzer;
      try {
        body = parseModule(source);
        analyzer = new Analyzer(body);
      } catch (e) {
        if (e instanceof PySyntaxError) {
          const text = e.text || lines[e.line - 1] || '';
          const tb = formatSyntaxError(new PySyntaxError(e.kind, e.msg, e.line, e.col, text, e.endCol), file, lineOffset);
          this.stderr(tb);
          return { ok: false, error: { type: e.kind, message: shiftLines(e.msg, lineOffset), traceback: tb } };
        }
        const tb = `SystemError: internal parser error: ${e instanceof Error ? e.message : String(e)}\n`;
        this.stderr(tb);
        return { ok: false, error: { type: 'SystemError', message: String(e), traceback: tb } };
      }
      const compiler = new Compiler({ file, lines, lineOffset, analyzer, moduleName: '__main__' });
      const code = compiler.code('<module>', '<module>');
      const nslots = analyzer.module.nslots;
      program = {
        code,
        nslots,
        main: () => {
          const main = compiler.block(body, analyzer.module, '');
          cacheProgram(key, { code, nslots, main });
          return main;
        },
      };
    }
    const frame = new Frame(program.code, new Array(program.nslots), null, this.globals, null);
    const saved = { ...rt };
    const limits = { ...this.limits, ...opts };
    rt.depth = 1;
    rt.recursionLimit = this.recursionLimit;
    rt.ticks = 10000;
    rt.stepsUsed = 0;
    rt.stepBudget = limits.maxSteps ?? Infinity;
    rt.deadline = limits.timeoutMs !== undefined ? Date.now() + limits.timeoutMs : Infinity;
    rt.interruptFlag = limits.interrupt ?? this.interruptFlag;
    rt.handling = null;
    for (const h of this.runHooks) h();
    rt.frame = frame;
    bumpTypeVersion();
    try {
      program.main()(frame);
      return { ok: true };
    } catch (e0) {
      let e: PyBaseException;
      try {
        e = record(e0 instanceof PyBaseException ? e0 : fromHostError(e0), frame);
      } catch {
        e = fromHostError(e0);
      }
      if (e.cls.isSubtypeOf(SystemExit)) {
        const a = e.args.items[0];
        const codeNum = a === undefined || a === null ? 0 : typeof a === 'number' ? a : 1;
        if (typeof a === 'string') this.stderr(a + '\n');
        return { ok: codeNum === 0, exitCode: codeNum };
      }
      let tb: string;
      try {
        tb = formatException(e);
      } catch (fe) {
        tb = `${e.cls.name}: <unprintable exception>\n`;
        void fe;
      }
      this.stderr(tb);
      let message = '';
      try {
        message = str(e);
      } catch {
        message = '';
      }
      return { ok: false, error: { type: e.cls.name, message, traceback: tb } };
    } finally {
      rt.depth = saved.depth;
      rt.recursionLimit = saved.recursionLimit;
      rt.ticks = saved.ticks;
      rt.deadline = saved.deadline;
      rt.stepBudget = saved.stepBudget;
      rt.stepsUsed = saved.stepsUsed;
      rt.interruptFlag = saved.interruptFlag;
      rt.handling = saved.handling;
      rt.frame = saved.frame;
      Atomics.store(this.interruptFlag, 0, 0);
    }
  }
}

