/**
 * unique_member_names: no name occurs twice in one object of a payload file. RFC 8259 §4: with
 * duplicate names "the behavior of software that receives such an object is unpredictable", so
 * which value the SDK acts on depends on its parser. Sees only payloads read by readPayloadFile.
 */
import { show } from "./json-value.ts";
import type { PayloadFinding, PayloadInput } from "./model.ts";
import { duplicateNamesIn, MAX_DUPLICATE_NAMES } from "./read-payload.ts";

export function uniqueMemberNames(input: PayloadInput): PayloadFinding[] {
  return (["request", "response"] as const).flatMap((target) => {
    const duplicates = duplicateNamesIn(input[target]);
    return duplicates.map((duplicate, i): PayloadFinding => {
      const more = i === MAX_DUPLICATE_NAMES - 1 ? ` (only the first ${MAX_DUPLICATE_NAMES} duplicated names are listed)` : "";
      return {
        check: "unique_member_names",
        target,
        pointer: duplicate.pointer,
        message: `name ${show(duplicate.name)} occurs ${duplicate.count} times in one object; receivers differ on which value they keep (RFC 8259 §4)${more}`,
        severity: "error",
      };
    });
  });
}
