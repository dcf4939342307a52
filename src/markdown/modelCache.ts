// Document models cached per (document, version): the preview, the linter, the runner and the hovers all
// ask for the model of the same keystroke, and only the first one pays for the parse.

import { buildModel, type DocumentModel } from './model';

export class ModelCache {
  private readonly entries = new Map<string, { version: number; model: DocumentModel }>();

  constructor(private readonly capacity = 32) {}

  /** The model of `key` at `version`; `getText` is called only when that version is not cached. */
  get(key: string, version: number, getText: () => string): DocumentModel {
    const hit = this.entries.get(key);
    if (hit && hit.version === version) {
      // Refresh recency: Map iteration order is insertion order, so re-insert.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.model;
    }
    const model = buildModel(getText());
    this.entries.delete(key);
    this.entries.set(key, { version, model });
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return model;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}
