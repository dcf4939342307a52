// The front matter shown as a reader sees an article's header (title, date, description, tags) instead of
// raw YAML. Recognized here for our own markdown-it (CLI, export) and taken over from VS Code's
// `front_matter` token (markdown-it-front-matter) in the preview.

import type MarkdownIt from 'markdown-it';
import { LineIndex } from '../common/text';
import { parseFrontMatter } from './frontMatter';
import { escapeHtml } from './renderFormula';

export const FRONT_MATTER = 'pizarra_front_matter';

/** `token.meta` of a front matter token. */
export interface FrontMatterMeta {
  readonly data: ReadonlyMap<string, unknown>;
}

/** The last front matter parsed: it rarely changes between keystrokes, and YAML parsing is not free. */
let last: { text: string; result: ReturnType<typeof parseFrontMatter> } | undefined;

function parseCached(text: string): ReturnType<typeof parseFrontMatter> {
  if (last?.text !== text) last = { text, result: parseFrontMatter(new LineIndex(text)) };
  return last.result;
}

/** Block rule: the YAML block at the very top of the document, as `parseFrontMatter` defines it. */
export function frontMatterRule(state: MarkdownIt.StateBlock, startLine: number, _endLine: number, silent: boolean): boolean {
  if (startLine !== 0 || state.blkIndent !== 0 || !state.src.startsWith('---')) return false;
  // Index only up to the closing fence: this runs on every keystroke of a long article.
  const close = /\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(state.src.slice(3));
  if (!close) return false;
  const { frontMatter } = parseCached(state.src.slice(0, 3 + close.index + close[0].length));
  if (!frontMatter) return false;
  if (silent) return true;
  const last = frontMatter.range.end.line;
  const token = state.push(FRONT_MATTER, '', 0);
  token.block = true;
  token.hidden = true;
  token.map = [0, last + 1];
  token.meta = { data: frontMatter.data } satisfies FrontMatterMeta;
  state.line = last + 1;
  return true;
}

/** Metadata for a token made by another front matter plugin (its `meta` is the raw YAML). */
export function frontMatterMetaFromYaml(yaml: string): FrontMatterMeta {
  const { frontMatter } = parseFrontMatter(new LineIndex(`---\n${yaml}\n---\n`));
  return { data: frontMatter?.data ?? new Map() };
}

function text(value: unknown): string | undefined {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return undefined;
}

function list(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(text).filter((v): v is string => v !== undefined && v !== '');
  const t = text(value);
  return t ? t.split(',').map((s) => s.trim()).filter(Boolean) : [];
}

/** Whether the token after the front matter is an `# H1` that says the same as the title. */
export function titleRepeatedByHeading(meta: FrontMatterMeta, tokens: readonly MarkdownIt.Token[], idx: number): boolean {
  const title = text(meta.data.get('title'));
  const open = tokens[idx + 1];
  const inline = tokens[idx + 2];
  if (!title || open?.type !== 'heading_open' || open.tag !== 'h1' || inline?.type !== 'inline') return false;
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
  return norm(inline.content) === norm(title);
}

/**
 * The article header. Title and description go through `renderInline` so `$…$` and emphasis work there
 * too. Keys follow Jekyll/Hugo habits: title, subtitle, date, author(s), description/summary, tags.
 */
export function renderFrontMatterHeader(
  meta: FrontMatterMeta,
  markdownInline: (s: string) => string,
  options: { readonly omitTitle?: boolean } = {},
): string {
  // Markdown and math work in the header; raw HTML does not (`<probabilidad>` would vanish as a tag).
  const renderInline = (s: string) => markdownInline(s.replace(/</g, '&lt;'));
  const d = meta.data;
  const title = text(d.get('title'));
  const subtitle = text(d.get('subtitle'));
  const date = text(d.get('date'));
  const authors = list(d.get('authors') ?? d.get('author'));
  const description = text(d.get('description') ?? d.get('summary'));
  const tags = list(d.get('tags') ?? d.get('keywords'));
  const showTitle = title !== undefined && !options.omitTitle;
  if (!showTitle && !subtitle && !date && authors.length === 0 && !description && tags.length === 0) return '';
  const parts = ['<header class="pizarra-article-header">'];
  // Many articles repeat the title as their first `# Heading`; showing it twice reads as a mistake.
  if (showTitle) parts.push(`<h1 class="pizarra-title">${renderInline(title)}</h1>`);
  if (subtitle) parts.push(`<p class="pizarra-subtitle">${renderInline(subtitle)}</p>`);
  const byline: string[] = [];
  if (authors.length > 0) byline.push(`<span class="pizarra-authors">${authors.map(escapeHtml).join(', ')}</span>`);
  if (date) byline.push(`<time class="pizarra-date" datetime="${escapeHtml(date)}">${escapeHtml(date)}</time>`);
  if (byline.length > 0) parts.push(`<p class="pizarra-byline">${byline.join(' · ')}</p>`);
  if (description) parts.push(`<p class="pizarra-description">${renderInline(description)}</p>`);
  if (tags.length > 0) parts.push(`<ul class="pizarra-tags">${tags.map((t) => `<li>${escapeHtml(t)}</li>`).join('')}</ul>`);
  parts.push('</header>\n');
  return parts.join('');
}
