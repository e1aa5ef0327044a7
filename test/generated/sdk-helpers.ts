/**
 * Helpers shared by the generated-client tests for the typescript-fetch SDKs, which resolve with
 * a model on 2xx and reject with the raw `Response` otherwise.
 */

/** Parses a body with a generated model and serializes it back, to show nothing is lost. */
export const roundTrip =
  <T,>(fromJSON: (json: unknown) => T, toJSON: (value: T) => unknown) =>
  (json: unknown): { body: T; json: unknown } => {
    const body = fromJSON(json);
    return { body, json: toJSON(body) };
  };

/** What a promise rejected with, or undefined when it resolved. */
export function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
}
