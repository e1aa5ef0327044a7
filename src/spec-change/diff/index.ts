/**
 * `diffSpecs(before, after)`: every change between two versions of an effective OpenAPI document,
 * classified for a consumer. The structural diff comes from api-smart-diff; payconform's rules
 * classify it (rules.ts), and add what a structural diff cannot see: error codes that live in
 * examples (error-codes.ts).
 */
import { PROFILES } from "../../profiles/index.ts";
import { isHttpProvider } from "../../providers.ts";
import { deref } from "../../spec/deref.ts";
import { errorCodeChanges } from "./error-codes.ts";
import { summarizeChanges, type SpecDiff } from "./model.ts";
import { classifyChange } from "./rules.ts";
import { structuralDiff } from "./structural.ts";
import type { Obj } from "./walk.ts";

export interface DiffOptions {
  /** JSON pointers of error codes in error bodies. Default: the provider profile's (from info.x-payconform-provider), else /code. */
  errorCodePointers?: readonly string[];
}

export function diffSpecs(before: Obj, after: Obj, options: DiffOptions = {}): SpecDiff {
  const ctx = { before: deref(before, "old") as Obj, after: deref(after, "new") as Obj };
  const changes = structuralDiff(before, after).flatMap((c) => classifyChange(c, ctx) ?? []);
  changes.push(...errorCodeChanges(ctx.before, ctx.after, options.errorCodePointers ?? codePointersOf(after)));
  return summarizeChanges(changes);
}

function codePointersOf(doc: Obj): readonly string[] {
  const provider = (doc.info as Obj | undefined)?.["x-payconform-provider"];
  return typeof provider === "string" && isHttpProvider(provider) ? PROFILES[provider].errorCodePointers : ["/code"];
}

export type { ChangeClass, SpecChange, SpecDiff } from "./model.ts";
