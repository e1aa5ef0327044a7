/**
 * String values whose schema gives a date pattern in Java's notation as its example instead of a
 * date (EnKash's timestamp: `yyyy-MM-dd HH:mm:ss`). Such a value has the pattern's form with every
 * field in its range (month 01–12, a day its month has, hour 00–23, minute and second 00–59).
 * And, where the pattern holds a time of day and the answer a Date header, the value is the time
 * of the answer read in UTC or in India's time (UTC+05:30, the providers' home), within
 * CLOCK_SLACK_MS: that no doc names the zone makes this an assumed reading. A 12-hour clock
 * (Java's `hh` written for `HH`) shows there, writing 17:31 as 05:31. Objects are followed into
 * documented properties (those of allOf, anyOf and oneOf merged in) and array items, to a bounded
 * depth. The pattern itself, sent as the value (the document's example verbatim), is no finding.
 */
import { propertiesOf } from "./lookalike-names.ts";

type Schema = Record<string, unknown>;

export interface DateStampFinding {
  /** JSON Pointer of the value. */
  at: string;
  value: string;
  pattern: string;
  /** `form`: not the pattern's form or a field out of range; `clock`: not the answer's time. */
  problem: "form" | "clock";
}

/** How far a time stamp may be from the answer's Date header. */
export const CLOCK_SLACK_MS = 10 * 60 * 1000;
/** The zones a time stamp is read in: UTC and India's time, in minutes east of UTC. */
const ZONE_OFFSETS_MIN = [0, 330];
const MAX_DEPTH = 8;

const TOKENS: Record<string, { field: Field; digits: number }> = {
  yyyy: { field: "year", digits: 4 },
  MM: { field: "month", digits: 2 },
  dd: { field: "day", digits: 2 },
  HH: { field: "hour", digits: 2 },
  mm: { field: "minute", digits: 2 },
  ss: { field: "second", digits: 2 },
  SSS: { field: "millisecond", digits: 3 },
};
type Field = "year" | "month" | "day" | "hour" | "minute" | "second" | "millisecond";
const TOKEN = /yyyy|MM|dd|HH|mm|ss|SSS/g;
const SEPARATORS = /^[-:./ ]*$/;

interface DatePattern {
  source: string;
  regex: RegExp;
  fields: Field[];
}

const parsed = new Map<string, DatePattern | undefined>();

/** The example read as a date pattern: only the tokens above and separators, a year among them; undefined otherwise. */
export function datePattern(example: string): DatePattern | undefined {
  if (parsed.has(example)) return parsed.get(example);
  let pattern: DatePattern | undefined;
  const pieces = example.split(TOKEN);
  const tokens: string[] = example.match(TOKEN) ?? [];
  if (tokens.includes("yyyy") && pieces.every((piece) => SEPARATORS.test(piece)) && new Set(tokens).size === tokens.length) {
    const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
    const regex = new RegExp(`^${pieces.map((piece, i) => escaped(piece) + (i < tokens.length ? `(\\d{${TOKENS[tokens[i]].digits}})` : "")).join("")}$`);
    pattern = { source: example, regex, fields: tokens.map((token) => TOKENS[token].field) };
  }
  parsed.set(example, pattern);
  return pattern;
}

/** Findings for every dated value in `value` under `schema`; `answeredAt` is the Date header's time, when there is one. */
export function dateStampFindings(value: unknown, schema: unknown, answeredAt: number | undefined, at = "", depth = 0): DateStampFinding[] {
  if (depth > MAX_DEPTH || !isObject(schema)) return [];
  if (typeof value === "string") {
    const pattern = patternOf(schema);
    return pattern ? judge(value, pattern, answeredAt, at || "/") : [];
  }
  if (Array.isArray(value)) {
    return isObject(schema.items) ? value.flatMap((item, i) => dateStampFindings(item, schema.items, answeredAt, `${at}/${i}`, depth + 1)) : [];
  }
  if (!isObject(value)) return [];
  const properties = propertiesOf(schema, depth);
  return Object.keys(value).flatMap((key) => (key in properties ? dateStampFindings(value[key], properties[key], answeredAt, `${at}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`, depth + 1) : []));
}

function patternOf(schema: Schema): DatePattern | undefined {
  const examples = [schema.example, ...(Array.isArray(schema.examples) ? schema.examples : [])];
  for (const example of examples) {
    const pattern = typeof example === "string" ? datePattern(example) : undefined;
    if (pattern) return pattern;
  }
  return undefined;
}

function judge(value: string, pattern: DatePattern, answeredAt: number | undefined, at: string): DateStampFinding[] {
  // The document's own example, sent verbatim (a mock serving the documented sample), departs from nothing.
  if (value === pattern.source) return [];
  const local = localTime(value, pattern);
  if (local === undefined) return [{ at, value, pattern: pattern.source, problem: "form" }];
  if (answeredAt === undefined || !pattern.fields.includes("hour")) return [];
  const near = ZONE_OFFSETS_MIN.some((offset) => Math.abs(local - offset * 60_000 - answeredAt) <= CLOCK_SLACK_MS);
  return near ? [] : [{ at, value, pattern: pattern.source, problem: "clock" }];
}

/** The value's fields as a UTC time stamp (the zone is unknown), or undefined when its form or a field's range is wrong. */
function localTime(value: string, pattern: DatePattern): number | undefined {
  const match = pattern.regex.exec(value);
  if (!match) return undefined;
  const got: Record<Field, number> = { year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0 };
  pattern.fields.forEach((field, i) => (got[field] = Number(match[i + 1])));
  if (got.hour > 23 || got.minute > 59 || got.second > 59) return undefined;
  const time = Date.UTC(got.year, got.month - 1, got.day, got.hour, got.minute, got.second, got.millisecond);
  const back = new Date(time);
  // Date.UTC rolls a 13th month or a 31st of April over: a field out of range does not come back.
  return back.getUTCMonth() === got.month - 1 && back.getUTCDate() === got.day ? time : undefined;
}

function isObject(value: unknown): value is Schema {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
