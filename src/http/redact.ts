/**
 * Masks secrets in any text payconform prints or writes. A secret is masked in its raw form and
 * in the encodings it travels in: Basic auth (base64 of "user:password") and percent-encoding.
 */
export const MASK = "***";

/**
 * The encodings of each secret seen so far. A run has a handful of secrets and masks every
 * result with them, so the encodings are computed once per secret, not once per call.
 */
const formsCache = new Map<string, readonly string[]>();
const FORMS_CACHE_LIMIT = 1024;

export function secretForms(secret: string): readonly string[] {
  const hit = formsCache.get(secret);
  if (hit) return hit;
  const forms = secret.length === 0 ? [] : [...new Set([secret, encodeURIComponent(secret), Buffer.from(`${secret}:`).toString("base64")])];
  if (formsCache.size >= FORMS_CACHE_LIMIT) formsCache.clear();
  formsCache.set(secret, Object.freeze(forms));
  return forms;
}

export function redact(text: string, secrets: readonly string[]): string {
  if (text === "") return text;
  let out = text;
  for (const secret of secrets) {
    for (const form of secretForms(secret)) if (out.includes(form)) out = out.split(form).join(MASK);
  }
  return out;
}
