// The marker the runner writes on the line before a generated ```text output block; the grammar
// (syntaxes/pizarra-output.tmLanguage.json) scopes such blocks meta.output.pizarra.markdown so themes can dim them.

/** Written exactly like this by the runner, alone on its line, right before the output fence. */
export const OUTPUT_MARKER = '<!-- pizarra-output -->';

/** Recognizes a marker line as the grammar does: optional words after the name are allowed. */
export const OUTPUT_MARKER_LINE = /^ {0,3}<!--\s*pizarra-output\b[^>]*?-->[ \t]*$/;

/** The info string of the fence the marker must be followed by. */
export const OUTPUT_FENCE_LANG = 'text';

export function isOutputMarkerLine(line: string): boolean {
  return OUTPUT_MARKER_LINE.test(line);
}
