/**
 * Reads a pact body into a BodyView: V4 keeps `{content, contentType, encoded}`, V2/V3 keep the
 * content itself (the media type then comes from the Content-Type header). JSON is parsed, a form
 * becomes an object of fields, anything else stays text.
 */
import type { BodyView } from "./model.ts";

type Obj = Record<string, unknown>;

export function readBody(raw: unknown, headers: Record<string, string[]>, path: string): BodyView | undefined {
  if (raw === undefined || raw === null) return undefined;
  const v4 = isObj(raw) && "content" in raw && ("contentType" in raw || "encoded" in raw);
  const contentType = v4 && typeof raw.contentType === "string" ? raw.contentType : headers["content-type"]?.[0];
  const content = v4 ? decode(raw.content, raw.encoded) : raw;
  return { contentType, value: parse(content, contentType), path: v4 ? `${path}.content` : path };
}

function decode(content: unknown, encoded: unknown): unknown {
  if (typeof content !== "string" || encoded === false || encoded === undefined) return content;
  return Buffer.from(content, "base64").toString("utf8");
}

function parse(content: unknown, contentType: string | undefined): unknown {
  if (typeof content !== "string") return content;
  const type = (contentType ?? "").split(";")[0].trim().toLowerCase();
  if (type === "application/x-www-form-urlencoded") return formFields(content);
  if (type === "application/json" || type.endsWith("+json")) {
    try {
      return JSON.parse(content);
    } catch {
      return content;
    }
  }
  return content;
}

/** Form fields as an object; a repeated field becomes a list. */
export function formFields(text: string): Record<string, string | string[]> {
  const form = new URLSearchParams(text);
  const fields: Record<string, string | string[]> = {};
  for (const key of new Set(form.keys())) {
    const values = form.getAll(key);
    fields[key] = values.length === 1 ? values[0] : values;
  }
  return fields;
}

function isObj(value: unknown): value is Obj {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
