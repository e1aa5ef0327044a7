/**
 * `--record FILE`: the observed exchanges of the documented operation as a Pact V4 file, one
 * interaction per case and status (the first exchange seen of each), with the provider state a
 * replay needs: the fixture state with the exchange's ids for a delete of an existing customer
 * (and for a request that must be rejected although its ids are well-formed), the not-found state
 * for a delete of one that does not exist (src/pacts/states.ts, as `verify-pacts` sets them up).
 * Exchanges the target gave no answer to are not recorded. The file is written through
 * src/output.ts when the proxy stops, so a credential the placeholders missed is still masked.
 */
import { dirname } from "node:path";
import { UsageError } from "../errors.ts";
import { writeOutputFile } from "../output.ts";
import { fixtureState, notFoundState } from "../pacts/states.ts";
import type { ProviderProfile } from "../profiles/profile.ts";
import type { OperationSpec } from "../spec/model.ts";
import type { Judged } from "./judge.ts";
import { pactRequest } from "./pact-request.ts";
import { pactResponse } from "./pact-response.ts";
import { probeWritable } from "../reporters/report-file.ts";

type Obj = Record<string, unknown>;

export interface Recorder {
  add(judged: Judged): void;
  /** How many interactions the file will hold. */
  readonly size: number;
  write(): void;
}

/** The consumer a recorded pact names: the integrator's client, as seen through the proxy. */
function recordedConsumer(provider: string): string {
  return `${provider}-client-recorded-by-payconform-proxy`;
}

export function createRecorder(file: string, op: OperationSpec, profile: ProviderProfile): Recorder {
  // Refused before the proxy listens when the record file's folder cannot be written.
  probeWritable(dirname(file), `the record file ${file}`);
  const interactions = new Map<string, Obj>();
  const descriptions = new Set<string>();
  return {
    add(judged) {
      const response = judged.forwarded.response;
      const exchangeCase = judged.case;
      if (!response || !exchangeCase || judged.view?.route !== "operation") return;
      const key = `${exchangeCase.description}\n${response.status}`;
      if (interactions.has(key)) return;
      let description = exchangeCase.description;
      if (descriptions.has(description)) description = `${description} (answered ${response.status})`;
      descriptions.add(description);
      const state = exchangeCase.state === "not-found" ? notFoundState(op.provider) : exchangeCase.state === "fixture" ? fixtureState(op.provider) : undefined;
      interactions.set(key, {
        type: "Synchronous/HTTP",
        description,
        pending: false,
        ...(state ? { providerStates: [{ name: state, params: { ...judged.view.pathParams } }] } : {}),
        request: pactRequest(op, profile, judged),
        response: pactResponse(op, profile, response, exchangeCase.accepts),
      });
    },
    get size() {
      return interactions.size;
    },
    write() {
      const pact = {
        consumer: { name: recordedConsumer(op.provider) },
        interactions: [...interactions.values()],
        metadata: { pactSpecification: { version: "4.0" }, payconform: { recordedBy: "payconform proxy" } },
        provider: { name: op.provider },
      };
      try {
        writeOutputFile(file, `${JSON.stringify(pact, null, 2)}\n`);
      } catch (error) {
        throw new UsageError(`cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { cause: error });
      }
    },
  };
}
