// The HTTP server's pure parts and its routes in process (Hono's app.request, no socket): the
// rate limiter, the secret comparison, the webhook settings Telegram would refuse, the API's
// paging over 100,000 entries, and the announced store's history and revisions.
import assert from "node:assert/strict";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { generateLog } from "../../bench/generate.ts";
import { ConfigError, loadConfig, webhookUrlProblem } from "../../src/config.ts";
import type { RecordChange } from "../../src/digest/changes.ts";
import { decodeCursor, encodeCursor, entriesPage, MAX_SCAN, parseEntriesQuery, type EntriesQuery } from "../../src/http/api.ts";
import { RateLimiter } from "../../src/http/guard.ts";
import { BOT_API_FRESH_MS, Readiness } from "../../src/http/health.ts";
import { secretMatches } from "../../src/http/webhook.ts";
import { buildRecord, type RecordView } from "../../src/record/record.ts";
import type { CheckedLog } from "../../src/record/validate.ts";
import { HISTORY_SIZE, FileAnnouncedStore } from "../../src/store/announced.ts";

const TOKEN = "123456789:AAHabcdefghijklmnopqrstuvwxyz012345";

describe("the rate limiter", () => {
  test("lets a burst through, then refuses with the seconds until the next token", () => {
    const limiter = new RateLimiter(60, 3);
    const t0 = 1_000_000;
    assert.deepEqual([1, 2, 3].map(() => limiter.take("a", t0).ok), [true, true, true]);
    assert.deepEqual(limiter.take("a", t0), { ok: false, retryAfterSeconds: 1 });
    // Another client has its own bucket.
    assert.equal(limiter.take("b", t0).ok, true);
    // One a second comes back.
    assert.equal(limiter.take("a", t0 + 1000).ok, true);
    assert.equal(limiter.take("a", t0 + 1000).ok, false);
  });

  test("a slow limit says a longer wait", () => {
    const limiter = new RateLimiter(2, 1);
    assert.equal(limiter.take("a", 0).ok, true);
    assert.deepEqual(limiter.take("a", 0), { ok: false, retryAfterSeconds: 30 });
  });
});

describe("readiness", () => {
  test("not ready until the stores are open; a silent Bot API is asked, and not ready if it does not answer", async () => {
    let now = 1_000_000;
    let storesOpen = false;
    let apiUp = true;
    let probes = 0;
    const readiness = new Readiness(
      {
        recordLoaded: () => true,
        storesOpen: () => storesOpen,
        probeBotApi: async () => {
          probes++;
          if (!apiUp) throw new Error("ECONNREFUSED");
          return true;
        },
      },
      () => now,
    );
    readiness.botApiAnswered();
    assert.deepEqual(await readiness.problems(), ["stores not open"]);
    storesOpen = true;
    assert.deepEqual(await readiness.problems(), []);
    assert.equal(probes, 0, "a recent answer needs no probe");
    now += BOT_API_FRESH_MS + 1;
    assert.deepEqual(await readiness.problems(), []);
    assert.equal(probes, 1);
    now += BOT_API_FRESH_MS + 1;
    apiUp = false;
    assert.deepEqual(await readiness.problems(), ["Bot API not answering"]);
  });
});

describe("the webhook's secret and address", () => {
  test("only the exact secret matches", () => {
    const secret = "a".repeat(40);
    assert.equal(secretMatches(secret, secret), true);
    assert.equal(secretMatches(undefined, secret), false);
    assert.equal(secretMatches("", secret), false);
    assert.equal(secretMatches(secret.slice(1), secret), false);
    assert.equal(secretMatches(`${secret}a`, secret), false);
  });

  test("Telegram's rules for the URL, each with its reason", () => {
    assert.equal(webhookUrlProblem("https://bot.example.org/hook"), undefined);
    assert.equal(webhookUrlProblem("https://bot.example.org:8443/hook"), undefined);
    assert.equal(webhookUrlProblem("https://bot.example.org:88/hook"), undefined);
    assert.match(webhookUrlProblem("http://bot.example.org/hook")!, /must be https/);
    assert.match(webhookUrlProblem("https://bot.example.org:3000/hook")!, /port 3000: Telegram only posts to ports 443, 80, 88, 8443/);
  });

  test("the configuration: webhook mode needs a long secret and HTTP_PORT; PUBLIC_URL loses its trailing slash", () => {
    const base = { BOT_TOKEN: TOKEN };
    const err = (env: Record<string, string>) => {
      try {
        loadConfig(env, { dotenv: false });
      } catch (e) {
        assert.ok(e instanceof ConfigError);
        return e.message;
      }
      assert.fail("accepted");
    };
    assert.match(err({ ...base, WEBHOOK_URL: "https://x.org/h", HTTP_PORT: "8080", WEBHOOK_SECRET: "x".repeat(31) }), /WEBHOOK_SECRET must be 32 to 256/);
    assert.match(err({ ...base, WEBHOOK_URL: "https://x.org/h", HTTP_PORT: "8080" }), /WEBHOOK_SECRET is missing/);
    assert.match(err({ ...base, WEBHOOK_URL: "https://x.org/h", WEBHOOK_SECRET: "x".repeat(32) }), /HTTP_PORT is missing/);
    assert.match(err({ ...base, WEBHOOK_SECRET: "has spaces in it, which Telegram refuses!!" }), /WEBHOOK_SECRET must be/);
    const c = loadConfig({ ...base, WEBHOOK_URL: "https://x.org:8443/tg/hook", HTTP_PORT: "8080", WEBHOOK_SECRET: "x".repeat(32), PUBLIC_URL: "https://x.org/" }, { dotenv: false });
    assert.deepEqual(c.webhook, { url: "https://x.org:8443/tg/hook", path: "/tg/hook", secret: "x".repeat(32), maxConnections: 40 });
    assert.equal(c.http?.publicUrl, "https://x.org");
    assert.equal(c.http?.port, 8080);
    assert.equal(loadConfig(base, { dotenv: false }).http, undefined);
  });
});

