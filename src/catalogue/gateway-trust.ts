/**
 * Adapters that trust what stands in front of them: the service still reachable without the
 * gateway's base path, where no guard checks the credentials (auth_enforcement), and error links
 * built on the X-Forwarded-Host a client sends (host-header injection, no_internal_leak).
 */
import { withValidCredentials } from "./request-view.ts";
import { variant, type FaultyAdapter } from "./types.ts";

type Obj = Record<string, unknown>;
const isObj = (value: unknown): value is Obj => value !== null && typeof value === "object" && !Array.isArray(value);

export const gatewayTrust: FaultyAdapter[] = [
  variant(
    {
      name: "cashfree-service-reachable-without-the-gateway",
      provider: "cashfree",
      departure: "serves /customer/{id} outside the /router base path too, where the gateway's credential check does not run",
      expectedCheck: "auth_enforcement",
    },
    {
      rewriteRequest: (req, env) => {
        const pathname = req.rawUrl.split("?")[0];
        if (req.segments.length > 0 || !pathname.startsWith("/customer/")) return req;
        return withValidCredentials({ ...req, segments: pathname.split("/").slice(1) }, env);
      },
    },
  ),
  variant(
    {
      name: "juspay-error-links-on-the-forwarded-host",
      provider: "juspay",
      departure: "builds error_info.href from the request's X-Forwarded-Host, so a caller chooses the host its error links point to",
      expectedCheck: "no_internal_leak",
    },
    {
      transformReply: (req, reply) => {
        const host = req.headers["x-forwarded-host"];
        if (typeof host !== "string" || !isObj(reply.body) || !isObj(reply.body.error_info)) return reply;
        return { ...reply, body: { ...reply.body, error_info: { ...reply.body.error_info, href: `https://${host}/docs/errors` } } };
      },
    },
  ),
];
