// One of many: a session advisory lock, held on a connection of its own, decides which replica
// does a job that must run once (the digest job and the sender; long polling). The holder is
// the leader for as long as that connection lives; PostgreSQL lets go of the lock the moment the
// session ends (the process died, the connection was cut), and a standby, trying every
// retryMs, takes it.
//
// A leader that loses its connection is deposed at once, before it knows whether another has
// been elected: it must not send a single message more (the outbox would then have two senders).
// A heartbeat on the connection notices a silent network (no FIN, no RST) within
// heartbeatMs + heartbeatTimeoutMs; a closed or terminated session is noticed immediately.
//
// Advisory locks belong to the database, not the schema: the key is hashed with the schema, so
// installations (and test files) sharing a database do not elect one leader between them.
import type pg from "pg";
import type { Db } from "./pool.ts";

export interface LeadershipHandlers {
  /** This replica now holds the lock: start the job. A rejection is reported and deposes. */
  onElected(): void | Promise<void>;
  /**
   * The lock is lost (or stop() was called): stop the job. Called only after onElected has
   * settled, and at most once per election.
   */
  onDeposed(reason: string): void | Promise<void>;
  /** Trying to take the lock failed (the database is away); it is tried again. */
  onError?(err: Error): void;
}

export interface LeadershipOptions {
  /** How often a standby tries the lock. */
  retryMs?: number;
  /** How often the leader checks that its connection answers. */
  heartbeatMs?: number;
  /** An unanswered heartbeat after this long counts as a lost connection. */
  heartbeatTimeoutMs?: number;
}

export interface Leadership {
  readonly leader: boolean;
  /** Stops trying; a leader is deposed (onDeposed awaited) and lets go of the lock. */
  stop(): Promise<void>;
}

export const LEADER_RETRY_MS = 2000;
export const LEADER_HEARTBEAT_MS = 1000;
export const LEADER_HEARTBEAT_TIMEOUT_MS = 3000;

const LOCK_SQL = "SELECT pg_try_advisory_lock(hashtext('parley leader ' || $1 || ' ' || current_schema())) AS locked";

export function holdLeadership(db: Db, key: string, handlers: LeadershipHandlers, opts: LeadershipOptions = {}): Leadership {
  const retryMs = opts.retryMs ?? LEADER_RETRY_MS;
  const heartbeatMs = opts.heartbeatMs ?? LEADER_HEARTBEAT_MS;
  const heartbeatTimeoutMs = opts.heartbeatTimeoutMs ?? LEADER_HEARTBEAT_TIMEOUT_MS;
  let stopped = false;
  let client: pg.Client | undefined;
  let leader = false;
  let timer: NodeJS.Timeout | undefined;
  /** Elections and depositions, one after another: a deposition waits for its election's start. */
  let transitions: Promise<void> = Promise.resolve();

  const schedule = (fn: () => void, ms: number) => {
    clearTimeout(timer);
    if (stopped) return;
    timer = setTimeout(fn, ms);
  };

  const depose = (c: pg.Client, reason: string) => {
    if (client !== c) return;
    client = undefined;
    c.removeAllListeners("end");
    c.on("error", () => {});
    c.end().catch(() => {});
    const wasLeader = leader;
    leader = false;
    if (wasLeader) {
      transitions = transitions.then(async () => {
        try {
          await handlers.onDeposed(reason);
        } catch (err) {
          handlers.onError?.(err as Error);
        }
      });
    }
    schedule(attempt, retryMs);
  };

  const heartbeat = (c: pg.Client) => {
    schedule(() => {
      if (client !== c) return;
      const late = setTimeout(() => depose(c, `the lock's connection did not answer within ${heartbeatTimeoutMs} ms`), heartbeatTimeoutMs);
      c.query("SELECT 1").then(
        () => {
          clearTimeout(late);
          if (client === c) heartbeat(c);
        },
        (err: Error) => {
          clearTimeout(late);
          depose(c, `the lock's connection failed: ${err.message}`);
        },
      );
    }, heartbeatMs);
  };

  async function attempt(): Promise<void> {
    if (stopped) return;
    let c: pg.Client | undefined;
    try {
      c = await db.connect();
      const connected = c;
      connected.on("error", (err) => depose(connected, `the lock's connection failed: ${err.message}`));
      connected.on("end", () => depose(connected, "the lock's connection ended"));
      const { rows } = await connected.query<{ locked: boolean }>(LOCK_SQL, [key]);
      if (!rows[0].locked || stopped) {
        connected.removeAllListeners("end");
        await connected.end().catch(() => {});
        schedule(attempt, retryMs);
        return;
      }
      client = connected;
      leader = true;
      transitions = transitions.then(async () => {
        if (client !== connected) return;
        try {
          await handlers.onElected();
        } catch (err) {
          handlers.onError?.(err as Error);
          depose(connected, `starting as leader failed: ${(err as Error).message}`);
        }
      });
      heartbeat(connected);
    } catch (err) {
      if (c && client !== c) {
        c.removeAllListeners("end");
        c.on("error", () => {});
        c.end().catch(() => {});
      }
      handlers.onError?.(err as Error);
      schedule(attempt, retryMs);
    }
  }

  void attempt();
  return {
    get leader() {
      return leader;
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      if (client) depose(client, "stopping");
      await transitions;
    },
  };
}

/** One process and no database (the files): it leads from the start until stop(). A failing start is thrown. */
export async function soleLeadership(handlers: LeadershipHandlers): Promise<Leadership> {
  let leader = true;
  await handlers.onElected();
  return {
    get leader() {
      return leader;
    },
    async stop() {
      if (!leader) return;
      leader = false;
      await handlers.onDeposed("stopping");
    },
  };
}
