// "Insert Outputs" as text edits: a marker and a ```text fence after each block, replaced (not stacked)
// on the next insert, removed when the output is empty, container prefixes kept, fences lengthened when
// the output has backticks, and nothing else touched.

import * as assert from 'node:assert/strict';
import { buildModel } from '../../../src/markdown/model';
import { OUTPUT_MARKER } from '../../../src/markdown/outputMarker';
import { runnableBlocks } from '../../../src/sandbox/blocks';
import { insertOutputsPlan, type BlockOutput } from '../../../src/editor/run/insertPlan';

function applyPlan(text: string, texts: ReadonlyArray<string | undefined>): string {
  const model = buildModel(text);
  const blocks = runnableBlocks(model.code);
  const outputs: BlockOutput[] = [];
  blocks.forEach((b, i) => {
    if (texts[i] !== undefined) outputs.push({ fenceLine: b.fenceLine, endLine: b.endLine, text: texts[i]! });
  });
  let out = text;
  for (const e of [...insertOutputsPlan(model, outputs)].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

const doc = '# T\n\n```python\nprint(1)\n```\n\nText.\n\n```python\nx = 2\n```\n';

describe('insert outputs plan', () => {
  it('writes a marker and a text fence after each block with output', () => {
    const out = applyPlan(doc, ['1\n', undefined]);
    assert.equal(out, `# T\n\n\`\`\`python\nprint(1)\n\`\`\`\n\n${OUTPUT_MARKER}\n\`\`\`text\n1\n\`\`\`\n\nText.\n\n\`\`\`python\nx = 2\n\`\`\`\n`);
  });

  it('replaces its previous output instead of adding another, and is stable', () => {
    const once = applyPlan(doc, ['1\n', 'two\nlines']);
    const twice = applyPlan(once, ['changed\n', 'two\nlines']);
    assert.equal(twice.split(OUTPUT_MARKER).length, 3);
    assert.match(twice, /```text\nchanged\n```/);
    assert.doesNotMatch(twice, /```text\n1\n```/);
    assert.equal(applyPlan(twice, ['changed\n', 'two\nlines']), twice);
    assert.equal(buildModel(twice).code.filter((c) => c.lang === 'python').length, 2);
  });

  it('removes a previous output when the new one is empty', () => {
    const once = applyPlan(doc, ['1\n', undefined]);
    assert.equal(applyPlan(once, ['', undefined]), doc);
  });

  it('keeps blockquote and list prefixes on every inserted line', () => {
    const quoted = '> ```python\n> print(1)\n> ```\n\n- item\n\n  ```python\n  print(2)\n  ```\n';
    const out = applyPlan(quoted, ['a\nb', 'c']);
    assert.match(out, /> ```\n>\n> <!-- pizarra-output -->\n> ```text\n> a\n> b\n> ```\n/);
    assert.match(out, /  ```\n\n  <!-- pizarra-output -->\n  ```text\n  c\n  ```\n/);
    assert.equal(applyPlan(out, ['a\nb', 'c']), out);
  });

  it('uses a longer fence when the output contains backticks', () => {
    const out = applyPlan(doc, ['```\ncode\n```', undefined]);
    assert.match(out, /````text\n```\ncode\n```\n````/);
    assert.equal(buildModel(out).code.filter((c) => c.lang === 'text')[0].content, '```\ncode\n```\n');
  });

  it('leaves a text block that is not generated alone', () => {
    const mine = '```python\nprint(1)\n```\n\n```text\nwritten by hand\n```\n';
    const out = applyPlan(mine, ['1']);
    assert.match(out, /written by hand/);
    assert.match(out, /```text\n1\n```\n\n```text\nwritten by hand/);
  });
});
