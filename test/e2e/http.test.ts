// The HTTP server end to end: the real bot process with HTTP_PORT, in polling mode against the
// Bot API emulator, asked over real HTTP on 127.0.0.1. What is checked is what a client gets:
// status codes, headers, and the files parsed back by independent parsers (ical.js for the
// calendars, fast-xml-parser for Atom), including after the record is edited with
// `npm run events -- update` as an editor would.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { after, before, describe, test } from "node:test";
import ICAL from "ical.js";
import { XMLParser } from "fast-xml-parser";
import { makeDataDir, REPO_ROOT, startBot, type BotProcess } from "../support/bot-process.ts";
import * as conversation from "../support/conversation.ts";
import { recordWithUpcomingRound } from "../support/fixtures.ts";
import { startEmulator, type Emulator } from "../support/emulator.ts";

const NOW = "2026-11-30T12:00:00Z";
const PUBLIC_URL = "https://parley.example.org";
const ROUND = "embassy-round-4-test";

function record() {
  return recordWithUpcomingRound({
    id: ROUND,
    date: "2026-12-10",
    title: { en: "Embassy talks, round 4", ru: "Консультации по посольствам, раунд 4", uk: "Консультації щодо посольств, раунд 4" },
    summary: { en: "Fourth round on the embassies' work." },
    sources: [{ outlet: "Test Agency", url: "https://example.org/round-4", language: "en" }],
  });
}

const ann = { id: 101, first_name: "Ann", language_code: "en" };

let emu: Emulator;
let bot: BotProcess;
let dataDir: string;
let base: string;

async function get(path: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${base}${path}`, { headers });
}

async function text(path: string): Promise<string> {
  const res = await get(path);
  assert.equal(res.status, 200, `${path}: ${res.status}`);
  return res.text();
}

/** Runs the events CLI on the test's record, as an editor would. */
function events(...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/events.ts", ...args], { cwd: REPO_ROOT, env: { ...process.env, DATA_DIR: dataDir } });
    let out = "";
    child.stdout.on("data", (c) => (out += c));
    child.stderr.on("data", (c) => (out += c));
    child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`events ${args.join(" ")} exited ${code}: ${out}`))));
  });
}

/** Asks again until `ok` holds for the answer (the bot reloads the record on its own time). */
async function until<T>(fetchIt: () => Promise<T>, ok: (v: T) => boolean, what: string): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const v = await fetchIt();
    if (ok(v)) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`never came: ${what}`);
}

function calendarEvents(ics: string): ICAL.Event[] {
  const cal = new ICAL.Component(ICAL.parse(ics));
  return cal.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
}

function eventOf(ics: string, id: string): ICAL.Event {
  const ev = calendarEvents(ics).find((e) => e.uid === `${id}@parley`);
  assert.ok(ev, `no event ${id} in the calendar`);
  return ev;
}

before(async () => {
  emu = await startEmulator();
  emu.addPrivateChat(ann);
  dataDir = await makeDataDir({ events: record() });
  // The per-client limit is tested in webhook.test.ts; here the tests poll freely.
  bot = await startBot({ emulator: emu, dataDir, env: { FAKE_NOW: NOW, HTTP_PORT: "0", HTTP_HOST: "127.0.0.1", PUBLIC_URL, HTTP_RATE_LIMIT: "0" } });
  const out = await bot.waitForOutput(/HTTP server listening .*"port":\d+/);
  base = `http://127.0.0.1:${/HTTP server listening .*"port":(\d+)/.exec(out)![1]}`;
});

after(async () => {
  await bot?.stop().catch(() => undefined);
  await emu?.close();
});

describe("health and metrics", () => {
  test("/healthz answers; /readyz is ready once the record, the stores and the Bot API are", async () => {
    assert.deepEqual(await (await get("/healthz")).json(), { ok: true });
    const ready = await until(() => get("/readyz"), (r) => r.status === 200, "/readyz 200");
    assert.deepEqual(await ready.json(), { ok: true });
  });

  test("/metrics counts the updates handled and shows the record's size and the outbox", async () => {
    const reply = await conversation.say(emu, ann, "/start");
    assert.match(reply.plainText, /^Hello, Ann!/);
    // The reply can arrive a moment before its handling has ended and been timed.
    const body = await until(() => text("/metrics"), (b) => /^parley_reply_seconds_count [1-9]/m.test(b), "the reply timed");
    assert.match((await get("/metrics")).headers.get("content-type") ?? "", /^text\/plain/);
    assert.match(body, /^parley_updates_total\{kind="message"\} [1-9]\d*$/m);
    assert.match(body, /^parley_reply_seconds_count [1-9]\d*$/m);
    assert.match(body, new RegExp(`^parley_record_entries ${record().entries.length}$`, "m"));
    assert.match(body, /^parley_outbox_depth \d+$/m);
    assert.match(body, /^parley_digest_runs_total\{outcome="ok"\} [1-9]\d*$/m);
    assert.match(body, /^parley_sends_total\{result="ok"\} \d+$/m);
    assert.doesNotMatch(body, new RegExp(emu.token.split(":")[1]));
  });
});

