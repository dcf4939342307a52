// Public API of the Python interpreter (pure TypeScript, no host objects reachable from guest code).

export { Session, type SessionOptions, type RunOptions, type RunResult, type Limits, type ModuleFactory } from './session';
