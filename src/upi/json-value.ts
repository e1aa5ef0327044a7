/** Small helpers to read and describe untyped JSON values without trusting their shape. */

/** The value at a chain of object keys, or undefined when any step is not a plain object. */
export function at(value: unknown, ...keys: string[]): unknown {
  let current = value;
  for (const key of keys) {
    if (!isObject(current) || !Object.hasOwn(current, key)) return undefined;
    current = current[key];
  }
  return current;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The JSON type name of a value, as JSON Schema's `type` keyword spells it. */
export function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

const MAX_SHOWN = 60;

/** A short one-line rendering of a value for messages, e.g. `"abc"`, `true`, `an object`. */
export function show(value: unknown): string {
  if (value === undefined) return "absent";
  if (isObject(value)) return "an object";
  if (Array.isArray(value)) return "an array";
  const text = JSON.stringify(value);
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 3)}...` : text;
}
