// Block records follow edits: a result that arrives after edits above, inside or below a block lands on
// that block; edits inside mark it stale; deleting its fence drops it. Edits are applied to real text and
// the records are checked against the document model built from the edited text.

import * as assert from 'node:assert/strict';
import { buildModel } from '../../../src/markdown/model';
import { runnableBlocks } from '../../../src/sandbox/blocks';
import { BlockRecords, type LineChange } from '../../../src/editor/run/records';
import { LineIndex } from '../../../src/common/text';

const text = ['# T', '', '```python', 'a = 1', '```', '', 'prose', '', '```python', 'b = 2', 'print(b)', '```', ''].join('\n');

/** Applies one edit to the text and returns the new text plus the change as VS Code reports it. */
function edit(src: string, startLine: number, startChar: number, endLine: number, endChar: number, insert: string): { text: string; change: LineChange } {
  const idx = new LineIndex(src);
  const s = idx.offsetAt(startLine, startChar);
  const e = idx.offsetAt(endLine, endChar);
  return {
    text: src.slice(0, s) + insert + src.slice(e),
    change: { startLine, startCharacter: startChar, endLine, endCharacter: endChar, newLineBreaks: insert.split('\n').length - 1 },
  };
}

function setup(): { records: BlockRecords; text: string } {
  const records = new BlockRecords();
  for (const b of runnableBlocks(buildModel(text).code)) records.queue(b);
  return { records, text };
}

function apply(records: BlockRecords, src: string, ...args: Parameters<typeof edit> extends [string, ...infer R] ? R : never): string {
  const { text: next, change } = edit(src, ...args);
  records.applyChanges([change]);
  records.revalidate(runnableBlocks(buildModel(next).code));
  return next;
}

describe('block records through edits', () => {
  it('moves with lines inserted above and stays fresh', () => {
    const { records, text: t } = setup();
    apply(records, t, 1, 0, 1, 0, 'one\ntwo\n');
    assert.deepEqual(records.all().map((r) => [r.fenceLine, r.endLine, r.stale]), [[4, 6, false], [10, 13, false]]);
  });

  it('marks a block stale when edited inside, and follows lines added inside it', () => {
    const { records, text: t } = setup();
    apply(records, t, 3, 5, 3, 5, '\nc = 3');
    assert.deepEqual(records.all().map((r) => [r.fenceLine, r.endLine, r.stale]), [[2, 5, true], [9, 12, false]]);
  });

  it('keeps a block whose edit was undone fresh again', () => {
    const { records, text: t } = setup();
    const t2 = apply(records, t, 9, 4, 9, 5, '3');
    assert.equal(records.all()[1].stale, true);
    apply(records, t2, 9, 4, 9, 5, '2');
    assert.equal(records.all()[1].stale, false);
  });

  it('moves when a line break is typed at the start of the fence line', () => {
    const { records, text: t } = setup();
    apply(records, t, 8, 0, 8, 0, '\n');
    assert.deepEqual(records.all().map((r) => r.fenceLine), [2, 9]);
  });

  it('drops the record of a block whose opening fence is deleted', () => {
    const { records, text: t } = setup();
    const r0 = records.all()[0];
    apply(records, t, 1, 0, 5, 0, '');
    assert.equal(r0.gone, true);
    assert.deepEqual(records.all().map((r) => r.fenceLine), [4]);
  });

  it('applies several changes of one event bottom-up', () => {
    const { records, text: t } = setup();
    const a = edit(t, 0, 0, 0, 0, 'x\n');
    const b = edit(t, 6, 0, 6, 0, 'y\ny\n');
    records.applyChanges([a.change, b.change]);
    assert.deepEqual(records.all().map((r) => r.fenceLine), [3, 11]);
  });

  it('replaces the record of a block queued again', () => {
    const { records } = setup();
    const old = records.all()[1];
    const again = records.queue(runnableBlocks(buildModel(text).code)[1]);
    assert.equal(old.gone, true);
    assert.equal(records.all()[1], again);
    assert.equal(records.all().length, 2);
  });
});
