/**
 * TLS for targets and state URLs: the certificates to trust (the system's, plus a private CA
 * given with --ca-cert), and telling a TLS failure (an untrusted or mismatched certificate, a
 * failed handshake) from other transport faults. A TLS failure is the tool's setup, not the
 * target's behaviour: it stops a run once instead of failing every case.
 */
import { readFileSync } from "node:fs";
import { UsageError } from "../errors.ts";

/** Reads a PEM file of one or more CA certificates; a UsageError when it cannot be read or holds none. */
export function readCaCert(file: string): string {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read --ca-cert file ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { cause: error });
  }
  if (!/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.test(text)) {
    throw new UsageError(`--ca-cert file ${file} holds no PEM certificate (expected -----BEGIN CERTIFICATE-----)`);
  }
  return text;
}

/** The `ca` option for node:https and node:tls: the system's roots plus `caCert`; undefined keeps Node's default. */
export function trustedCertificates(caCert: string | undefined): string[] | undefined {
  return caCert === undefined ? undefined : [...process.getBuiltinModule("node:tls").rootCertificates, caCert];
}

const CERTIFICATE_CODES = new Set([
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "CERT_REVOKED",
  "CERT_UNTRUSTED",
  "CERT_REJECTED",
  "CERT_SIGNATURE_FAILURE",
  "INVALID_CA",
  "HOSTNAME_MISMATCH",
  "ERR_TLS_CERT_ALTNAME_INVALID",
  "ERR_TLS_HANDSHAKE_TIMEOUT",
  "EPROTO",
]);

/** Whether a socket error is a TLS failure. */
export function isTlsError(error: NodeJS.ErrnoException): boolean {
  const code = error.code ?? "";
  return CERTIFICATE_CODES.has(code) || code.startsWith("ERR_SSL_") || code.startsWith("ERR_TLS_");
}

/** One line saying what failed and how to fix it. */
export function tlsFailureMessage(origin: string, error: NodeJS.ErrnoException, label = "target"): string {
  const certificate = CERTIFICATE_CODES.has(error.code ?? "") && error.code !== "EPROTO";
  const hint = certificate ? "; to trust a private CA, pass --ca-cert FILE (PEM)" : "";
  // Node's own advice after the ";" (--use-system-ca) is about Node's flags, not payconform's.
  const reason = error.message.split("\n")[0].split(";")[0];
  return `TLS with ${label} ${origin} failed: ${reason} (${error.code ?? "no code"})${hint}`;
}
