/**
 * Adapters that read a credential loosely once it has arrived: header values percent-decoded
 * before the comparison, the bearer token taken as the first word after the scheme, and API keys
 * read from cookies of the headers' names when the headers are absent (a framework's merged
 * request parameters). Caught by auth_enforcement.
 */
import { withHeader } from "./request-view.ts";
import { variant, type FaultyAdapter } from "./types.ts";

/** A header's value percent-decoded, or as it is where it does not decode. */
function decoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export const credentialReadings: FaultyAdapter[] = [
  variant(
    {
      name: "yuno-keys-percent-decoded",
      provider: "yuno",
      departure: "percent-decodes public-api-key and private-secret-key before comparing them, so %73k_… passes for sk_…",
      expectedCheck: "auth_enforcement",
    },
    {
      rewriteRequest: (req) =>
        ["public-api-key", "private-secret-key"].reduce((request, name) => {
          const value = request.headers[name];
          return typeof value === "string" ? withHeader(request, name, decoded(value)) : request;
        }, req),
    },
  ),
  variant(
    {
      name: "enkash-bearer-first-word",
      provider: "enkash",
      departure: "takes the token as the first word after Bearer (split on spaces), so Bearer <token> x passes",
      expectedCheck: "auth_enforcement",
    },
    {
      rewriteRequest: (req) => {
        const value = req.headers.authorization;
        const words = typeof value === "string" ? value.split(/ +/) : [];
        return words.length > 2 ? withHeader(req, "authorization", `${words[0]} ${words[1]}`) : req;
      },
    },
  ),
  variant(
    {
      name: "cashfree-keys-from-cookies",
      provider: "cashfree",
      departure: "reads x-client-id and x-client-secret from cookies of those names when the headers are absent (merged request parameters)",
      expectedCheck: "auth_enforcement",
    },
    {
      rewriteRequest: (req) => {
        const cookies = new Map(String(req.headers.cookie ?? "").split(/; */).map((pair) => pair.split("=") as [string, string]));
        return ["x-client-id", "x-client-secret"].reduce((request, name) => (request.headers[name] === undefined && cookies.get(name) ? withHeader(request, name, cookies.get(name)!) : request), req);
      },
    },
  ),
];
