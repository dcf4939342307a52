// The one diagnostic shape every pure core reports in; the editor layer converts it to vscode.Diagnostic.

import type { Range } from './text';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface Diagnostic {
  readonly range: Range;
  readonly severity: Severity;
  /** Stable identifier: a lint rule id, or a core's own code such as `front-matter-yaml`. */
  readonly code: string;
  readonly message: string;
  /** Who found it: `pizarra` for every core, so users can filter the Problems panel. */
  readonly source: 'pizarra';
}
