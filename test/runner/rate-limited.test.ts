/**
 * A target that rate-limits: a 429 the client waited out is judged as any answer; a 429 left after
 * the retries is a warning, "not judged", never a finding about the operation, though what no
 * answer may show (a credential echoed) is still checked; a target that answers 429 to most of a
 * run gets an errored result, so a run it throttled does not pass.
 */
import { afterEach, describe, expect, it } from "vitest";
import { startCatalogueSandbox } from "../../src/catalogue/types.ts";
import { runAgainst } from "../../src/catalogue/run-target.ts";
import { mostlyRateLimited, MOST_RATE_LIMITED } from "../../src/runner/rate-limited.ts";
import type { SandboxHandle } from "../../src/sandboxes/types.ts";

const handles: SandboxHandle[] = [];
afterEach(async () => {
  for (const h of handles.splice(0)) await h.close();
});

/** The enkash sandbox answering 429 (Retry-After: 0) to every request for which `limit(n)` holds, n counting from 1. */
async function limiting(limit: (n: number) => boolean): Promise<{ handle: SandboxHandle; limited: () => number }> {
  let seen = 0;
  let limited = 0;
  const handle = await startCatalogueSandbox("enkash", {
    rawResponse: (_req, res) => {
      if (!limit(++seen)) return false;
      limited++;
      res.writeHead(429, { "content-type": "application/json", "retry-after": "0" }).end('{"message":"Too many requests"}');
      return true;
    },
  });
  handles.push(handle);
  return { handle, limited: () => limited };
}

describe("rate limiting", () => {
  it("every 4th request limited: retried and judged, nothing fails, only races a 429 cut into go unjudged", async () => {
    const { handle, limited } = await limiting((n) => n % 4 === 0);
    const results = await runAgainst(handle);
    expect(limited()).toBeGreaterThan(10);
    expect(results.filter((r) => r.outcome === "failed" || r.outcome === "errored")).toEqual([]);
    const warnings = results.filter((r) => r.outcome === "warning");
    for (const w of warnings) expect(w.message).toMatch(/^not judged: /);
    expect(results.filter((r) => r.outcome === "passed").length).toBeGreaterThan(500);
  });

  it("every request limited: each is a warning, not judged, and the run has an errored result", async () => {
    const { handle } = await limiting(() => true);
    const results = await runAgainst(handle, { maxRetries: 1 });
    // Only what no answer may show is checked on a rate-limited one.
    const judged = new Set(results.filter((r) => r.outcome === "passed" || r.outcome === "failed").map((r) => `${r.check} ${r.outcome}`));
    expect([...judged].sort()).toEqual(["no_internal_leak passed", "no_secret_echo passed"]);
    const errored = results.filter((r) => r.outcome === "errored");
    expect(errored.map((r) => [r.check, r.case])).toEqual([["status_code_conformance", "answers rate-limited"]]);
    expect(errored[0].message).toMatch(/^the target answered 429 to \d+ of \d+ requests even after waiting out its Retry-After/);
    const warnings = results.filter((r) => r.outcome === "warning");
    expect(warnings.length).toBeGreaterThan(30);
    for (const w of warnings) expect(w.message).toMatch(/^not judged: the target rate-limited the request \(429, Retry-After: 0\)( after 1 wait\(s\) for its Retry-After)?;/);
  });

  it("a 429 that echoes a credential still fails no_secret_echo", async () => {
    let token = "";
    const handle = await startCatalogueSandbox("enkash", {
      rawResponse: (req, res) => {
        token = String(req.headers.authorization ?? "");
        res.writeHead(429, { "content-type": "application/json", "retry-after": "0" }).end(JSON.stringify({ message: "Too many requests", seen: token }));
        return true;
      },
    });
    handles.push(handle);
    const results = await runAgainst(handle, { maxRetries: 0 });
    expect(results.some((r) => r.check === "no_secret_echo" && r.outcome === "failed")).toBe(true);
  });

  it.each([
    [0, 100, false],
    [25, 100, false],
    [26, 100, true],
    [1, 1, true],
  ])("%i of %i rate-limited: errored %s", (limited, sent, errored) => {
    expect(MOST_RATE_LIMITED).toBe(0.25);
    expect(mostlyRateLimited(limited, sent) !== undefined).toBe(errored);
  });
});
