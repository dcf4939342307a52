// The markdown-it instance Pizarra parses with outside VS Code (CLI, export, tests), configured like VS
// Code's preview engine so a document tokenizes the same everywhere.

import MarkdownIt from 'markdown-it';
import { mathSyntax } from './mathSyntax';

export interface EngineOptions {
  /** VS Code's `markdown.preview.breaks`. */
  readonly breaks?: boolean;
  /** VS Code's `markdown.preview.linkify`. */
  readonly linkify?: boolean;
  /** VS Code's `markdown.preview.typographer`. */
  readonly typographer?: boolean;
}

/** A markdown-it with VS Code's preview options and Pizarra's math tokenizing rules (no renderer). */
export function createMarkdownIt(options: EngineOptions = {}): MarkdownIt {
  const md = new MarkdownIt({
    html: true,
    breaks: options.breaks ?? false,
    linkify: options.linkify ?? true,
    typographer: options.typographer ?? false,
  });
  mathSyntax(md);
  return md;
}
