/**
 * Runs at most `limit` tasks at once; the rest queue in arrival order. A finished task hands its
 * slot straight to the next waiter, so a caller arriving in between never finds a slot that is
 * already promised and the count never exceeds `limit`.
 */
export function createLimiter(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const queue: Array<() => void> = [];
  const release = (): void => {
    const next = queue.shift();
    if (next) next();
    else active--;
  };
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= limit) await new Promise<void>((resolve) => queue.push(resolve));
    else active++;
    try {
      return await task();
    } finally {
      release();
    }
  };
}
