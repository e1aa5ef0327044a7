/**
 * Masks secrets in any text payconform prints or writes. A secret is masked in its raw form and
 * in the encodings it travels in: Basic auth (base64 of "user:password") and percent-encoding.
 */
export const MASK = "***";

export function secretForms(secret: string): string[] {
  if (secret.length === 0) return [];
  const forms = new Set([secret, encodeURIComponent(secret), Buffer.from(`${secret}:`).toString("base64")]);
  return [...forms];
}

export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    for (const form of secretForms(secret)) out = out.split(form).join(MASK);
  }
  return out;
}
