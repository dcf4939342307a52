// The engine: per-formula cache (a keystroke re-checks one formula), severity settings and the Einstein
// option, suppression comments, languages, macros in effect, fixes that edit the front matter, and a
// failing rule turning into a lint-internal diagnostic instead of an exception.

import * as assert from 'node:assert/strict';
import { applyFix, Linter } from '../../../src/lint/engine';
import { RULES } from '../../../src/lint/registry';
import type { Rule } from '../../../src/lint/rule';
import { buildModel } from '../../../src/markdown/model';

const lint = (text: string, options = {}) => new Linter().lint(buildModel(text), options);
const rules = (text: string, options = {}) => lint(text, options).map((d) => d.rule);

describe('lint engine', () => {
  describe('cache', () => {
    it('re-checks only the formula an edit changed', () => {
      const formulas = Array.from({ length: 20 }, (_, i) => `$$x_{${i}} = \\sum_k w_k a_{k}$$`);
      const linter = new Linter();
      linter.lint(buildModel(formulas.join('\n\n')));
      const first = linter.misses;
      assert.equal(first, 20);
      formulas[7] = formulas[7].replace('w_k', 'v_k');
      linter.lint(buildModel(formulas.join('\n\n')));
      assert.equal(linter.misses - first, 1);
    });

    it('keys on the macros in effect: a new front-matter macro re-checks the formulas', () => {
      const linter = new Linter();
      const body = '$\\RR^n$\n';
      assert.deepEqual(linter.lint(buildModel(body)).map((d) => d.rule), ['katex-error']);
      const withMacro = '---\nmacros:\n  \\RR: \\mathbb{R}\n---\n' + body;
      assert.deepEqual(linter.lint(buildModel(withMacro)).map((d) => d.rule), []);
    });

    it('reuses article-rule findings while only prose changes, at the new positions', () => {
      let runs = 0;
      const counting: Rule = {
        id: 'counting',
        defaultSeverity: 'info',
        summary: { en: 'x', es: 'x' },
        checkArticle(ctx, report) {
          runs++;
          report({ formula: 0, start: 0, end: 1, message: { en: 'first letter', es: 'primera letra' } });
        },
      };
      const linter = new Linter([counting]);
      linter.lint(buildModel('Text $ab$\n'));
      const moved = linter.lint(buildModel('More text $ab$\n'));
      assert.equal(runs, 1);
      assert.equal(moved[0].range.start.character, 11);
      linter.lint(buildModel('More text $abc$\n'));
      linter.lint(buildModel('More text $abc$\n\n```python\nx = 1\n```\n'));
      assert.equal(runs, 3);
    });

    it('returns the same findings from the cache as from a fresh linter', () => {
      const text = '$e^-x$ and $P(a|b)$ and $log x$\n';
      const linter = new Linter();
      const a = linter.lint(buildModel(text));
      const b = linter.lint(buildModel('\n' + text));
      assert.deepEqual(b.map((d) => [d.rule, d.range.start.line]), a.map((d) => [d.rule, d.range.start.line + 1]));
    });

    it('after edits that change, add and drop symbols, article rules match a fresh linter (fixes included)', () => {
      // bold-consistency and log-of-target read the symbol table, which a re-lint patches for the edited
      // formulas only; every step must equal a cold lint of the same text.
      const base = [
        '$$\\mathbf{W}\\mathbf{x} + \\mathbf{b}$$',
        '$$y = Wx + b$$',
        '$$\\hat{y}_i = \\sigma(z_i)$$',
        '$$L = -\\sum_i \\hat{y}_i \\log y_i$$',
        '$$\\mathbf{x}^\\top \\mathbf{x}$$',
        '$$f(x) = x^2$$',
      ];
      const edits: Array<(f: string[]) => void> = [
        (f) => (f[1] = '$$y = Wx + c$$'),
        (f) => (f[5] = '$$f(x) = W x^2$$'),
        (f) => (f[0] = '$$\\mathbf{V}\\mathbf{x}$$'),
        (f) => (f[2] = '$$y_i = \\sigma(z_i)$$'),
        (f) => (f[4] = '$$x^\\top x$$'),
        (f) => (f[1] = '$$\\mathbf{y} = \\mathbf{W}\\mathbf{x}$$'),
      ];
      const show = (text: string, linter: Linter) =>
        linter.lint(buildModel(text)).map((d) => [d.rule, d.range.start.offset, d.range.end.offset, d.message, d.fixes.map((x) => [x.title, x.edits.map((e) => [e.range.start.offset, e.newText])])]);
      const formulas = [...base];
      const warm = new Linter();
      show(formulas.join('\n\n'), warm);
      let seen = 0;
      for (const edit of edits) {
        edit(formulas);
        const text = formulas.join('\n\n');
        const cold = show(text, new Linter());
        seen += cold.filter((d) => d[0] === 'bold-consistency').length;
        assert.deepEqual(show(text, warm), cold);
      }
      assert.ok(seen > 0, 'the edits exercise bold-consistency');
    });
  });

  describe('macros in effect', () => {
    it('sees \\newcommand from an earlier formula, not from a later one', () => {
      assert.deepEqual(rules('$$\\newcommand{\\vx}{\\mathbf{x}}$$\n\n$\\vx$\n'), []);
      assert.deepEqual(rules('$\\vx$\n\n$$\\newcommand{\\vx}{\\mathbf{x}}$$\n'), ['katex-error']);
    });

    it('takes macros from the settings', () => {
      assert.deepEqual(rules('$\\vx$\n', { macroSources: { pizarra: { '\\vx': '\\mathbf{x}' } } }), []);
    });
  });

  describe('settings', () => {
    it('overrides a rule severity and turns a rule off', () => {
      const text = '$P(a|b)$\n';
      assert.equal(lint(text)[0].severity, 'info');
      assert.equal(lint(text, { rules: new Map([['conditional-bar', 'error']]) })[0].severity, 'error');
      assert.deepEqual(lint(text, { rules: new Map([['conditional-bar', 'off']]) }), []);
    });

    it('turns implicit-sum off in Einstein notation', () => {
      const text = '$$\\frac{\\partial L}{\\partial W_i} = \\frac{\\partial L}{\\partial y_j} \\frac{\\partial y_j}{\\partial W_i}$$\n';
      assert.ok(rules(text).includes('implicit-sum'));
      assert.ok(!rules(text, { einsteinNotation: true }).includes('implicit-sum'));
    });

    it('speaks Spanish', () => {
      const [d] = lint('$P(a|b)$\n', { lang: 'es' });
      assert.match(d.message, /barra de condición/);
      assert.match(d.fixes[0].title, /Cambiar/);
    });
  });

  describe('suppression comments', () => {
    it('disable-next-line silences the named rule on the next line only', () => {
      const text = '<!-- pizarra-disable-next-line conditional-bar -->\n$P(a|b)$\n$P(c|d)$\n';
      const found = lint(text);
      assert.deepEqual(found.map((d) => [d.rule, d.range.start.line]), [['conditional-bar', 2]]);
    });

    it('disable-next-line before a multi-line display block covers the block', () => {
      const text = '<!-- pizarra-disable-next-line conditional-bar -->\n$$\na = 1\n\\\\ P(a|b)\n$$\n';
      assert.deepEqual(rules(text), []);
    });

    it('leaves other rules alone and accepts several ids', () => {
      const text = '<!-- pizarra-disable-next-line operator-upright -->\n$P(a|b) + log x$\n';
      assert.deepEqual(rules(text), ['conditional-bar']);
      const both = '<!-- pizarra-disable-next-line operator-upright conditional-bar -->\n$P(a|b) + log x$\n';
      assert.deepEqual(rules(both), []);
    });

    it('disable without ids silences every rule on that line; per-file disable silences the file', () => {
      assert.deepEqual(rules('<!-- pizarra-disable-next-line -->\n$P(a|b) + log x$\n'), []);
      assert.deepEqual(rules('$P(a|b)$\n\ntext\n\n<!-- pizarra-disable conditional-bar -->\n\n$P(c|d)$ $log x$\n'), ['operator-upright']);
    });

    it('ignores directives inside code blocks', () => {
      assert.deepEqual(rules('```\n<!-- pizarra-disable conditional-bar -->\n```\n$P(a|b)$\n'), ['conditional-bar']);
    });
  });

  describe('fixes', () => {
    it('defines an unknown command as a front-matter macro, creating the mapping', () => {
      const text = '---\ntitle: x\n---\n$\\softmax(z)$\n';
      const d = lint(text).find((x) => x.rule === 'katex-error')!;
      const define = d.fixes.find((f) => /front matter/.test(f.title))!;
      const fixed = applyFix(text, define);
      assert.equal(fixed, "---\ntitle: x\nmacros:\n  '\\softmax': '\\operatorname{softmax}'\n---\n$\\softmax(z)$\n");
      assert.deepEqual(rules(fixed), []);
    });

    it('adds to an existing macros mapping and creates front matter when there is none', () => {
      const existing = '---\nmacros:\n    \\R: \\mathbb{R}\n---\n$\\softmax(z)$\n';
      const fix1 = lint(existing).find((x) => x.rule === 'katex-error')!.fixes[1];
      assert.deepEqual(rules(applyFix(existing, fix1)), []);
      assert.match(applyFix(existing, fix1), /macros:\n {4}'\\softmax': '\\operatorname\{softmax\}'\n {4}\\R/);
      const none = 'Text $\\softmax(z)$\n';
      const fix2 = lint(none).find((x) => x.rule === 'katex-error')!.fixes[1];
      assert.deepEqual(rules(applyFix(none, fix2)), []);
    });

    it('maps ranges through container prefixes (blockquote display math)', () => {
      const text = '> $$\n> P(a|b)\n> $$\n';
      const [d] = lint(text);
      assert.equal(text.slice(d.range.start.offset, d.range.end.offset), '|');
      assert.equal(applyFix(text, d.fixes[0]), '> $$\n> P(a\\mid b)\n> $$\n');
    });
  });

  describe('robustness', () => {
    it('turns a throwing rule into a lint-internal diagnostic', () => {
      const boom: Rule = {
        id: 'boom',
        defaultSeverity: 'warning',
        summary: { en: 'x', es: 'x' },
        checkFormula() {
          throw new Error('kaput');
        },
        checkArticle() {
          throw new Error('article kaput');
        },
      };
      const found = new Linter([...RULES, boom]).lint(buildModel('$x$\n'));
      assert.deepEqual(found.map((d) => d.rule), ['lint-internal', 'lint-internal']);
      assert.match(found.map((d) => d.message).join(), /kaput/);
    });

    it('never flags $$ delimiters and accepts an empty document', () => {
      assert.deepEqual(rules(''), []);
      assert.deepEqual(rules('$$x$$\n\n$$\ny\n$$\n'), []);
    });
  });
});
