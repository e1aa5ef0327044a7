/**
 * redact() masks every form a secret travels or is stored in, findSecret() names the kind of
 * form it found, and toCurl() masks secrets and quotes for a POSIX shell.
 */
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { toCurl } from "../../src/http/curl.ts";
import { quickIndex } from "../../src/http/quick-test.ts";
import { findSecret, MASK, redact } from "../../src/http/redact.ts";

const SECRET = "sk/live+Key=42&x'y";
const bytes = Buffer.from(SECRET, "utf8");
const hex = bytes.toString("hex");
const jsonEscaped = (s: string, upper = false): string => [...s].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`).map((e) => (upper ? e.toUpperCase().replace("\\U", "\\u") : e)).join("");
const percentAll = (s: string, upper: boolean): string => [...Buffer.from(s)].map((b) => `%${b.toString(16).padStart(2, "0")}`).map((e) => (upper ? e.toUpperCase() : e)).join("");

/** [form, how the secret appears, the kind findSecret names]. */
const FORMS: Array<[string, string, string]> = [
  ["raw", SECRET, "raw or escaped"],
  ["percent-encoded, upper case", encodeURIComponent(SECRET), "raw or escaped"],
  ["percent-encoded, lower case", encodeURIComponent(SECRET).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()), "raw or escaped"],
  ["every byte percent-encoded", percentAll(SECRET, false), "raw or escaped"],
  ["percent-encoded twice", encodeURIComponent(encodeURIComponent(SECRET)), "raw or escaped"],
  ["form-encoded", new URLSearchParams({ k: SECRET }).toString().slice(2), "raw or escaped"],
  ["JSON \\u escapes, lower-case hex", jsonEscaped(SECRET), "raw or escaped"],
  ["JSON \\u escapes, upper-case hex", jsonEscaped(SECRET, true), "raw or escaped"],
  ["JSON-escaped inside a JSON string", JSON.stringify(JSON.stringify({ k: SECRET })), "raw or escaped"],
  ["\\u escapes inside a JSON string", JSON.stringify(jsonEscaped(SECRET)), "raw or escaped"],
  ["XML/HTML entities", SECRET.replace(/&/g, "&amp;").replace(/'/g, "&#39;"), "raw or escaped"],
  ["base64 of the value", bytes.toString("base64"), "base64"],
  ["base64 of value:", Buffer.from(`${SECRET}:`).toString("base64"), "base64"],
  ["base64 of user:value", Buffer.from(`user:${SECRET}`).toString("base64"), "base64"],
  ["base64 of xy:value", Buffer.from(`xy:${SECRET}`).toString("base64"), "base64"],
  ["base64url of the value", bytes.toString("base64url"), "base64"],
  ["base64url of value:", Buffer.from(`${SECRET}:`).toString("base64url"), "base64"],
  ["hex, lower case", hex, "hex"],
  ["hex, upper case", hex.toUpperCase(), "hex"],
];

describe("redact and findSecret", () => {
  it.each(FORMS)("%s", (_name, form, kind) => {
    const text = `before ${form} after`;
    const masked = redact(text, [SECRET]);
    expect(masked).toContain(MASK);
    expect(masked).not.toContain(form);
    expect(masked.startsWith("before ")).toBe(true);
    expect(masked.endsWith(" after")).toBe(true);
    expect(findSecret(text, [SECRET])).toBe(kind);
  });

  it.each([
    ["every occurrence", `${SECRET}|${SECRET}`, [SECRET], `${MASK}|${MASK}`],
    ["several secrets", "a=first-secret b=second-secret", ["first-secret", "second-secret"], `a=${MASK} b=${MASK}`],
    ["the longer of two overlapping secrets", "token-abcdefgh-tail", ["token-abcdefgh", "token-abcdefgh-tail"], MASK],
    ["Basic auth as a whole", `Authorization: Basic ${Buffer.from(`${SECRET}:`).toString("base64")}`, [SECRET], `Authorization: Basic ${MASK}`],
    ["nothing for an empty secret", "unchanged", [""], "unchanged"],
    ["a secret shorter than any accepted credential, given directly", "key=k5x&other=1", ["k5x"], `key=${MASK}&other=1`],
    ["a secret at the very start and at the very end", `${SECRET} middle ${SECRET}`, [SECRET], `${MASK} middle ${MASK}`],
    ["nothing when no secret occurs", "nothing here, not even sk/live", [SECRET], "nothing here, not even sk/live"],
  ])("masks %s", (_name, text, secrets, want) => {
    expect(redact(text, secrets)).toBe(want);
  });

  it("masks both secrets of a Basic pair (`id:secret`), whatever their lengths and alignment", () => {
    const leaks: string[] = [];
    for (let a = 8; a <= 14; a++) {
      for (let b = 8; b <= 14; b++) {
        for (const prefix of ["", "x", "xy"]) {
          const first = `id_${"abcdefghijklmnop".slice(0, a - 3)}`;
          const second = `sk_${"QRSTUVWXYZ012345".slice(0, b - 3)}`;
          const encoded = Buffer.from(`${prefix}${first}:${second}`).toString("base64");
          const masked = redact(`Basic ${encoded}`, [first, second]);
          // What is left may hold the prefix's bits and the colon's, never six characters of either secret's base64.
          const rest = masked.replace(/^Basic /, "").split(MASK).join(" ");
          for (const secret of [first, second]) {
            for (const offset of [0, 1, 2]) {
              const core = Buffer.concat([Buffer.alloc(offset), Buffer.from(secret)]).toString("base64").slice(Math.ceil((offset * 8) / 6), -4);
              for (let i = 0; i + 6 <= core.length; i++) if (rest.includes(core.slice(i, i + 6))) leaks.push(`${prefix}${first}:${second} → ${masked}`);
            }
          }
        }
      }
    }
    expect([...new Set(leaks)]).toEqual([]);
  });

  it("finds nothing in text without the secret", () => {
    expect(findSecret("a JSON body {\"code\": \"UNAUTHORIZED\"}", [SECRET])).toBeUndefined();
  });
});

describe("toCurl", () => {
  const request = {
    method: "POST",
    url: `http://127.0.0.1:8080/customers/it's%20me?key=${SECRET}`,
    headers: { authorization: `Basic ${Buffer.from("user-0001:").toString("base64")}`, "x-note": "it's \"quoted\" $HOME `cmd`" },
    body: "command=delete&name=O'Brien",
  };

  it("masks secrets and quotes single quotes", () => {
    expect(toCurl(request, ["user-0001", SECRET])).toBe(
      `curl -i -X POST 'http://127.0.0.1:8080/customers/it'\\''s%20me?key=***' -H 'authorization: Basic ***' -H 'x-note: it'\\''s "quoted" $HOME \`cmd\`' --data-raw 'command=delete&name=O'\\''Brien'`,
    );
  });

  it("gives a POSIX shell back exactly the arguments of the request", () => {
    const command = toCurl(request, []);
    const argv = execFileSync("/bin/sh", ["-c", `printf '%s\\0' ${command.slice("curl ".length)}`], { encoding: "utf8" }).split("\0").slice(0, -1);
    expect(argv).toEqual(["-i", "-X", "POST", request.url, "-H", `authorization: ${request.headers.authorization}`, "-H", `x-note: ${request.headers["x-note"]}`, "--data-raw", request.body]);
  });
});

