/**
 * Adapters that check only part of a credential pair: the credential must be there, but any value
 * passes. Each is caught by the credential-mix cases of auth_enforcement (one credential wrong
 * while the others are right), and one that takes the public key where the secret one belongs
 * (caught by one key header holding another's value); sending every credential wrong or leaving
 * one out does not catch them.
 */
import type { HttpProvider } from "../providers.ts";
import { baseBehaviour } from "../sandboxes/index.ts";
import { withHeader } from "./request-view.ts";
import { variant, type FaultyAdapter } from "./types.ts";

/** An adapter that accepts any non-empty value of `header`, whose valid value is the credential `env`. */
function anyValueOf(provider: HttpProvider, header: string, env: string, name: string): FaultyAdapter {
  const base = baseBehaviour(provider);
  return variant(
    { name, provider, departure: `requires ${header} but accepts any value of it when the other credential is right`, expectedCheck: "auth_enforcement" },
    {
      behaviour: {
        authenticate: (req, ctx) => {
          const sent = req.headers[header];
          return base.authenticate(typeof sent === "string" && sent !== "" ? withHeader(req, header, ctx.credentials[env]) : req, ctx);
        },
      },
    },
  );
}

/** Yuno taking the public key's value in private-secret-key too: anyone holding the public key (shipped to browsers) deletes. */
const yunoPublicKeyAsSecret: FaultyAdapter = (() => {
  const yuno = baseBehaviour("yuno");
  return variant(
    { name: "yuno-public-key-as-secret", provider: "yuno", departure: "accepts the public key's value in private-secret-key as well as the secret key's", expectedCheck: "auth_enforcement" },
    {
      behaviour: {
        authenticate: (req, ctx) => {
          const pub = ctx.credentials.YUNO_PUBLIC_API_KEY;
          return yuno.authenticate(pub !== undefined && req.headers["private-secret-key"] === pub ? withHeader(req, "private-secret-key", ctx.credentials.YUNO_PRIVATE_SECRET_KEY ?? "") : req, ctx);
        },
      },
    },
  );
})();

export const credentialMix: FaultyAdapter[] = [
  anyValueOf("cashfree", "x-client-secret", "CASHFREE_CLIENT_SECRET", "cashfree-any-client-secret"),
  anyValueOf("yuno", "private-secret-key", "YUNO_PRIVATE_SECRET_KEY", "yuno-any-private-secret-key"),
  anyValueOf("cashfree", "x-client-id", "CASHFREE_CLIENT_ID", "cashfree-any-client-id"),
  yunoPublicKeyAsSecret,
];
