// The error the tokenizer and parser raise: CPython's SyntaxError/IndentationError with line, column
// (0-based, CPython reports 1-based offset) and the source line, formatted like CPython's
// `print_exception` for syntax errors (Lib/traceback.py TracebackException._format_syntax_error).

export class PySyntaxError {
  constructor(
    readonly kind: 'SyntaxError' | 'IndentationError',
    readonly msg: string,
    readonly line: number,
    readonly col: number,
    readonly text: string,
    readonly endCol?: number,
  ) {}
}