describe("the quick test before the full pattern never lets a form through", () => {
  /** Each character of `secret` in a form drawn from its forms, seeded. */
  function mixed(secret: string, seed: number): string {
    let state = seed;
    const pick = (n: number): number => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state % n;
    };
    return [...secret]
      .map((c) => {
        const code = c.charCodeAt(0);
        const forms = [c, `%${code.toString(16).padStart(2, "0")}`, `%25${code.toString(16).toUpperCase().padStart(2, "0")}`, `\\u${code.toString(16).padStart(4, "0")}`, `&#${code};`, `&#x${code.toString(16)};`];
        return forms[pick(forms.length)];
      })
      .join("");
  }

  it.each([SECRET, "ABCDEFGH12345678", "sandbox_pub key 99"])("masks %j written with its characters in mixed forms", (secret) => {
    for (let seed = 1; seed <= 200; seed++) {
      const form = mixed(secret, seed);
      const text = `{"echo": "${form}", "other": "x"}`;
      expect(findSecret(text, [secret]), `${seed}: ${form}`).toBe("raw or escaped");
      expect(redact(text, [secret]), `${seed}: ${form}`).not.toContain(form);
    }
  });

  it("finds a secret with a character outside ASCII in its forms, and passes unrelated text without the full pattern", () => {
    const secret = "sandbox_X3SL\u00e9AKUCl2h7H";
    const forms = [secret, encodeURIComponent(secret), JSON.stringify(secret).replace("\u00e9", "\\u00e9"), Buffer.from(secret).toString("base64"), Buffer.from(`${secret}:`).toString("base64")];
    for (const form of forms) {
      const text = `{"echo": "${form}"}`;
      expect(findSecret(text, [secret]), form).toBeDefined();
      expect(redact(text, [secret]), form).not.toContain(form);
    }
    // Its longest ASCII run stands for it in the quick test, so most texts skip the full pattern.
    expect(quickIndex([[secret]]).partsIn('{"message": "Customer not found", "code": "customer_not_found"}').size).toBe(0);
    expect(quickIndex([[secret]]).partsIn("sandbox_X3SL%C3%A9AKUCl2h7H").size).toBe(1);
  });

  it("leaves text that holds no form of a secret as it is, escapes and all", () => {
    const text = 'curl -i -X DELETE \'http://127.0.0.1:1/api/v0/customer/KC%20AB\' -H "x: a&amp;b \\u0041 …"';
    expect(redact(text, [SECRET, "ABCDEFGH12345678"])).toBe(text);
    expect(findSecret(text, [SECRET])).toBeUndefined();
  });
});

