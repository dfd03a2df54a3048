// What the feed poller remembers, in PostgreSQL (tables feed_state, feed_items: migration 102):
// the PollState of src/feeds/poll-state.ts. Only the leader polls (src/duties.ts), so there is
// one writer at a time and no following of others: the poller reads everything when its
// replica is elected, and each change is written through before the poller goes on. The next
// leader then knows every item the last one processed.
import type { Db } from "../db/pool.ts";
import { IndexedPollState, type FeedState, type ProcessedItem } from "../feeds/poll-state.ts";
import { InFlight } from "../store/in-flight.ts";

export class DbPollState extends IndexedPollState {
  readonly #writes = new InFlight();

  private constructor(
    private readonly db: Db,
    feeds: Record<string, FeedState>,
    items: ProcessedItem[],
  ) {
    super(feeds, items);
  }

  static async open(db: Db): Promise<DbPollState> {
    const [feeds, items] = await Promise.all([
      db.query<{ feed_id: string; state: FeedState }>("SELECT feed_id, state FROM feed_state"),
      db.query<{ item: ProcessedItem }>("SELECT item FROM feed_items ORDER BY at, id"),
    ]);
    return new DbPollState(
      db,
      Object.fromEntries(feeds.rows.map((r) => [r.feed_id, r.state])),
      items.rows.map((r) => r.item),
    );
  }

  protected async saveFeed(id: string, next: FeedState): Promise<void> {
    await this.#writes.during(() =>
      this.db.query("INSERT INTO feed_state (feed_id, state) VALUES ($1, $2::jsonb) ON CONFLICT (feed_id) DO UPDATE SET state = EXCLUDED.state", [id, JSON.stringify(next)]),
    );
  }

  protected async saveItem(item: ProcessedItem): Promise<void> {
    await this.#writes.during(() =>
      this.db.query("INSERT INTO feed_items (id, feed_id, at, item) VALUES ($1, $2, $3, $4::jsonb) ON CONFLICT (id) DO UPDATE SET feed_id = EXCLUDED.feed_id, at = EXCLUDED.at, item = EXCLUDED.item", [
        item.id,
        item.feedId,
        item.at,
        JSON.stringify(item),
      ]),
    );
  }

  protected async forget(cut: string): Promise<void> {
    await this.#writes.during(() => this.db.query("DELETE FROM feed_items WHERE at < $1", [cut]));
  }

  close(): Promise<void> {
    return this.#writes.settled();
  }
}
