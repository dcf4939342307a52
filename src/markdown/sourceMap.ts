// Where the text markdown-it hands to an inline rule sits in the document. markdown-it strips container
// prefixes (`> `, list indentation, heading `#`s, table pipes) and unescapes `\|` in table cells, and it
// keeps no offsets, so we align each content line with its source line.

/** Ascending [contentOffset, sourceOffset] pairs; offsets between two pairs map linearly. */
export type OffsetMap = ReadonlyArray<readonly [number, number]>;

export function mapOffset(map: OffsetMap, offset: number): number {
  if (map.length === 0) return offset;
  let lo = 0;
  let hi = map.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (map[mid][0] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return map[lo][1] + (offset - map[lo][0]);
}

/**
 * Aligns `content` (one line of inline content) inside `source` at or after `from`.
 * Returns the map and the source offset just past the match, or undefined when it cannot be aligned.
 * A `|` in the content may stand for `\|` in the source (GFM table cells).
 */
export function alignLine(
  source: string,
  from: number,
  lineEnd: number,
  content: string,
  contentOffset: number,
): { map: Array<[number, number]>; end: number } | undefined {
  if (content.length === 0) return { map: [[contentOffset, from]], end: from };
  const direct = source.indexOf(content, from);
  if (direct >= 0 && direct + content.length <= lineEnd) {
    return { map: [[contentOffset, direct]], end: direct + content.length };
  }
  // Slow path, only for lines that markdown-it rewrote: try each start, allowing `\|` for `|`.
  for (let s = from; s < lineEnd; s++) {
    if (source[s] !== content[0] && !(source[s] === '\\' && content[0] === '|')) continue;
    const map: Array<[number, number]> = [];
    let k = s;
    let i = 0;
    let segmentOpen = false;
    for (; i < content.length && k < lineEnd; i++, k++) {
      if (content[i] === '|' && source[k] === '\\' && source[k + 1] === '|') {
        k++;
        segmentOpen = false;
      } else if (content[i] !== source[k]) break;
      if (!segmentOpen) {
        map.push([contentOffset + i, k]);
        segmentOpen = true;
      }
    }
    if (i === content.length) return { map, end: k };
  }
  return undefined;
}
