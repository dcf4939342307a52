// Makes KaTeX output reviewable in golden files: each formula's `katex-html` part (hundreds of spans with
// font metrics that change between KaTeX releases) is replaced by a summary of what matters to Pizarra —
// the anchors (ids), links and equation tags it shows — while the MathML part (the formula's meaning and
// the TeX annotation) is kept verbatim.

/** The index just past the element that opens at `start` (balanced on its tag name). */
function elementEnd(html: string, start: number, tag: string): number {
  const re = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'g');
  re.lastIndex = start;
  let depth = 0;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return re.lastIndex;
  }
  return html.length;
}

const textOf = (html: string) => html.replace(/<[^>]+>/g, '');

export function normalizeKatex(html: string): string {
  const open = '<span class="katex-html" aria-hidden="true">';
  let out = '';
  let from = 0;
  for (let at = html.indexOf(open, from); at >= 0; at = html.indexOf(open, from)) {
    const end = elementEnd(html, at, 'span');
    const part = html.slice(at, end);
    const ids = [...part.matchAll(/\bid="([^"]*)"/g)].map((m) => m[1]);
    const hrefs = [...part.matchAll(/\bhref="([^"]*)"/g)].map((m) => m[1]);
    const tags: string[] = [];
    for (let t = part.indexOf('<span class="tag">'); t >= 0; t = part.indexOf('<span class="tag">', t + 1)) {
      tags.push(textOf(part.slice(t, elementEnd(part, t, 'span'))));
    }
    const attrs = [ids.length ? ` ids="${ids.join(' ')}"` : '', hrefs.length ? ` hrefs="${hrefs.join(' ')}"` : '', tags.length ? ` tags="${tags.join(' ')}"` : ''];
    out += html.slice(from, at) + `<katex-html${attrs.join('')}/>`;
    from = end;
  }
  return out + html.slice(from);
}
