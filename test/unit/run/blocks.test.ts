// Which blocks run and with what line offsets, read from real document models (fences in lists and
// blockquotes, unclosed fences, `norun`, other languages).

import * as assert from 'node:assert/strict';
import { buildModel } from '../../../src/markdown/model';
import { blockAtLine, blocksAbove, documentLine, runnableBlocks } from '../../../src/sandbox/blocks';

const doc = [
  '---', //                     0
  'title: t', //                1
  '---', //                     2
  '```python', //               3
  'x = 1', //                   4
  '```', //                     5
  '```js', //                   6
  'no()', //                    7
  '```', //                     8
  '- item', //                  9
  '', //                        10
  '  ```py', //                 11
  '  y = x', //                 12
  '  ```', //                   13
  '', //                        14
  '> ```python3', //            15
  '> z = y', //                 16
  '> ```', //                   17
  '', //                        18
  '```python {norun}', //       19
  'boom', //                    20
  '```', //                     21
  '```Python', //               22
  'w = 2', //                   23
].join('\n');

describe('runnable blocks', () => {
  const blocks = runnableBlocks(buildModel(doc).code);

  it('takes python, py and python3 fences in document order, skipping other languages and norun', () => {
    assert.deepEqual(blocks.map((b) => b.fenceLine), [3, 11, 15, 22]);
    assert.deepEqual(blocks.map((b) => b.index), [0, 1, 2, 3]);
  });

  it('gives the source without container prefixes and the offset of its first line', () => {
    assert.deepEqual(blocks.map((b) => b.source), ['x = 1\n', 'y = x\n', 'z = y\n', 'w = 2']);
    // One-based Markdown line of the first source line = lineOffset + 1.
    assert.deepEqual(blocks.map((b) => documentLine(b, 1)), [5, 13, 17, 24]);
  });

  it('ends an unclosed fence at the last line of the document', () => {
    assert.equal(blocks[3].endLine, 23);
    assert.equal(blocks[0].endLine, 5);
  });

  it('finds the block around a line, fences included', () => {
    assert.equal(blockAtLine(blocks, 3)?.index, 0);
    assert.equal(blockAtLine(blocks, 5)?.index, 0);
    assert.equal(blockAtLine(blocks, 7), undefined);
    assert.equal(blockAtLine(blocks, 16)?.index, 2);
  });

  it('lists the blocks above one, without it', () => {
    assert.deepEqual(blocksAbove(blocks, blocks[2]).map((b) => b.index), [0, 1]);
    assert.deepEqual(blocksAbove(blocks, blocks[0]), []);
  });
});
