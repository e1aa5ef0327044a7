/**
 * delete_semantics on the success body's ids: a success that names another account than the one
 * deleted fails where the success schema has the field (Juspay's customer_account_id, documented
 * by the sample), and an id the body merely carries besides the schema is judged on an assumption;
 * so does the delete of a sibling account after the first (a reply cached per customer answers it
 * with the first one's body).
 */
import { describe, expect, it } from "vitest";
import { deleteSemantics } from "../../src/checks/delete-semantics.ts";
import { exchange, scenarioOf } from "./exchange.ts";

const ids = { customer_id: "cst_owner000000001", customer_account_id: "bank_account0000001" };
const scenario = () => scenarioOf("juspay", { id: "delete an existing fixture, then delete it again" });

describe("delete_semantics: the ids a success body names", () => {
  it("fails a Juspay success naming another customer_account_id, on the documented basis", () => {
    const body = { customer_account_status: "DELETED", customer_account_id: ids.customer_id };
    const findings = deleteSemantics.run(exchange("juspay", scenario(), 0, { status: 200, body }, { pathParams: ids }))!;
    expect(findings).toMatchObject([{ basis: "documented", message: "the success body names another customer_account_id than the one deleted" }]);
  });

  it("passes one naming the deleted account, and judges an id outside the schema on an assumption", () => {
    expect(deleteSemantics.run(exchange("juspay", scenario(), 0, { status: 200, body: { customer_account_status: "DELETED", customer_account_id: ids.customer_account_id } }, { pathParams: ids }))).toEqual([]);
    const extra = { customer_account_status: "DELETED", customer_account_id: ids.customer_account_id, customer_id: "cst_someone_else01" };
    expect(deleteSemantics.run(exchange("juspay", scenario(), 0, { status: 200, body: extra }, { pathParams: ids }))).toMatchObject([{ basis: "assumed" }]);
  });

  it("fails a sibling's delete when its success names the account deleted before it", () => {
    const sibling = scenarioOf("juspay", { id: "delete one customer_account_id of a customer_id, then its siblings" });
    const at = sibling.steps.findIndex((s) => s.label === "the older sibling afterwards");
    const replayed = { customer_account_status: "DELETED", customer_account_id: "bank_first000000001" };
    expect(deleteSemantics.run(exchange("juspay", sibling, at, { status: 200, body: replayed }, { pathParams: ids }))).toMatchObject([{ basis: "documented", message: "the success body names another customer_account_id than the one deleted" }]);
    expect(deleteSemantics.run(exchange("juspay", sibling, at, { status: 200, body: { customer_account_status: "DELETED", customer_account_id: ids.customer_account_id } }, { pathParams: ids }))).toEqual([]);
    // The middle one of three goes first, so a delete of the oldest or the newest instead shows; each
    // sibling, once deleted, is deleted: a delete of it again gets the not-found answer.
    expect(sibling.steps.map((s) => [s.fixture, s.expect])).toEqual([
      [1, "success"],
      [1, "not-found"],
      [0, "survives"],
      [2, "survives"],
      [0, "not-found"],
    ]);
  });
});
