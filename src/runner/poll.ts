/**
 * How long a step that polls waits between sends: where the documented success is 202 Accepted,
 * a delete may take effect after its answer, so a step that expects the not-found answer sends
 * again while it gets the success. Bounded: at most POLL_DELAYS_MS.length more sends, about 3 s.
 */
export const POLL_DELAYS_MS: readonly number[] = [100, 200, 400, 800, 1500];

export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
