// Generator objects: a PyGenerator wraps the JS generator that the compiler's generator mode
// (genCompiler.ts) produces for a function containing `yield`; send/next drive it with Python's rules.

import { generatorType, PyObject } from './objects';

/** A generator object: wraps a JS generator produced by the compiler's generator mode. */
export class PyGenerator extends PyObject {
  done = false;
  running = false;
  constructor(readonly gen: Generator<any, any, any>, readonly name: string) {
    super();
  }
  /** Returns the next value or undefined when exhausted (StopIteration). */
  next(): any {
    return this.send(null);
  }
  send(v: any): any {
    if (this.done) return undefined;
    if (this.running) throw new GeneratorRunning();
    this.running = true;
    try {
      const r = this.gen.next(v);
      if (r.done) {
        this.done = true;
        this.returnValue = r.value;
        return undefined;
      }
      return r.value;
    } catch (e) {
      this.done = true;
      throw e;
    } finally {
      this.running = false;
    }
  }
  returnValue: any = null;
}
PyGenerator.prototype.cls = generatorType;
export class GeneratorRunning {}
