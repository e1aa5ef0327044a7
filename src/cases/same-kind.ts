/** Character classes from the narrowest: a digit, a hex letter of either case, a letter of its case. */
const KINDS = ["0123456789", "abcdef", "ABCDEF", "abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ"];

/** The character after `c` in the narrowest class it is in (wrapping round); `c` itself outside them. */
export function nextOfItsKind(c: string): string {
  const kind = KINDS.find((chars) => chars.includes(c));
  return kind === undefined ? c : kind[(kind.indexOf(c) + 1) % kind.length];
}

/** `text` with the character at `index` replaced by the next of its kind. */
export function changedAt(text: string, index: number): string {
  return `${text.slice(0, index)}${nextOfItsKind(text[index])}${text.slice(index + 1)}`;
}
