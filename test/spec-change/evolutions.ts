/**
 * Realistic new versions of the providers' real upstream documents (specs/<p>/upstream.yaml), as
 * a provider might publish them: each evolution edits the parsed document and returns the new
 * document's text. Shared by the `spec diff` and `spec update` tests.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { SPECS_DIR } from "../../src/providers.ts";

type Doc = Record<string, any>;

export interface Evolution {
  name: string;
  provider: "yuno" | "cashfree";
  edit(doc: Doc): void;
}

const cashfreeOp = (d: Doc) => d.paths["/customer/{customer_id}"].delete;
const yunoOp = (d: Doc) => d.paths["/customers/{customer_id}"].delete;

export const EVOLUTIONS = {
  conflictAdded: {
    name: "a 409 added",
    provider: "cashfree",
    edit: (d) => {
      cashfreeOp(d).responses["409"] = {
        description: "Conflict - Customer has active subscriptions",
        content: { "application/json": { schema: { $ref: "#/components/schemas/ErrorResponse" }, example: { message: "Customer has active subscriptions", code: "customer_has_active_subscriptions", type: "conflict_error" } } },
      };
    },
  },
  notFoundRemoved: {
    name: "the 404 removed",
    provider: "cashfree",
    edit: (d) => delete cashfreeOp(d).responses["404"],
  },
  errorCodeRenamed: {
    name: "an error code renamed",
    provider: "cashfree",
    edit: (d) => (cashfreeOp(d).responses["404"].content["application/json"].example.code = "customer_does_not_exist"),
  },
  patternTightened: {
    name: "a pattern tightened",
    provider: "yuno",
    edit: (d) => (yunoOp(d).parameters.find((p: Doc) => p.name === "customer_id").schema.pattern = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"),
  },
  requiredHeaderAdded: {
    name: "a new required header",
    provider: "yuno",
    edit: (d) => yunoOp(d).parameters.push({ in: "header", name: "x-idempotency-key", required: true, schema: { type: "string" }, description: "A unique key per request." }),
  },
  descriptionEdited: {
    name: "a description edited",
    provider: "cashfree",
    edit: (d) => (cashfreeOp(d).description = "Permanently deletes a customer record and the customer's saved payment instruments.\n"),
  },
  overlayTargetGone: {
    name: "an overlay target that disappeared",
    provider: "cashfree",
    edit: (d) => {
      // The provider inlines its CustomerId parameter: the overlay's assumed pattern targets components.parameters.CustomerId.
      cashfreeOp(d).parameters = [d.components.parameters.CustomerId];
      delete d.components.parameters;
    },
  },
} satisfies Record<string, Evolution>;

export function upstreamText(provider: string): string {
  return readFileSync(join(SPECS_DIR, provider, "upstream.yaml"), "utf8");
}

/** The provider's current upstream document with `evolution` applied, as YAML text. */
export function evolve(evolution: Evolution): string {
  const doc = parse(upstreamText(evolution.provider)) as Doc;
  evolution.edit(doc);
  return stringify(doc, { lineWidth: 0 });
}