describe("calendars", () => {
  test("/calendar.ics has one event per fully dated entry, with a stable UID, in the asked language", async () => {
    const ics = await text("/calendar.ics?lang=ru");
    const evs = calendarEvents(ics);
    const dated = record().entries.filter((e: { date: string | null }) => e.date?.length === 10);
    assert.equal(evs.length, dated.length);
    // Known only to the month, or not dated at all: not in the calendar.
    assert.ok(!evs.some((e) => e.uid === "ssd-geneva-2021-09@parley" || e.uid === "embassy-round-3@parley"));
    const round = eventOf(ics, ROUND);
    assert.equal(round.summary, "Консультации по посольствам, раунд 4");
    assert.equal(round.startDate.toString(), "2026-12-10T10:00:00");
    assert.equal(round.component.getFirstProperty("dtstart")!.getParameter("tzid"), "Europe/Istanbul");
    assert.equal(round.location, "Стамбул");
    assert.equal(round.sequence, 0);
    assert.match(round.description, /Test Agency: https:\/\/example\.org\/round-4/);
    assert.equal(round.component.getFirstPropertyValue("url"), `${PUBLIC_URL}/entries/${ROUND}`);
    // All-day where only the day is known.
    const call = eventOf(ics, "putin-trump-call-2025-02-12");
    assert.equal(call.startDate.isDate, true);
    // The same UID in another language, and in the track's own calendar, which has only its track.
    assert.equal(eventOf(await text("/calendar.ics?lang=en"), ROUND).summary, "Embassy talks, round 4");
    const trackEvents = calendarEvents(await text("/calendar/embassy-operations.ics"));
    assert.ok(trackEvents.some((e) => e.uid === `${ROUND}@parley`));
    assert.ok(trackEvents.every((e) => /^embassy-round/.test(e.uid)), trackEvents.map((e) => e.uid).join(" "));
    assert.equal((await get("/calendar/no-such-track.ics")).status, 404);
  });

  test("an unchanged calendar is a 304; its headers say what it is", async () => {
    const first = await get("/calendar.ics?lang=en");
    assert.match(first.headers.get("content-type")!, /^text\/calendar; charset=utf-8/);
    const etag = first.headers.get("etag")!;
    assert.ok(etag);
    const again = await get("/calendar.ics?lang=en", { "If-None-Match": etag });
    assert.equal(again.status, 304);
    assert.equal((await get("/calendar.ics?lang=uk", { "If-None-Match": etag })).status, 200);
  });

  test("a date change raises SEQUENCE under the same UID; a cancellation shows CANCELLED", async () => {
    await events("update", ROUND, "--date", "2026-12-12", "--time", "11:00");
    const moved = await until(() => text("/calendar.ics?lang=en"), (ics) => eventOf(ics, ROUND).startDate.toString() === "2026-12-12T11:00:00", "the moved round");
    assert.equal(eventOf(moved, ROUND).sequence, 1);
    // Once announced, the number stays (the digest job records that revision).
    const announced = await until(() => text("/feed.json?lang=en"), (body) => JSON.parse(body).items.length > 0, "the change announced");
    assert.ok(announced);
    assert.equal(eventOf(await text("/calendar.ics?lang=en"), ROUND).sequence, 1);

    await events("update", ROUND, "--status", "cancelled");
    const cancelled = await until(() => text("/calendar.ics?lang=en"), (ics) => eventOf(ics, ROUND).component.getFirstPropertyValue("status") === "CANCELLED", "the cancelled round");
    assert.equal(eventOf(cancelled, ROUND).sequence, 2);
    assert.equal(eventOf(cancelled, ROUND).uid, `${ROUND}@parley`);
  });
});

