// Typography of an exported article: a readable measure, a book-like serif for prose, KaTeX's own fonts
// for math (its CSS), light and dark schemes following the reader's system.

export const EXPORT_CSS = `
:root { color-scheme: light dark; --fg: #1d1d1f; --bg: #fdfdfb; --muted: #6b6b70; --rule: #d8d8d4; --code-bg: #f3f3f0; --link: #1a5fb4; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6e6e3; --bg: #1b1b1d; --muted: #a0a0a6; --rule: #3a3a3e; --code-bg: #26262a; --link: #8ab4f8; } }
html { background: var(--bg); color: var(--fg); }
body { margin: 0 auto; max-width: 42rem; padding: 3rem 1.5rem 5rem; font: 1.125rem/1.65 "Iowan Old Style", "Palatino Linotype", Palatino, Georgia, "Times New Roman", serif; text-rendering: optimizeLegibility; hyphens: auto; }
h1, h2, h3, h4 { line-height: 1.25; margin: 2.2em 0 0.6em; font-weight: 600; }
h1 { font-size: 2rem; } h2 { font-size: 1.5rem; } h3 { font-size: 1.2rem; }
p, ul, ol, table, pre, blockquote { margin: 0 0 1.1em; }
a { color: var(--link); text-underline-offset: 0.15em; }
code, pre { font-family: ui-monospace, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 0.88em; }
code { background: var(--code-bg); padding: 0.1em 0.3em; border-radius: 3px; }
pre { background: var(--code-bg); padding: 0.9em 1.1em; border-radius: 6px; overflow-x: auto; line-height: 1.45; }
pre code { background: none; padding: 0; font-size: 1em; }
blockquote { border-left: 3px solid var(--rule); margin-left: 0; padding-left: 1em; color: var(--muted); }
table { border-collapse: collapse; display: block; overflow-x: auto; }
th, td { border: 1px solid var(--rule); padding: 0.35em 0.7em; }
img { max-width: 100%; }
hr { border: none; border-top: 1px solid var(--rule); margin: 2.5em 0; }
.katex { font-size: 1.1em; }
.katex-display { overflow-x: auto; overflow-y: hidden; padding: 0.2em 0; }
@media print { body { max-width: none; padding: 0; } a { color: inherit; } }
`;
