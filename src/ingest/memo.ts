// Reading one article asks the same pure questions many times: every candidate contact reads
// again the dates of the sentences around it, every word's stem is looked up once per rule that
// looks at it. The answers are kept here, a bounded number of them (oldest dropped first), so
// that a bot that reads feeds for months does not grow. A kept answer is frozen: a caller that
// changed it would change every later caller's.

/** `fn` with its answers kept by `key`, at most `limit` of them. */
export function memoized<A extends unknown[], R>(fn: (...args: A) => R, key: (...args: A) => string, limit = 4096): (...args: A) => R {
  const kept = new Map<string, R>();
  return (...args: A): R => {
    const k = key(...args);
    if (kept.has(k)) return kept.get(k) as R;
    const answer = deepFreeze(fn(...args));
    if (kept.size >= limit) kept.delete(kept.keys().next().value as string);
    kept.set(k, answer);
    return answer;
  };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
