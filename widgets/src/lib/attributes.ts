// What an author can get wrong in an element's attributes, found before any request is sent.
// A mistake is the author's to fix, not an outage: the element names it in the console and on
// the page, and offers no "try again".

/** An attribute's mistake: its name, its value as written (null when missing), what it must be. */
export type Mistake = [attr: string, value: string | null | undefined, rule: string];

/** A calendar date written `YYYY-MM-DD` that exists: not "2017-13-01", not "2017-02-30". */
export function isDate(value: string): boolean {
  try {
    // Date-only ISO text is read as UTC; any other form, or a day that rolls over, reads back differently.
    return new Date(value).toISOString().slice(0, 10) === value;
  } catch {
    return false;
  }
}

/** A date attribute as an element holds it: its name, its value, whether it is required. */
export type DateAttribute = [attr: string, value: string | null, required: boolean];

/**
 * The dates of a period, in order, each `[attr, value, required]`: a date when present (an empty
 * value counts as absent), none before the one written before it.
 */
export function dateMistakes(dates: DateAttribute[]): Mistake[] {
  const mistakes: Mistake[] = [];
  let [prior, since] = ['', ''];
  for (const [attr, value, required] of dates) {
    if (!value) required && mistakes.push([attr, value, 'is required']);
    else if (!isDate(value)) mistakes.push([attr, value, 'must be a date YYYY-MM-DD']);
    else if (value < since) mistakes.push([attr, value, `must not be before "${prior}" (${since})`]);
    else [prior, since] = [attr, value];
  }
  return mistakes;
}

/** `max-items` (a list's length, and the rows its height reserves): a whole number from 1 to 99 when present. */
export const maxItemsMistakes = (value: string | null): Mistake[] =>
  value && !/^[1-9]\d?$/.test(value) ? [['max-items', value, 'must be a whole number from 1 to 99']] : [];

/** Says a mistake in the console: `<ketnap-progress>: attribute "from" must be a date YYYY-MM-DD, got "2017-13-01"`. */
export const warn = (tag: string, [attr, value, rule]: Mistake): void =>
  console.warn(`<${tag}>: attribute "${attr}" ${rule}${value ? `, got "${value}"` : ''}`);
