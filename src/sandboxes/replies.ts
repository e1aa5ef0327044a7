/**
 * Shared reply builders and request helpers for the provider steps. Every JSON answer goes out as
 * `application/json`; an empty answer has no body and no content type.
 */
import { randomUUID } from "node:crypto";
import type { SandboxContext, SandboxReply, SandboxRequest } from "./types.ts";

export function jsonReply(status: number, body: unknown): SandboxReply {
  return { status, body };
}

export function emptyReply(status: number): SandboxReply {
  return { status };
}

/** A fresh request id, as the providers put in their error bodies. */
export function requestId(): string {
  return randomUUID();
}

/** `yyyy-MM-dd HH:mm:ss` in UTC, the timestamp shape EnKash documents. */
export function plainTimestamp(date = new Date()): string {
  return date.toISOString().slice(0, 19).replace("T", " ");
}

/** One header's value, or undefined when it is absent or repeated into a list. */
export function header(req: SandboxRequest, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return typeof value === "string" ? value : undefined;
}

/** The media type of the request, lower-cased and without parameters. */
export function mediaType(req: SandboxRequest): string {
  return (header(req, "content-type") ?? "").split(";")[0].trim().toLowerCase();
}

/**
 * The first required header parameter of the operation that is missing, empty, or breaks its
 * documented schema; undefined when all are fine.
 */
export function badRequiredHeader(req: SandboxRequest, ctx: SandboxContext): string | undefined {
  for (const p of ctx.operation.parameters) {
    if (p.in !== "header" || !p.required) continue;
    const value = header(req, p.name);
    if (!value || !ctx.checks.parameter(p.name, value)) return p.name;
  }
  return undefined;
}

/** The first query parameter of the operation that is repeated or breaks its documented schema. */
export function badQueryParameter(req: SandboxRequest, ctx: SandboxContext): string | undefined {
  for (const p of ctx.operation.parameters) {
    if (p.in !== "query") continue;
    const values = req.query.getAll(p.name);
    if (values.length === 0 ? p.required : values.length > 1 || !ctx.checks.parameter(p.name, values[0])) return p.name;
  }
  return undefined;
}

/** The first path parameter that could not be decoded or breaks its documented schema. */
export function badPathParameter(ctx: SandboxContext): string | undefined {
  for (const [name, value] of Object.entries(ctx.path)) {
    if (value === undefined || !ctx.checks.parameter(name, value)) return name;
  }
  return undefined;
}
