/**
 * Shared helpers for the sandbox tests: plain fetch calls, the provider-state endpoint, and a
 * check that an answer is one the spec documents, its body validated with Ajv against the
 * response schema from loadSpec.
 */
import { Ajv2020 } from "ajv/dist/2020.js";
import f from "ajv-formats";
import { expect } from "vitest";
import { PROFILES } from "../../src/profiles/index.ts";
import type { HttpProvider } from "../../src/providers.ts";
import { loadSpec } from "../../src/spec/load.ts";
import { responseFor, type OperationSpec } from "../../src/spec/model.ts";
import type { SandboxHandle } from "../../src/sandboxes/index.ts";

const addFormats = f.default;
const ajv = new Ajv2020({ strict: false, allErrors: true, logger: false });
addFormats(ajv);
ajv.addFormat("int32", { type: "number", validate: (n: number) => Number.isInteger(n) && Math.abs(n) < 2 ** 31 });

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body when it is JSON, else undefined. */
  json: unknown;
}

export function operationOf(provider: HttpProvider): OperationSpec {
  const op = loadSpec(provider).operations.find((o) => o.operationId === PROFILES[provider].operationId);
  if (!op) throw new Error(`no operation for ${provider}`);
  return op;
}

export async function send(url: string, init: RequestInit = {}): Promise<Answer> {
  const res = await fetch(url, init);
  const text = await res.text();
  let json: unknown;
  try {
    json = text === "" ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** Calls the state endpoint; answers the parsed reply. */
export async function state(h: SandboxHandle, body: unknown): Promise<Answer> {
  return send(h.stateUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
}

/** Sets the profile's fixture state up and returns the path parameter values. */
export async function fixture(h: SandboxHandle): Promise<Record<string, string>> {
  const answer = await state(h, { state: PROFILES[h.provider].fixtureState, action: "setup" });
  expect(answer.status).toBe(200);
  return answer.json as Record<string, string>;
}

/**
 * Asserts the answer has the expected status, that the spec documents that status, and that its
 * body is what the spec documents: an empty body without a content type, or JSON valid against
 * the response schema. Also asserts no credential leaks into the answer.
 */
export function expectDocumented(h: SandboxHandle, answer: Answer, status: number): void {
  expect(answer.status).toBe(status);
  const response = responseFor(operationOf(h.provider), status);
  expect(response, `status ${status} is documented`).toBeDefined();
  if (!response?.contentType) {
    expect(answer.text).toBe("");
    expect(answer.headers.get("content-type")).toBeNull();
  } else {
    expect(answer.headers.get("content-type")).toBe(response.contentType);
    const validate = ajv.compile(response.schema ?? {});
    expect(validate(answer.json), ajv.errorsText(validate.errors)).toBe(true);
  }
  expectNoSecrets(h, answer);
}

export function expectNoSecrets(h: SandboxHandle, answer: Answer): void {
  const lines: string[] = [];
  answer.headers.forEach((value, name) => lines.push(`${name}: ${value}`));
  const headers = lines.join("\n");
  for (const secret of Object.values(h.credentials)) {
    expect(answer.text).not.toContain(secret);
    expect(headers).not.toContain(secret);
  }
}

/** Whether a value satisfies the schema of the operation's parameter of that name. */
export function conformsTo(provider: HttpProvider, name: string, value: string): boolean {
  const param = operationOf(provider).parameters.find((p) => p.name === name);
  if (!param) throw new Error(`no parameter ${name}`);
  return ajv.validate(param.schema, value);
}

/** A path segment of several kilobytes. */
export const LONG_ID = "A".repeat(6000);
/** "KC" / "cust" with Cyrillic look-alike letters (К, С). */
export const CYRILLIC_K = "\u041a";
export const CYRILLIC_C = "\u0441";
