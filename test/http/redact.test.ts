/** redact() masks every form a secret travels in; toCurl() masks secrets and quotes for a POSIX shell. */
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { toCurl } from "../../src/http/curl.ts";
import { MASK, redact } from "../../src/http/redact.ts";

const SECRET = "sk/live+Key=42&x";
const basic = (user: string): string => Buffer.from(`${user}:`).toString("base64");

describe("redact", () => {
  it.each([
    ["the raw value", `token ${SECRET} end`, [SECRET], `token ${MASK} end`],
    ["the Basic auth form (base64 of user:)", `Authorization: Basic ${basic(SECRET)}`, [SECRET], `Authorization: Basic ${MASK}`],
    ["the percent-encoded form", `?key=${encodeURIComponent(SECRET)}&a=1`, [SECRET], `?key=${MASK}&a=1`],
    ["every occurrence", `${SECRET}|${SECRET}`, [SECRET], `${MASK}|${MASK}`],
    ["several secrets", "a=first b=second", ["first", "second"], `a=${MASK} b=${MASK}`],
    ["nothing for an empty secret", "unchanged", [""], "unchanged"],
    ["nothing when no secret occurs", "nothing here", [SECRET], "nothing here"],
  ])("masks %s", (_name, text, secrets, want) => {
    expect(redact(text, secrets)).toBe(want);
  });
});

describe("toCurl", () => {
  const request = {
    method: "POST",
    url: `http://127.0.0.1:8080/customers/it's%20me?key=${SECRET}`,
    headers: { authorization: `Basic ${basic("user1")}`, "x-note": "it's \"quoted\" $HOME `cmd`" },
    body: "command=delete&name=O'Brien",
  };

  it("masks secrets and quotes single quotes", () => {
    expect(toCurl(request, ["user1", SECRET])).toBe(
      `curl -i -X POST 'http://127.0.0.1:8080/customers/it'\\''s%20me?key=***' -H 'authorization: Basic ***' -H 'x-note: it'\\''s "quoted" $HOME \`cmd\`' --data-raw 'command=delete&name=O'\\''Brien'`,
    );
  });

  it("gives a POSIX shell back exactly the arguments of the request", () => {
    const command = toCurl(request, []);
    const argv = execFileSync("/bin/sh", ["-c", `printf '%s\\0' ${command.slice("curl ".length)}`], { encoding: "utf8" }).split("\0").slice(0, -1);
    expect(argv).toEqual(["-i", "-X", "POST", request.url, "-H", `authorization: ${request.headers.authorization}`, "-H", `x-note: ${request.headers["x-note"]}`, "--data-raw", request.body]);
  });
});
