/** Reads a pattern one code point at a time and words the errors for what it cannot handle. */
import { SpecError } from "../../errors.ts";

const SUPPORTED = "anchors, literals, escapes, character classes, groups, alternation and quantifiers";

export class Cursor {
  private readonly chars: string[];
  readonly pattern: string;
  pos = 0;

  constructor(pattern: string) {
    this.pattern = pattern;
    this.chars = Array.from(pattern);
  }

  done(): boolean {
    return this.pos >= this.chars.length;
  }

  peek(ahead = 0): string | undefined {
    return this.chars[this.pos + ahead];
  }

  next(): string {
    const c = this.chars[this.pos];
    if (c === undefined) throw this.malformed("ends too early");
    this.pos++;
    return c;
  }

  /** Consumes `text` if it comes next. */
  eat(text: string): boolean {
    const want = Array.from(text);
    if (want.some((c, k) => this.chars[this.pos + k] !== c)) return false;
    this.pos += want.length;
    return true;
  }

  expect(text: string): void {
    if (!this.eat(text)) throw this.malformed(`lacks "${text}" at offset ${this.pos}`);
  }

  /** A run of decimal digits as a number. */
  number(): number {
    const start = this.pos;
    while (/[0-9]/.test(this.peek() ?? "")) this.pos++;
    if (this.pos === start) throw this.malformed(`lacks a number at offset ${start}`);
    return Number(this.since(start));
  }

  since(start: number): string {
    return this.chars.slice(start, this.pos).join("");
  }

  unsupported(feature: string, at = this.pos): SpecError {
    return new SpecError(
      `pattern ${JSON.stringify(this.pattern)} uses ${feature} at offset ${at}; ` +
        `payconform generates values only from ${SUPPORTED}`,
    );
  }

  malformed(problem: string): SpecError {
    return new SpecError(`pattern ${JSON.stringify(this.pattern)} ${problem}`);
  }
}
