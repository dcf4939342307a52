// The root of every non-primitive Python value (see objects.ts), in its own module so that
// instanceDict.ts can extend it without an import cycle: PyInstance is an InstanceDict.

import type { PyType } from './objects';

export class PyObject {
  declare cls: PyType;
}