describe("feeds", () => {
  test("/feed.json and /feed.atom list what was announced, newest first, linking to the entry", async () => {
    const json = await until(
      async () => JSON.parse(await text("/feed.json?lang=en")),
      (f) => f.items.length >= 2,
      "two announced changes",
    );
    assert.equal(json.version, "https://jsonfeed.org/version/1.1");
    assert.equal(json.language, "en");
    const [newest, older] = json.items;
    assert.match(newest.title, /Embassy talks, round 4/);
    assert.match(newest.title, /cancel/i);
    assert.match(older.title, /Embassy talks, round 4/);
    assert.equal(newest.url, `${PUBLIC_URL}/entries/${ROUND}`);
    assert.ok(newest.date_published >= older.date_published);
    assert.notEqual(newest.id, older.id);

    const atom = new XMLParser({ ignoreAttributes: false }).parse(await text("/feed.atom?lang=ru"));
    const entries = [atom.feed.entry].flat();
    assert.equal(entries.length, json.items.length);
    assert.match(entries[0].title, /Консультации по посольствам, раунд 4/);
    assert.equal(entries[0].link["@_href"], `${PUBLIC_URL}/entries/${ROUND}`);
    assert.equal(atom.feed.link.find((l: Record<string, string>) => l["@_rel"] === "self")["@_href"], `${PUBLIC_URL}/feed.atom?lang=ru`);
    const res = await get("/feed.atom");
    assert.match(res.headers.get("content-type")!, /^application\/atom\+xml/);
  });
});

describe("the JSON API", () => {
  test("pages through every entry with the cursor, none twice, in date order", async () => {
    const seen: string[] = [];
    let url: string | null = "/api/entries?limit=7";
    let pages = 0;
    while (url) {
      const body = (await (await get(url)).json()) as { entries: { id: string; date: string | null; url: string }[]; next: string | null; cursor: string | null };
      seen.push(...body.entries.map((e) => e.id));
      pages++;
      url = body.cursor ? `/api/entries?limit=7&cursor=${body.cursor}` : null;
      if (body.next) assert.ok(body.next.startsWith(`${PUBLIC_URL}/api/entries?`));
    }
    const all = record().entries;
    assert.equal(seen.length, all.length);
    assert.equal(new Set(seen).size, all.length);
    assert.equal(pages, Math.ceil(all.length / 7));
    // Dated ones first, oldest first; then the undated.
    assert.equal(seen[0], "biden-putin-call-2021-04-13");
    assert.equal(seen[seen.length - 1], all.filter((e: { date: string | null }) => e.date === null).at(-1).id);
  });

  test("filters by track, status, kind and dates; a bad value is a 400", async () => {
    const body = await (await get("/api/entries?track=embassy-operations&status=held&kind=round")).json();
    assert.deepEqual(body.entries.map((e: { id: string }) => e.id), ["embassy-round-1", "embassy-round-2"]);
    const ranged = await (await get("/api/entries?from=2025-03&to=2025-03-15")).json();
    assert.ok(ranged.entries.length > 0);
    assert.ok(ranged.entries.every((e: { date: string }) => e.date >= "2025-03" && e.date <= "2025-03-15"));
    assert.equal((await get("/api/entries?status=done")).status, 400);
    assert.equal((await get("/api/entries?cursor=nonsense")).status, 400);
    assert.equal((await get("/api/entries?track=nowhere")).status, 400);
  });

  test("an unchanged page is a 304; one entry by id; an unknown id is a 404", async () => {
    const first = await get("/api/entries?track=leaders");
    const etag = first.headers.get("etag")!;
    assert.equal((await get("/api/entries?track=leaders", { "If-None-Match": etag })).status, 304);
    assert.equal((await get("/api/entries?track=envoys", { "If-None-Match": etag })).status, 200);
    const one = await (await get("/api/entries/geneva-summit-2021")).json();
    assert.equal(one.id, "geneva-summit-2021");
    assert.equal(one.url, `${PUBLIC_URL}/entries/geneva-summit-2021`);
    assert.ok(one.sources.length > 0);
    assert.equal((await get("/api/entries/no-such-entry")).status, 404);
  });
});

describe("headers and limits", () => {
  test("security headers everywhere; pages may be framed by Telegram's web clients only", async () => {
    const page = await get("/");
    assert.equal(page.status, 200);
    assert.equal(page.headers.get("x-content-type-options"), "nosniff");
    assert.equal(page.headers.get("referrer-policy"), "strict-origin-when-cross-origin");
    const csp = page.headers.get("content-security-policy")!;
    assert.match(csp, /frame-ancestors 'self' https:\/\/web\.telegram\.org/);
    assert.match(csp, /default-src 'self'/);
    const api = await get("/api/entries/geneva-summit-2021");
    assert.match(api.headers.get("content-security-policy")!, /frame-ancestors 'none'/);
  });

  test("a body over the limit is refused with 413", async () => {
    const res = await fetch(`${base}/api/entries`, { method: "POST", body: "x".repeat(64 * 1024), headers: { "Content-Type": "text/plain" } });
    assert.equal(res.status, 413);
  });
});
