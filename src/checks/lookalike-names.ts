/**
 * Names in a JSON body that the schema does not document but that differ from a documented
 * property of the same object only by case, `_` or `-` (`responseCode` where the doc names
 * `response_code`), or by a plural's `s` (`message` where the doc names `messages`), while the documented one is absent: a client reading the documented name gets
 * nothing. Extra properties are allowed and optional ones may be left out, so each alone passes the
 * schema; together they are a renamed field. Properties are read from `properties` and from the
 * subschemas of `allOf`, `anyOf` and `oneOf`; objects are followed into documented properties and
 * array items, to a bounded depth.
 */
type Schema = Record<string, unknown>;

export interface Lookalike {
  /** JSON Pointer of the object. */
  at: string;
  sent: string;
  documented: string;
}

const MAX_DEPTH = 8;

export function lookalikeNames(value: unknown, schema: unknown, at = "", depth = 0): Lookalike[] {
  if (depth > MAX_DEPTH || !isObject(schema)) return [];
  if (Array.isArray(value)) {
    const items = schema.items;
    return isObject(items) ? value.flatMap((item, i) => lookalikeNames(item, items, `${at}/${i}`, depth + 1)) : [];
  }
  if (!isObject(value)) return [];
  const properties = propertiesOf(schema, depth);
  const byFolded = foldedNames(properties);
  if (byFolded.size === 0) return [];
  const found: Lookalike[] = [];
  for (const key of Object.keys(value)) {
    if (key in properties) {
      found.push(...lookalikeNames(value[key], properties[key], `${at}/${escapePointer(key)}`, depth + 1));
      continue;
    }
    const documented = byFolded.get(fold(key));
    if (documented !== undefined && !(documented in value)) found.push({ at: at || "/", sent: key, documented });
  }
  return found;
}

/** Each schema's properties, its subschemas' merged in: worked out once per schema object (schemas are not changed after loading). */
const merged = new WeakMap<Schema, Record<string, unknown>>();

export function propertiesOf(schema: Schema, depth: number): Record<string, unknown> {
  const hit = merged.get(schema);
  if (hit) return hit;
  const own = isObject(schema.properties) ? schema.properties : {};
  const subschemas = depth > MAX_DEPTH ? [] : ["allOf", "anyOf", "oneOf"].flatMap((key) => (Array.isArray(schema[key]) ? (schema[key] as unknown[]) : []));
  const properties = subschemas.length === 0 ? own : Object.assign({}, ...subschemas.filter(isObject).map((sub) => propertiesOf(sub, depth + 1)), own);
  merged.set(schema, properties);
  return properties;
}

const folded = new WeakMap<Record<string, unknown>, Map<string, string>>();

/** The documented names by their folded spelling, worked out once per properties object. */
function foldedNames(properties: Record<string, unknown>): Map<string, string> {
  let names = folded.get(properties);
  if (!names) folded.set(properties, (names = new Map(Object.keys(properties).map((name) => [fold(name), name]))));
  return names;
}

/** A name with its case, `_` and `-`, and a plural's final `s` left out (`message` for `messages`). */
function fold(name: string): string {
  return name.toLowerCase().replace(/[_-]/g, "").replace(/(?<=.{2})s$/, "");
}

function escapePointer(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

function isObject(value: unknown): value is Schema {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
