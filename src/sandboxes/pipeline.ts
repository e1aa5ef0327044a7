/**
 * Answers one API request: the raw-response hook first, then the request rewrite hook, then
 * routing against the spec's path template, then the provider's steps in order (authenticate, validate, remove), then the
 * reply rewrite hook.
 */
import type { ServerResponse } from "node:http";
import { jsonReply } from "./replies.ts";
import { route } from "./router.ts";
import { sendReply } from "./server.ts";
import type { SandboxEnv, SandboxOptions, SandboxReply, SandboxRequest } from "./types.ts";

export function apiHandler(env: SandboxEnv, options: SandboxOptions): (req: SandboxRequest, res: ServerResponse) => void {
  return (received, res) => {
    if (options.rawResponse?.(received, res, env)) return;
    const req = options.rewriteRequest ? options.rewriteRequest(received, env) : received;
    const reply = answer(req, env);
    sendReply(res, options.transformReply ? options.transformReply(req, reply) : reply);
  };
}

/** The sandbox's own answer to an API request, before any rewrite. */
export function answer(req: SandboxRequest, env: SandboxEnv): SandboxReply {
  const match = route(env.operation, req.method, req.segments);
  if (match.kind === "noRoute") return jsonReply(404, { message: "No such route." });
  if (match.kind === "wrongMethod") {
    return { status: 405, headers: { allow: match.allow }, body: { message: `Method not allowed; use ${match.allow}.` } };
  }
  const ctx = { ...env, path: match.path };
  const steps = env.behaviour;
  return steps.authenticate(req, ctx) ?? steps.validate(req, ctx) ?? steps.remove(req, ctx);
}
