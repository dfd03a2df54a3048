// Work under way that a clean stop must wait for: the updates a conversation is handling (its
// state is written only after the replies), the writes of a store to the database.
export class InFlight {
  readonly #work = new Set<Promise<unknown>>();

  /** Runs `work`; settled() waits for it. */
  async during<T>(work: () => Promise<T>): Promise<T> {
    const p = work();
    this.#work.add(p);
    try {
      return await p;
    } finally {
      this.#work.delete(p);
    }
  }

  /** Waits for everything under way, including what starts meanwhile. */
  async settled(): Promise<void> {
    while (this.#work.size) await Promise.allSettled([...this.#work]);
  }
}
