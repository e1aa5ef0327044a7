/**
 * The connection pools a sender uses: one for http, one for https. node:https (and with it
 * node:tls) is loaded on the first https URL only: a run against the embedded sandboxes, all
 * plain http on 127.0.0.1, never pays the tens of milliseconds TLS costs a cold start.
 */
import http from "node:http";
import type https from "node:https";
import { trustedCertificates } from "./tls.ts";

export interface Agents {
  readonly http: http.Agent;
  /** Made on first use. */
  readonly https: https.Agent;
  destroy(): void;
}

/** node:https, loaded on first use. */
export function httpsModule(): typeof https {
  return process.getBuiltinModule("node:https");
}

/** A pair of agents with the same options; the https one trusts the system's CAs plus `caCert`. */
export function createAgents(options: http.AgentOptions, caCert: string | undefined): Agents {
  const plain = new http.Agent(options);
  let secure: https.Agent | undefined;
  return {
    http: plain,
    get https() {
      secure ??= new (httpsModule().Agent)({ ...options, ca: trustedCertificates(caCert) });
      return secure;
    },
    destroy() {
      plain.destroy();
      secure?.destroy();
    },
  };
}
