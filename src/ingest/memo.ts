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
    // One look-up for a kept answer (all but the first time); `has` only tells a kept undefined.
    const found = kept.get(k);
    if (found !== undefined || kept.has(k)) return found as R;
    const answer = deepFreeze(fn(...args));
    if (kept.size >= limit) kept.delete(kept.keys().next().value as string);
    kept.set(k, answer);
    return answer;
  };
}

/**
 * `fn` of one object (a read sentence), its answer kept for as long as the object lives: the
 * questions every candidate contact asks again of the same sentences ("where are its asides?")
 * are answered once per article, and the answers go with the article. The object must not change
 * after it is first asked about; an answer that is an array is frozen, as memoized's are.
 */
export function perObject<O extends object, R>(fn: (o: O) => R): (o: O) => R {
  const kept = new WeakMap<O, R>();
  return (o: O): R => {
    const found = kept.get(o);
    if (found !== undefined || kept.has(o)) return found as R;
    const answer = fn(o);
    if (Array.isArray(answer)) Object.freeze(answer);
    kept.set(o, answer);
    return answer;
  };
}

/** `fn` of an object and a second one (a sentence and a name in it), kept as perObject keeps. */
export function perPair<O extends object, P, R>(fn: (o: O, p: P) => R): (o: O, p: P) => R {
  const kept = new WeakMap<O, Map<P, R>>();
  return (o: O, p: P): R => {
    let byP = kept.get(o);
    if (!byP) kept.set(o, (byP = new Map()));
    const found = byP.get(p);
    if (found !== undefined || byP.has(p)) return found as R;
    const answer = fn(o, p);
    if (Array.isArray(answer)) Object.freeze(answer);
    byP.set(p, answer);
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