describe("the API's pages over 100,000 entries", () => {
  const record: RecordView = buildRecord(generateLog(100_000) as unknown as CheckedLog);
  const q = (params: Record<string, string>): EntriesQuery => {
    const parsed = parseEntriesQuery((name) => params[name], record);
    assert.ok(typeof parsed !== "string", String(parsed));
    return parsed;
  };

  /** Every id the cursor leads through, page by page. */
  function walk(params: Record<string, string>): { ids: string[]; pages: number } {
    const ids: string[] = [];
    let pages = 0;
    let cursor: string | undefined;
    do {
      const page = entriesPage(record, q({ ...params, ...(cursor ? { cursor } : {}) }));
      ids.push(...page.refs.map((r) => r.id));
      cursor = page.next ? encodeCursor(page.next) : undefined;
      pages++;
    } while (cursor);
    return { ids, pages };
  }

  test("a track and a date range, page by page, give exactly the matching entries in date order", () => {
    const { ids } = walk({ track: "leaders", from: "2000-01", to: "2000-03-31", limit: "37" });
    const expected = record.chrono.filter((r) => r.track === "leaders" && r.date! >= "2000-01" && r.date! <= "2000-03-31").map((r) => r.id);
    assert.ok(expected.length > 100);
    assert.deepEqual(ids, expected);
  });

  test("a filter that matches rarely stops after MAX_SCAN entries and goes on from its cursor, missing none", () => {
    const { ids, pages } = walk({ status: "scheduled", limit: "200" });
    const expected = record.chrono.filter((r) => r.status === "scheduled").map((r) => r.id);
    assert.equal(expected.length, 100);
    assert.deepEqual(ids, expected);
    assert.ok(pages >= Math.floor(100_000 / MAX_SCAN), `pages: ${pages}`);
  });

  test("bad values are named; a cursor is opaque but must be ours", () => {
    assert.equal(parseEntriesQuery((n) => ({ kind: "lunch" })[n], record), "kind must be one of call, meeting, round, summit, other");
    assert.equal(parseEntriesQuery((n) => ({ limit: "1000" })[n], record), "limit must be 1 to 200");
    assert.equal(parseEntriesQuery((n) => ({ from: "2025-13" })[n], record), "from must be YYYY-MM-DD or YYYY-MM");
    assert.equal(decodeCursor("e30"), undefined);
    assert.deepEqual(decodeCursor(encodeCursor({ u: 3 })), { u: 3 });
  });
});

describe("the announced store for the feeds and calendars", () => {
  const change = (entryId: string, type: "date" | "outcome" | "status"): RecordChange =>
    ({ entryId, track: "leaders", kind: "call", key: `${entryId}-${type}-${Math.random()}`, type, before: "scheduled", after: "held" }) as unknown as RecordChange;

  test("keeps the last HISTORY_SIZE changes, newest first; counts revisions of date, place and status only; both survive a restart", async () => {
    const dir = await mkdtemp(join(tmpdir(), "parley-announced-"));
    const store = FileAnnouncedStore.open(dir);
    await store.initialize({}, new Date("2026-01-01T00:00:00Z"));
    await store.commit({}, [change("a", "date"), change("a", "outcome")], new Date("2026-01-02T00:00:00Z"));
    await store.commit({}, [change("a", "status")], new Date("2026-01-03T00:00:00Z"));
    for (let i = 0; i < HISTORY_SIZE; i++) await store.commit({}, [change(`b${i}`, "outcome")], new Date("2026-01-04T00:00:00Z"));
    await store.flush();
    const reopened = FileAnnouncedStore.open(dir);
    assert.equal(reopened.revision("a"), 2);
    assert.equal(reopened.revision("b0"), 0);
    const history = reopened.history();
    assert.equal(history.length, HISTORY_SIZE);
    assert.equal(history[0].change.entryId, `b${HISTORY_SIZE - 1}`);
    assert.ok(history.every((h) => h.change.entryId !== "a"));
  });
});
