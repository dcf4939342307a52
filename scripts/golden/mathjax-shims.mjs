// Generates src/latex/svgShims.ts: MathJax meanings for the KaTeX commands MathJax lacks (`\R`, `\argmax`,
// `\bm`, `\Alpha`, `\larr`…), so a hover's SVG renders what the KaTeX preview renders. Each shim is KaTeX's
// own macro definition (`defineMacro` in KaTeX's bundle) or, for a symbol, the character KaTeX renders
// (from commandsData.ts); only shims that MathJax then renders are kept.
// Run after scripts/golden/katex-commands.mjs: node scripts/golden/mathjax-shims.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const { mathjax } = require('mathjax-full/js/mathjax.js');
const { TeX } = require('mathjax-full/js/input/tex.js');
const { SVG } = require('mathjax-full/js/output/svg.js');
const { liteAdaptor } = require('mathjax-full/js/adaptors/liteAdaptor.js');
const { RegisterHTMLHandler } = require('mathjax-full/js/handlers/html.js');
const { AllPackages } = require('mathjax-full/js/input/tex/AllPackages.js');

RegisterHTMLHandler(liteAdaptor());
// The same package list as src/latex/svg.ts.
const packages = AllPackages.filter((p) => !['noundefined', 'noerrors', 'autoload', 'require', 'bussproofs'].includes(p));
/** MathJax's error for `tex`, or undefined when it renders. */
function mathJaxError(tex, macros) {
  const doc = mathjax.document('', { InputJax: new TeX({ packages, macros, formatError: (_j, e) => { throw e; } }), OutputJax: new SVG({ fontCache: 'none' }) });
  try {
    doc.convert(tex, { display: false });
    return undefined;
  } catch (e) {
    return String(e.message);
  }
}
const mathJaxRenders = (tex, macros) => mathJaxError(tex, macros) === undefined;
/** Only commands MathJax does not know at all get a shim: never shadow MathJax's own \operatorname. */
const unknownToMathJax = (name) => mathJaxError(`${name}{x}{y}{z}`, {}) === `Undefined control sequence ${name}`;

// KaTeX's string macro definitions, e.g. defineMacro("\\argmax", "\\DOTSB\\operatorname*{arg\\,max}").
const bundle = readFileSync(path.join(root, 'node_modules/katex/dist/katex.js'), 'utf8');
/** A JavaScript string literal's body, unescaped (JSON.parse rejects escapes such as `\m`). */
const unescape = (s) =>
  s.replace(/\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[\s\S])/g, (_m, c) =>
    c.length > 1 ? String.fromCharCode(parseInt(c.slice(1), 16)) : c === 'n' ? '\n' : c === 't' ? '\t' : c,
  );
const definitions = new Map();
for (const m of bundle.matchAll(/defineMacro\("((?:[^"\\]|\\.)*)",\s*"((?:[^"\\]|\\.)*)"\)/g)) {
  definitions.set(unescape(m[1]), unescape(m[2]));
}

// The command list: [name, args, glyph] from the generated commandsData.ts.
const data = readFileSync(path.join(root, 'src/latex/commandsData.ts'), 'utf8');
const commands = [...data.matchAll(/^ {2}(\["\\\\[^\n]*\]),$/gm)].map((m) => JSON.parse(m[1]));
const example = (name, args) => name + '{x}'.repeat(Math.max(0, args));

// `##` is a literal `#` in a macro body (KaTeX's colour macros: `\textcolor{##6495ed}{#1}`).
const argCount = (body) => Math.max(0, ...[...body.replace(/##/g, '').matchAll(/#([1-9])/g)].map((m) => Number(m[1])));
const candidates = new Map();
for (const [name, args, glyph] of commands) {
  if (!unknownToMathJax(name)) continue;
  const def = definitions.get(name);
  if (def !== undefined) candidates.set(name, def);
  else if (args === 0 && glyph) candidates.set(name, glyph);
}
// KaTeX functions registered under several names (`names: ["\\boldsymbol", "\\bm"]`): an alias MathJax
// lacks gets the sibling MathJax knows.
for (const m of bundle.matchAll(/names: \[([^\]]*)\]/g)) {
  const names = [...m[1].matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((x) => unescape(x[1]));
  const known = names.find((n) => /^\\[A-Za-z]+$/.test(n) && mathJaxRenders(example(n, commands.find((c) => c[0] === n)?.[1] ?? 0), {}));
  if (!known) continue;
  const args = Math.max(0, commands.find((c) => c[0] === known)?.[1] ?? 0);
  for (const n of names) {
    if (n === known || candidates.has(n) || !/^\\[A-Za-z]+$/.test(n)) continue;
    if (unknownToMathJax(n)) candidates.set(n, known + Array.from({ length: args }, (_, i) => `{#${i + 1}}`).join(''));
  }
}
// TeX primitives KaTeX's definitions use that MathJax's TeX input does not have.
candidates.set('\\relax', '');
// Internal KaTeX macros used by those definitions (\DOTSB…) need shims too.
for (const [name, def] of definitions) if (!candidates.has(name) && unknownToMathJax(name)) candidates.set(name, def);

const toMacros = (entries) => Object.fromEntries([...entries].map(([n, d]) => [n.slice(1), argCount(d) ? [d, argCount(d)] : d]));
// Drop shims that still fail (they use KaTeX internals MathJax cannot express), until stable.
let kept = new Map([...candidates].filter(([n]) => /^\\[A-Za-z]+$/.test(n)));
for (let changed = true; changed; ) {
  changed = false;
  const macros = toMacros(kept);
  for (const [name, def] of kept) {
    const n = argCount(def);
    const cmd = commands.find((c) => c[0] === name);
    const args = cmd ? Math.max(cmd[1], n) : n;
    if (!mathJaxRenders(example(name, args), macros)) {
      kept.delete(name);
      changed = true;
    }
  }
}
const version = require('katex/package.json').version;
const lines = [
  `// Generated by scripts/golden/mathjax-shims.mjs from KaTeX ${version} and mathjax-full 3.2.2: do not edit.`,
  '// [KaTeX command MathJax lacks, its meaning in MathJax TeX]; svgMacros.ts passes them to MathJax.',
  '',
  'export const MATHJAX_SHIMS: ReadonlyArray<readonly [string, string]> = [',
  ...[...kept].sort(([a], [b]) => (a < b ? -1 : 1)).map((e) => `  ${JSON.stringify(e)},`),
  '];',
  '',
];
writeFileSync(path.join(root, 'src/latex/svgShims.ts'), lines.join('\n'));
console.log(`${kept.size} shims of ${candidates.size} candidates`);
