/**
 * Test targets built from the embedded sandboxes: a sandbox that records every API request it
 * sees, and variants that break the transport in one way (reset, stall, oversized body, closing
 * mid-run). Every sandbox started here is closed by `closeTargets`.
 */
import type { ServerResponse } from "node:http";
import { PROFILES } from "../../src/profiles/index.ts";
import type { HttpProvider } from "../../src/providers.ts";
import { startSandbox, type SandboxHandle, type SandboxOptions, type SandboxRequest } from "../../src/sandboxes/index.ts";
import { loadSpec } from "../../src/spec/load.ts";
import type { OperationSpec } from "../../src/spec/model.ts";
import type { RunOptions } from "../../src/runner/options.ts";

export interface RecordingSandbox extends SandboxHandle {
  /** Every API request (not state calls) in arrival order. */
  seen: SandboxRequest[];
}

const open: SandboxHandle[] = [];

export async function startRecordingSandbox(provider: HttpProvider, options: SandboxOptions = {}): Promise<RecordingSandbox> {
  const seen: SandboxRequest[] = [];
  const handle = await startSandbox(provider, {
    ...options,
    rawResponse: (req, res, env) => {
      seen.push(req);
      return options.rawResponse?.(req, res, env) ?? false;
    },
  });
  open.push(handle);
  return { ...handle, seen };
}

export async function closeTargets(): Promise<void> {
  await Promise.all(open.splice(0).map((h) => h.close()));
}

/** Run options that aim a run at a started sandbox as if it were a real target. */
export function aimAt(handle: SandboxHandle, extra: Partial<RunOptions> = {}): Partial<RunOptions> {
  return { providers: [handle.provider], target: handle.baseUrl, stateUrl: handle.stateUrl, env: { ...handle.credentials }, ...extra };
}

export function operationOf(provider: HttpProvider): OperationSpec {
  const op = loadSpec(provider).operations.find((o) => o.operationId === PROFILES[provider].operationId);
  if (!op) throw new Error(`no operation for ${provider}`);
  return op;
}

/** Path parameter values of a request, by the operation's names; undefined when it does not fit the template or does not decode. */
export function pathIdsOf(op: OperationSpec, req: SandboxRequest): Record<string, string> | undefined {
  const template = op.path.split("/").slice(1);
  if (template.length !== req.segments.length) return undefined;
  const ids: Record<string, string> = {};
  for (const [i, part] of template.entries()) {
    const name = /^\{(.+)\}$/.exec(part)?.[1];
    if (name) ids[name] = req.segments[i];
    else if (part !== req.segments[i]) return undefined;
  }
  try {
    return Object.fromEntries(Object.entries(ids).map(([k, v]) => [k, decodeURIComponent(v)]));
  } catch {
    return undefined;
  }
}

export type TransportFault = (res: ServerResponse) => void;

/** Destroys the socket before any byte of an answer. */
export const resetConnection: TransportFault = (res) => {
  res.socket?.destroy();
};

/** Answers nothing for `ms` (bounded), then a 504; the timer ends when the client gives up. */
export const stall =
  (ms: number): TransportFault =>
  (res) => {
    const timer = setTimeout(() => res.writeHead(504).end(), ms);
    res.on("close", () => clearTimeout(timer));
  };

/** A 200 JSON answer of `bytes` bytes. */
export const hugeBody =
  (bytes: number): TransportFault =>
  (res) => {
    const body = JSON.stringify({ padding: "x".repeat(bytes) });
    res.writeHead(200, { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) });
    res.end(body);
  };

/** Applies `fault` to the first API request only; every later one gets the sandbox's answer. */
export function faultOnFirst(fault: TransportFault): SandboxOptions {
  let faulted = false;
  return {
    rawResponse: (_req, res) => {
      if (faulted) return false;
      faulted = true;
      fault(res);
      return true;
    },
  };
}

/** Closes the whole server (listener and connections) once the `n`th API answer is sent. */
export function closeAfter(n: number, close: () => Promise<void> | undefined): SandboxOptions {
  let count = 0;
  return {
    rawResponse: (_req, res) => {
      if (++count === n) res.on("finish", () => void close());
      return false;
    },
  };
}
