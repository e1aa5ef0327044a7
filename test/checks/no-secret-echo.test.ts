/**
 * no_secret_echo fails on a credential echoed in any form (the forms the canary test searches
 * outputs for), in the body or in a header, and stays silent on a response without one.
 */
import { describe, expect, it } from "vitest";
import { noSecretEcho } from "../../src/checks/no-secret-echo.ts";
import { withoutIdentifiers } from "../../src/runner/credentials.ts";
import type { CheckInput } from "../../src/checks/types.ts";
import { canaryForms } from "../support/canary.ts";

const SECRET = "pcEchoToken/07+=&x";
const WRONG = "pcwrongABCDEFGHIJKLMNOP";

function input(body: string, headers: Record<string, string> = {}, sent: Record<string, string> = { authorization: `Bearer ${SECRET}` }): CheckInput {
  const request = { method: "DELETE", url: "http://127.0.0.1/x", headers: sent };
  return { request, response: { status: 401, headers, text: body }, secrets: [SECRET, WRONG] } as unknown as CheckInput;
}

describe("no_secret_echo", () => {
  const forms = Object.entries(canaryForms(SECRET));
  it.each(forms)("fails on the %s form in the body", (_form, value) => {
    const findings = noSecretEcho.run(input(`{"message": "rejected ${value}"}`));
    expect(findings).toHaveLength(1);
    expect(findings![0].actual).toMatch(/^a credential \((raw or escaped|its start cut off by an ellipsis|base64|hex)\) in the body$/);
  });

  it.each(forms)("fails on the %s form in a header", (_form, value) => {
    const findings = noSecretEcho.run(input("", { "www-authenticate": `Bearer error="invalid_token" token="${value}"` }));
    expect(findings?.map((f) => f.actual)).toEqual([expect.stringMatching(/in the header www-authenticate$/)]);
  });

  it("fails on a wrong credential echoed back", () => {
    expect(noSecretEcho.run(input(`bad token ${WRONG}`))).toHaveLength(1);
  });

  it("passes a key's type prefix before an ellipsis (a format hint), and fails on a start that goes past it", () => {
    const token = "enk_tok_0123456789abcdef";
    const hint = (text: string): CheckInput => ({ ...input(text), secrets: [token] }) as CheckInput;
    expect(noSecretEcho.run(hint(`{"message": "sandbox tokens look like enk_tok_…"}`))).toEqual([]);
    expect(noSecretEcho.run(hint(`{"message": "sandbox tokens look like enk_tok_..."}`))).toEqual([]);
    expect(noSecretEcho.run(hint(`{"message": "your token enk_tok_01… is not valid"}`))!.map((f) => f.actual)).toEqual(["a credential (its start cut off by an ellipsis) in the body"]);
  });

  it("warns where an identifying key (an app ID) alone is named back, and fails where the secret beside it is", () => {
    const appId = "cf_app_1234567890abcdef";
    // As a run passes them: the identifying key kept out of the secrets (withoutIdentifiers).
    const secrets = withoutIdentifiers([SECRET, appId, appId.slice(0, -1), `${appId}x`], [appId]);
    expect(secrets).toEqual([SECRET]);
    const withId = (text: string): CheckInput => ({ ...input(text), secrets, identifiers: [appId] }) as CheckInput;
    const [named] = noSecretEcho.run(withId(`{"app": "${appId}"}`))!;
    expect([named.basis, named.actual]).toEqual(["assumed", "a caller's identifying key (raw or escaped) in the body"]);
    const both = noSecretEcho.run(withId(`{"app": "${appId}", "secret": "${SECRET}"}`))!;
    expect(both.map((f) => f.basis)).toEqual([undefined]);
  });

  it("passes a response without any credential", () => {
    expect(noSecretEcho.run(input('{"code": "UNAUTHORIZED", "message": "pcEchoToken is not valid"}', { "content-type": "application/json" }))).toEqual([]);
  });

  it("says whether the credential shown is one the request carried, or one it did not (the target's own)", () => {
    expect(noSecretEcho.run(input(`{"detail": "${SECRET}"}`))![0].message).toMatch(/echoes a credential this request carried/);
    expect(noSecretEcho.run(input(`{"detail": "${SECRET}"}`, {}, {}))![0].message).toMatch(/shows a credential this request did not carry/);
  });
});

describe("no_secret_echo: a long part of a credential", () => {
  const KEY = "jp_key_0123456789abcdef";
  const judge = (body: string) => noSecretEcho.run({ ...input(body), secrets: [KEY] } as CheckInput)!;

  it("fails on the start or the end of a credential, 60% of it and 12 characters at least", () => {
    expect(judge(`{"developer_message": "Active key begins with ${KEY.slice(0, -4)}"}`)[0].actual).toMatch(/a long part: its start or end, 14 of its 23 characters/);
    expect(judge(`key ending ${KEY.slice(-14)}`)).toHaveLength(1);
  });

  it("says so when the long part is of a credential the request carried", () => {
    const [found] = noSecretEcho.run(input(`{"hint": "token begins ${SECRET.slice(0, 12)}"}`))!;
    expect(found.message).toBe("the response body echoes a credential this request carried");
  });

  it("passes a shorter start, such as the key's shared prefix, or its last four characters", () => {
    expect(judge(`keys begin with ${KEY.slice(0, 13)}, and this one ends with ${KEY.slice(-4)}`)).toEqual([]);
  });
});
