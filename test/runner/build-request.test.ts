/**
 * buildRequest: the plan-independent parts are worked out once per context, so two contexts of
 * the same operation must never share them, and every auth mode must still place the right
 * credentials.
 */
import { describe, expect, it } from "vitest";
import { plan, type AuthPlan } from "../../src/cases/model.ts";
import { HTTP_PROVIDERS } from "../../src/providers.ts";
import { buildRequest, type RequestContext } from "../../src/runner/build-request.ts";
import { operationContext } from "../../src/runner/run.ts";

function context(provider: (typeof HTTP_PROVIDERS)[number], base: string, tag: string): RequestContext {
  const { op, profile } = operationContext(provider);
  const names = Object.values(profile.credentials).map((c) => (c.kind === "basic" ? c.usernameEnv : c.env));
  // Required non-credential headers (Yuno's account code) always carry the valid value.
  const headerEnvs = Object.values(profile.headerValues).flatMap((h) => (h.kind === "env" ? [h.env] : []));
  const creds = (prefix: string): Record<string, string> =>
    Object.fromEntries([...names.map((n) => [n, `${prefix}${tag}${n}`]), ...headerEnvs.map((n) => [n, `header${tag}${n}`])]);
  return { op, profile, baseUrl: base, credentials: creds("good"), wrongCredentials: creds("bad") };
}

const pathParamsOf = (ctx: RequestContext): Record<string, string> =>
  Object.fromEntries(ctx.op.parameters.filter((p) => p.in === "path").map((p) => [p.name, "a/b c"]));

/** The credential text a request carries, Basic auth decoded. */
function carried(headers: Record<string, string>): string {
  return Object.values(headers)
    .map((v) => (v.startsWith("Basic ") ? Buffer.from(v.slice(6), "base64").toString("utf8") : v))
    .join(" ");
}

describe.each(HTTP_PROVIDERS)("buildRequest for %s", (provider) => {
  it("keeps two contexts of one operation apart", () => {
    const one = context(provider, "http://127.0.0.1:1/one/", "one");
    const two = context(provider, "http://127.0.0.1:2/two", "two");
    const first = buildRequest(one, plan(), pathParamsOf(one));
    const second = buildRequest(two, plan(), pathParamsOf(two));
    expect(first.url.startsWith("http://127.0.0.1:1/one/")).toBe(true);
    expect(first.url).not.toContain("/one//");
    expect(second.url.startsWith("http://127.0.0.1:2/two/")).toBe(true);
    expect(first.url).toContain(encodeURIComponent("a/b c"));
    expect(carried(first.headers)).toContain("goodone");
    expect(carried(second.headers)).toContain("goodtwo");
    expect(carried(second.headers)).not.toContain("goodone");
  });

  it.each<[string, AuthPlan, string[], string[]]>([
    ["valid", "valid", ["good"], ["bad"]],
    ["wrong", "wrong", ["bad"], ["good"]],
    ["missing", "missing", [], []],
  ])("places %s credentials", (_name, auth, present, absent) => {
    const ctx = context(provider, "http://127.0.0.1:3", "x");
    const request = buildRequest(ctx, plan({ auth }), pathParamsOf(ctx));
    const text = carried(request.headers);
    const hasSecurity = ctx.op.security.some((s) => ctx.profile.credentials[s.name]);
    for (const p of present) expect(text.includes(`${p}x`)).toBe(hasSecurity);
    for (const a of absent) expect(text).not.toContain(`${a}x`);
    if (auth === "missing") expect(Object.keys(request.headers).filter((h) => h === "authorization")).toEqual([]);
  });
});

describe("buildRequest with a credential mix", () => {
  it("sends each scheme in its own state and the rest valid", () => {
    const ctx = context("cashfree", "http://127.0.0.1:4", "m");
    const [id, secret] = ctx.op.security;
    const wrongSecret = buildRequest(ctx, plan({ auth: { [secret.name]: "wrong" } }), pathParamsOf(ctx)).headers;
    expect(wrongSecret[id.headerName!.toLowerCase()]).toBe("goodmCASHFREE_CLIENT_ID");
    expect(wrongSecret[secret.headerName!.toLowerCase()]).toBe("badmCASHFREE_CLIENT_SECRET");
    const noId = buildRequest(ctx, plan({ auth: { [id.name]: "missing" } }), pathParamsOf(ctx)).headers;
    expect(id.headerName!.toLowerCase() in noId).toBe(false);
    expect(noId[secret.headerName!.toLowerCase()]).toBe("goodmCASHFREE_CLIENT_SECRET");
  });

  it("sends a credential under the other HTTP scheme: a bearer token as Basic, a Basic user as Bearer", () => {
    const enkash = context("enkash", "http://127.0.0.1:6", "s");
    expect(buildRequest(enkash, plan({ auth: "other-scheme" }), pathParamsOf(enkash)).headers.authorization).toBe("Basic goodsENKASH_ACCESS_TOKEN");
    const juspay = context("juspay", "http://127.0.0.1:7", "s");
    expect(buildRequest(juspay, plan({ auth: "other-scheme" }), pathParamsOf(juspay)).headers.authorization).toBe("Bearer goodsJUSPAY_API_KEY");
  });

  it("sends another method when the plan names one", () => {
    const ctx = context("juspay", "http://127.0.0.1:5", "m");
    expect(buildRequest(ctx, plan({ method: "DELETE" }), pathParamsOf(ctx)).method).toBe("DELETE");
    expect(buildRequest(ctx, plan(), pathParamsOf(ctx)).method).toBe("POST");
  });
});

describe("buildRequest's query string", () => {
  it("leaves the characters rawInQuery names unencoded, and encodes them otherwise", () => {
    const ctx = context("enkash", "http://127.0.0.1:1", "q");
    const params = { customerId: "KC0000000000000A" };
    const encoded = buildRequest(ctx, plan({ query: { parentCompanyId: "CEK1;x" } }), params);
    const raw = buildRequest(ctx, plan({ query: { parentCompanyId: "CEK1;x" }, rawInQuery: [";"] }), params);
    expect(new URL(encoded.url).search).toBe("?parentCompanyId=CEK1%3Bx");
    expect(new URL(raw.url).search).toBe("?parentCompanyId=CEK1;x");
  });
});
