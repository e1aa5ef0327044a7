/**
 * The catalogue of faulty adapters: each is a reference sandbox with exactly one departure from
 * the documented contract, and names the check that catches it. Run one as an example of what a
 * check means:
 *
 *   const handle = await CATALOGUE[0].start(); // then `payconform run --target handle.baseUrl ...`
 */
import { aliasesAndEnvelopes } from "./aliases-and-envelopes.ts";
import { answersAndScopes } from "./answers-and-scopes.ts";
import { keysOriginsAndClocks } from "./keys-origins-and-clocks.ts";
import { transferAndMediaTypes } from "./transfer-and-media-types.ts";
import { authBypasses } from "./auth-bypasses.ts";
import { authHeaders } from "./auth-headers.ts";
import { badInput } from "./bad-input.ts";
import { bodiesIdsAndAnswers } from "./bodies-ids-and-answers.ts";
import { carriersAndSpellings } from "./carriers-and-spellings.ts";
import { credentialCarriers } from "./credential-carriers.ts";
import { credentialLookups } from "./credential-lookups.ts";
import { credentialMix } from "./credential-mix.ts";
import { credentialReadings } from "./credential-readings.ts";
import { decodedSeparators } from "./decoded-separators.ts";
import { deleteSemantics } from "./delete-semantics.ts";
import { gatewayTrust } from "./gateway-trust.ts";
import { formReadingsAndSideRoutes } from "./form-readings-and-side-routes.ts";
import { idFoldings } from "./id-foldings.ts";
import { injections } from "./injections.ts";
import { inputEchoes } from "./input-echoes.ts";
import { leaks } from "./leaks.ts";
import { looseIds } from "./loose-ids.ts";
import { methodCaseFront } from "./method-case-front.ts";
import { otherMethods } from "./other-methods.ts";
import { overStrict } from "./over-strict.ts";
import { parsingEdges } from "./parsing-edges.ts";
import { pathDetoursAndReadings } from "./path-detours-and-readings.ts";
import { ownership } from "./ownership.ts";
import { races } from "./races.ts";
import { readsKeysAndScopes } from "./reads-keys-and-scopes.ts";
import { rememberedState } from "./remembered-state.ts";
import { requestForms } from "./request-forms.ts";
import { secretsFaults } from "./secrets-faults.ts";
import { sideDoors } from "./side-doors.ts";
import { spellingsAndLeaks } from "./spellings-and-leaks.ts";
import { statusesBodies } from "./statuses-bodies.ts";
import type { FaultyAdapter } from "./types.ts";
import { versionsAndSideChannels } from "./versions-and-side-channels.ts";
import { wildcardsAndLooseScopes } from "./wildcards-and-loose-scopes.ts";

export const CATALOGUE: readonly FaultyAdapter[] = [
  ...statusesBodies,
  ...badInput,
  ...authHeaders,
  ...credentialMix,
  ...authBypasses,
  ...credentialCarriers,
  ...credentialReadings,
  ...credentialLookups,
  ...gatewayTrust,
  ...sideDoors,
  ...methodCaseFront,
  ...ownership,
  ...looseIds,
  ...idFoldings,
  ...decodedSeparators,
  ...overStrict,
  ...otherMethods,
  ...deleteSemantics,
  ...races,
  ...rememberedState,
  ...secretsFaults,
  ...leaks,
  ...inputEchoes,
  ...parsingEdges,
  ...injections,
  ...requestForms,
  ...pathDetoursAndReadings,
  ...answersAndScopes,
  ...keysOriginsAndClocks,
  ...transferAndMediaTypes,
  ...carriersAndSpellings,
  ...bodiesIdsAndAnswers,
  ...readsKeysAndScopes,
  ...versionsAndSideChannels,
  ...spellingsAndLeaks,
  ...aliasesAndEnvelopes,
  ...wildcardsAndLooseScopes,
  ...formReadingsAndSideRoutes,
];

export function adapterByName(name: string): FaultyAdapter | undefined {
  return CATALOGUE.find((a) => a.name === name);
}

export { ALTERNATIVES } from "./alternatives.ts";
export type { AllowedVariant, FaultyAdapter } from "./types.ts";
export { runAdapter, runAlternative, runSandbox, type AdapterOutcome, type AlternativeOutcome, type SandboxOutcome } from "./run-target.ts";
