// Runs inside VS Code's Markdown preview webview (markdown.previewScripts). `\eqref` links point at
// `#pizarra-eq-…` anchors; the preview sets a `<base href>` to the document's folder, so the browser
// would resolve such a link to another URL instead of scrolling, and VS Code's own click handler
// (extensions/markdown-language-features/preview-src/index.ts) leaves `#` links to the browser.
// We scroll to the equation ourselves.

const PREFIX = '#pizarra-eq-';

function equationLink(target: EventTarget | null): HTMLAnchorElement | undefined {
  for (let node = target as Element | null; node; node = node.parentElement) {
    if (node.tagName === 'A') {
      const href = node.getAttribute('href');
      return href?.startsWith(PREFIX) ? (node as HTMLAnchorElement) : undefined;
    }
  }
  return undefined;
}

function flash(el: Element): void {
  const box = el.closest('.pizarra-math-display, .katex-display') ?? el;
  box.classList.add('pizarra-eq-target');
  setTimeout(() => box.classList.remove('pizarra-eq-target'), 1200);
}

document.addEventListener(
  'click',
  (event) => {
    const link = equationLink(event.target);
    if (!link) return;
    const id = decodeURIComponent(link.getAttribute('href')!.slice(1));
    const el = document.getElementById(id);
    event.preventDefault();
    event.stopPropagation();
    if (!el) return;
    el.scrollIntoView({ block: 'center', behavior: 'smooth' });
    flash(el);
  },
  true,
);
