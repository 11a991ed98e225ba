// What text ketnap stores, wherever it comes from (a GraphQL argument, a spreadsheet's cell):
// well-formed Unicode (no lone surrogate), no NUL or other control character but tab and newline,
// and no longer than its field's limit. Pure.

/** The longest text a field takes: free text, and everything else. */
export const STRING_LIMITS = {
  /** Notes, reasons, decisions, personal histories. */
  freeText: 2_000,
  freeTextFields: ['note', 'notes', 'reason', 'personalHistory', 'decision', 'description', 'title'],
  /** Names, codes, ids, cursors and every other string. */
  other: 200,
} as const;

/** The limit of a field (an argument's or input field's name, or an import column's field). */
export const limitOf = (name: string) =>
  (STRING_LIMITS.freeTextFields as readonly string[]).includes(name) ? STRING_LIMITS.freeText : STRING_LIMITS.other;

export type TextProblem =
  | { kind: 'surrogate' }
  | { kind: 'control' }
  | { kind: 'tooLong'; limit: number; length: number };

// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters refused
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Either of the above could be there: most texts (a roster's million cells) are done with one test. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters CONTROL refuses, and surrogates
const SUSPECT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\uD800-\uDFFF]/;

/** What is wrong with a text, or null. */
export function textProblem(value: string, limit: number): TextProblem | null {
  if (SUSPECT.test(value)) {
    if (LONE_SURROGATE.test(value)) return { kind: 'surrogate' };
    if (CONTROL.test(value)) return { kind: 'control' };
  }
  if (value.length > limit) return { kind: 'tooLong', limit, length: value.length };
  return null;
}

/**
 * A spreadsheet runs a text cell starting with = + - @ (or a tab, a carriage return) as a formula
 * ("CSV injection": a name recorded as `=HYPERLINK(…)` would run on the board's computer when an
 * export is opened). In a CSV such text is written after a ' (Excel shows the text, and saves it
 * without the mark); reading a file, the mark is dropped again (unmarked).
 */
const FORMULA = /^[=+\-@\t\r]/;
export const spreadsheetSafe = (text: string) => (FORMULA.test(text) ? `'${text}` : text);

/** Text as spreadsheetSafe wrote it, unmarked: an export read back unedited says what it said. */
export const unmarked = (text: string) => (text.startsWith("'") && FORMULA.test(text.slice(1)) ? text.slice(1) : text);
