/**
 * Entry point of the child process `verify-pacts` starts for each provider (run-verifier.ts).
 * The Pact verifier prints from native code straight to its process's stdout, past anything
 * JavaScript could filter; in a child of its own, all it prints is captured by the parent and
 * masked there, never passed through.
 *
 * Protocol: the parent sends one VerifierJob over IPC (credentials never travel in argv or the
 * environment); the child answers one VerifierReply, disconnects, and ends when its work is done.
 */
import { runVerifierJob, type VerifierJob } from "./verifier-worker.ts";

// Pact's native core reports usage unless told not to.
process.env.PACT_DO_NOT_TRACK = "true";
// http-proxy, inside the Pact verifier, uses a deprecated Node API; its warning is noise here.
process.noDeprecation = true;

process.once("message", (job: VerifierJob) => {
  void runVerifierJob(job).then((reply) => process.send?.(reply, () => process.disconnect()));
});