describe("a long list of secrets", () => {
  // A long self-test or proxy session registers secrets for its whole life: hundreds of them
  // would make one pattern larger than V8 compiles, so the list is compiled in parts.
  it("masks every secret of a list of 700, in every part, and names the form it finds", () => {
    const secrets = Array.from({ length: 700 }, (_, i) => `longListSecret-${String(i).padStart(4, "0")}-x`);
    const text = `first ${secrets[0]} middle ${encodeURIComponent(secrets[350])} last ${Buffer.from(secrets[699]).toString("base64")} end`;
    expect(redact(text, secrets)).toBe(`first ${MASK} middle ${MASK} last ${MASK} end`);
    expect(findSecret(`x ${Buffer.from(secrets[600]).toString("hex")} y`, secrets)).toBe("hex");
    expect(findSecret("nothing secret here", secrets)).toBeUndefined();
  });
});

describe("long texts and cut-off secrets", () => {
  // A report is long and holds the secret, if at all, on a few of its lines: it is masked a line
  // at a time, and every form on every line is still masked.
  // The quick test searches a short list of forms one by one, a long one by a rolling hash: both.
  const DECOYS = Array.from({ length: 40 }, (_, i) => `decoy-secret-${i}-value`);
  it.each([
    ["one secret", [SECRET]],
    ["a long list of secrets", [...DECOYS, SECRET]],
  ])("masks every form on whichever lines of a long report they are, with %s", (_name, secrets) => {
    const lines = Array.from({ length: 2000 }, (_, i) => `<tr><td>line ${i}</td><td>nothing here</td></tr>`);
    FORMS.forEach(([, form], i) => (lines[i * 90 + 7] = `<td>${form}</td>`));
    lines[1990] = `<td>${SECRET.slice(0, 8)}…</td>`;
    const masked = redact(lines.join("\n"), secrets).split("\n");
    expect(masked).toHaveLength(2000);
    FORMS.forEach(([, form], i) => {
      expect(masked[i * 90 + 7], form).toContain(MASK);
      expect(masked[i * 90 + 7], form).not.toContain(form);
    });
    expect(masked[1990]).toBe(`<td>${MASK}…</td>`);
    expect(masked[1]).toBe(lines[1]);
  });

  it.each([
    ["the start before an ellipsis", `preview ${SECRET.slice(0, 9)}… end`, `preview ${MASK}… end`],
    ["the start before three dots", `preview ${SECRET.slice(0, 7)}... end`, `preview ${MASK}... end`],
    ["the start and a half-written escape before an ellipsis", `preview ${encodeURIComponent(SECRET).slice(0, 14)}%2… end`, `preview ${MASK}%2… end`],
  ])("masks %s", (_name, text, want) => {
    expect(redact(text, [SECRET])).toBe(want);
  });

  it("leaves the secret's first characters alone where no ellipsis follows them", () => {
    const text = `a word like ${SECRET.slice(0, 7)} and, far later, a preview… of something else`;
    expect(redact(text, [SECRET])).toBe(text);
  });
});
