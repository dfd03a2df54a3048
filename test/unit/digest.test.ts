// The digest's pure core: what changed since the last announcement, which reminders are due,
// and how both read in three languages. No bot, no files, a fixed clock.
import assert from "node:assert/strict";
import { test } from "node:test";
import { createI18n } from "../../src/bot/reader.ts";
import { detectChanges, initialAnnounced, matchesFilters, mergeChanges, type RecordChange } from "../../src/digest/changes.ts";
import { CATCH_UP_MS, ReminderPlanner, reminderCandidates, type ReminderSettings } from "../../src/digest/reminders.ts";
import { MAX_BUTTONS, MAX_ITEMS, renderDigest, renderReminder, type Words } from "../../src/digest/render.ts";
import type { Reader } from "../../src/present/entries.ts";
import { LIMITS } from "../../src/present/html.ts";
import { buildRecord, type EntryRef } from "../../src/record/record.ts";
import type { Entry, Lang, Track } from "../../src/record/schema.ts";
import { parseEventLog } from "../../src/record/validate.ts";
import { parseTelegramHtml } from "../support/emulator.ts";
import { entry, log } from "../support/fixtures.ts";

const i18n = createI18n();
const words = (lang: Lang): Words => ({ lang, t: (key, vars) => i18n.t(lang, key, vars) });
const reader = (lang: Lang, now: string, zone: string): Reader => ({ ...words(lang), now: new Date(now), zone });

function checked(...entries: object[]) {
  const r = parseEventLog(JSON.stringify(log(entries)), "test.json");
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.log;
}

/** The rendered HTML must be what Telegram accepts, within its limit, and every string translated. */
function assertSendable(text: string) {
  assert.ok(text.length <= LIMITS.messageText, `message of ${text.length} characters`);
  assert.doesNotThrow(() => parseTelegramHtml(text), text);
  assert.ok(!/digest-[a-z-]+/.test(text), `untranslated key in: ${text}`);
}

const round2 = entry({
  id: "embassy-round-2",
  status: "scheduled",
  date: "2026-04-10",
  time: "10:00",
  timezone: "Europe/Istanbul",
  sequence: 2,
  place: { city: { en: "Istanbul", ru: "Стамбул", uk: "Стамбул" }, country: { en: "Türkiye" } },
  title: { en: "Round 2 on embassy operations", ru: "Второй раунд консультаций по работе посольств", uk: "Другий раунд консультацій щодо роботи посольств" },
});

/** The refs of a checked log in file order, and how to read them: what the job passes in. */
function refs(l: { tracks: Track[]; entries: Entry[] }): [EntryRef[], (r: EntryRef) => Entry] {
  const rec = buildRecord(l);
  return [l.entries.map((e) => rec.byId.get(e.id)!), rec.entry];
}

// ───────────────────────────── changes ─────────────────────────────

test("a fresh install announces nothing: the record as it stands counts as announced", () => {
  const l = checked(entry(), round2);
  const announced = initialAnnounced(...refs(l));
  const d = detectChanges(announced, ...refs(l));
  assert.deepEqual(d.changes, []);
  assert.deepEqual(d.updates, {});
  assert.deepEqual(d.removed, []);
});

test("a new entry is announced as new", () => {
  const announced = initialAnnounced(...refs(checked(entry())));
  const d = detectChanges(announced, ...refs(checked(entry(), round2)));
  assert.equal(d.changes.length, 1);
  assert.deepEqual([d.changes[0].entryId, d.changes[0].type, d.changes[0].track, d.changes[0].kind], ["embassy-round-2", "new", "embassy-operations", "round"]);
  assert.ok(d.updates["embassy-round-2"]);
});

test("scheduled → held is one status change; the outcome added with it is not a second item", () => {
  const announced = initialAnnounced(...refs(checked(round2)));
  const held = { ...round2, status: "held", outcome: { en: "Notes exchanged on diplomatic banking." } };
  const d = detectChanges(announced, ...refs(checked(held)));
  assert.deepEqual(
    d.changes.map((c) => [c.type, c.before, c.after]),
    [["status", "scheduled", "held"]],
  );
});

test("postponed and cancelled are status changes", () => {
  const announced = initialAnnounced(...refs(checked(round2)));
  for (const status of ["postponed", "cancelled"]) {
    const d = detectChanges(announced, ...refs(checked({ ...round2, status })));
    assert.deepEqual(
      d.changes.map((c) => [c.type, c.after]),
      [["status", status]],
    );
  }
});

test("a moved date is a date change with the values before and after; so is a new time", () => {
  const announced = initialAnnounced(...refs(checked(round2)));
  const d = detectChanges(announced, ...refs(checked({ ...round2, date: "2026-04-14" })));
  assert.equal(d.changes.length, 1);
  const c = d.changes[0] as Extract<RecordChange, { type: "date" }>;
  assert.equal(c.type, "date");
  assert.equal(c.before.date, "2026-04-10");
  assert.equal(c.after.date, "2026-04-14");
  const t = detectChanges(announced, ...refs(checked({ ...round2, time: "11:30" })));
  assert.deepEqual(
    t.changes.map((x) => x.type),
    ["date"],
  );
});

test("spelling edits to title, summary, participants and sources announce nothing", () => {
  const announced = initialAnnounced(...refs(checked(round2)));
  const edited = {
    ...round2,
    title: { en: "Round 2 of embassy operations talks", ru: "Второй раунд", uk: "Другий раунд" },
    summary: { en: "Corrected summary." },
    participants: [{ name: { en: "Sonata Coulter" }, side: "US" }],
    sources: [{ outlet: "TASS", url: "https://tass.com/x", language: "en" }],
    note: { en: "A note." },
  };
  const d = detectChanges(announced, ...refs(checked(edited)));
  assert.deepEqual(d.changes, []);
  // Only the text hash is remembered (so the entry is not read again); the announced values stay.
  const { h: _after, ...kept } = d.updates["embassy-round-2"];
  const { h: _before, ...was } = announced["embassy-round-2"];
  assert.deepEqual(kept, was);
  assert.notEqual(_after, _before);
});

test("a translation added to the place is not a move; a different city is", () => {
  const announced = initialAnnounced(...refs(checked(round2)));
  const translated = { ...round2, place: { city: { en: "Istanbul", ru: "Стамбул", uk: "Стамбул" }, country: { en: "Türkiye", ru: "Турция" } } };
  const quiet = detectChanges(announced, ...refs(checked(translated)));
  assert.deepEqual(quiet.changes, []);
  assert.ok(quiet.updates["embassy-round-2"], "the new values are still recorded");
  const moved = detectChanges(announced, ...refs(checked({ ...round2, place: { city: { en: "Geneva" } } })));
  assert.deepEqual(
    moved.changes.map((c) => c.type),
    ["place"],
  );
});

test("an outcome added to a held entry is announced; an entry removed is not", () => {
  const held = entry({ id: "r1" });
  const announced = initialAnnounced(...refs(checked(held, round2)));
  const d = detectChanges(announced, ...refs(checked({ ...held, outcome: { en: "Agreed to meet again." } })));
  assert.deepEqual(
    d.changes.map((c) => [c.entryId, c.type]),
    [["r1", "outcome"]],
  );
  assert.deepEqual(d.removed, ["embassy-round-2"]);
  assert.equal(d.updates["embassy-round-2"].removed, true);
});

test("change keys differ for different edits and repeat for the same one", () => {
  const announced = initialAnnounced(...refs(checked(round2)));
  const a = detectChanges(announced, ...refs(checked({ ...round2, date: "2026-04-14" }))).changes[0];
  const b = detectChanges(announced, ...refs(checked({ ...round2, date: "2026-04-14" }))).changes[0];
  const c = detectChanges(announced, ...refs(checked({ ...round2, date: "2026-04-15" }))).changes[0];
  assert.equal(a.key, b.key);
  assert.notEqual(a.key, c.key);
});

test("filters: tracks and kinds", () => {
  const c = { track: "leaders", kind: "call" as const };
  assert.ok(matchesFilters(c, { tracks: "all", kinds: "all" }));
  assert.ok(matchesFilters(c, { tracks: ["leaders"], kinds: ["call", "summit"] }));
  assert.ok(!matchesFilters(c, { tracks: ["envoys"], kinds: "all" }));
  assert.ok(!matchesFilters(c, { tracks: "all", kinds: ["round"] }));
});

test("mergeChanges: two moves become one, a move there and back disappears, a new entry absorbs its later edits", () => {
  const base = initialAnnounced(...refs(checked(round2)));
  const first = detectChanges(base, ...refs(checked({ ...round2, date: "2026-04-14" })));
  const second = detectChanges({ ...base, ...first.updates }, ...refs(checked({ ...round2, date: "2026-04-16" })));
  const merged = mergeChanges([...first.changes, ...second.changes]) as Extract<RecordChange, { type: "date" }>[];
  assert.equal(merged.length, 1);
  assert.equal(merged[0].before.date, "2026-04-10");
  assert.equal(merged[0].after.date, "2026-04-16");
  const back = detectChanges({ ...base, ...first.updates }, ...refs(checked(round2)));
  assert.deepEqual(mergeChanges([...first.changes, ...back.changes]), []);
  const added = detectChanges({}, ...refs(checked(round2)));
  const held = detectChanges({ ...added.updates }, ...refs(checked({ ...round2, status: "held" })));
  assert.deepEqual(
    mergeChanges([...added.changes, ...held.changes]).map((c) => c.type),
    ["new"],
  );
});

// ───────────────────────────── reminders ─────────────────────────────

const SETTINGS: ReminderSettings = { enabled: true, hoursBefore: [24, 1], dayBeforeHour: 9 };

function remindersAt(now: string, entries: object[], zone = "UTC", settings = SETTINGS, sent = new Set<string>()) {
  const record = buildRecord(checked(...entries));
  const at = new Date(now);
  const planner = new ReminderPlanner(reminderCandidates(record, at, 24), at);
  return planner.due("42", settings, zone, (k) => sent.has(k));
}

// Round 2 starts 2026-04-10 10:00 Istanbul = 07:00 UTC.
test("a timed entry: 24 hours and 1 hour before, not a minute early", () => {
  assert.deepEqual(remindersAt("2026-04-09T06:59:00Z", [round2]), []);
  const day = remindersAt("2026-04-09T07:00:00Z", [round2]);
  assert.deepEqual(
    day.map((r) => [r.entryId, r.offset]),
    [["embassy-round-2", "24h"]],
  );
  assert.equal(day[0].key, "42|embassy-round-2|24h|2026-04-10T10:00@Europe/Istanbul");
  assert.deepEqual(remindersAt("2026-04-10T05:59:00Z", [round2]), []);
  assert.deepEqual(
    remindersAt("2026-04-10T06:00:30Z", [round2]).map((r) => r.offset),
    ["1h"],
  );
  assert.deepEqual(remindersAt("2026-04-10T07:00:00Z", [round2]), [], "nothing once it has started");
});

test("a reminder missed by a short outage is still sent; an older one is skipped", () => {
  const late = new Date(Date.parse("2026-04-09T07:00:00Z") + CATCH_UP_MS - 60_000).toISOString();
  assert.deepEqual(
    remindersAt(late, [round2]).map((r) => r.offset),
    ["24h"],
  );
  const tooLate = new Date(Date.parse("2026-04-09T07:00:00Z") + CATCH_UP_MS + 60_000).toISOString();
  assert.deepEqual(remindersAt(tooLate, [round2]), []);
});

test("of two reminders due at once only the nearer is sent, and it covers the other", () => {
  const r = remindersAt("2026-04-10T06:00:00Z", [round2], "UTC", { ...SETTINGS, hoursBefore: [2, 1] });
  assert.equal(r.length, 1);
  assert.equal(r[0].offset, "1h");
  assert.deepEqual(r[0].alsoCovers, ["42|embassy-round-2|2h|2026-04-10T10:00@Europe/Istanbul"]);
});

test("a date-only entry: at dayBeforeHour on the day before, in the chat's zone", () => {
  const dateOnly = { ...round2, time: undefined, timezone: undefined };
  // 09:00 in Kyiv on 9 April (UTC+3 in summer time) is 06:00 UTC; in New York (UTC−4) 13:00 UTC.
  assert.deepEqual(remindersAt("2026-04-09T05:59:00Z", [dateOnly], "Europe/Kyiv"), []);
  const kyiv = remindersAt("2026-04-09T06:00:00Z", [dateOnly], "Europe/Kyiv");
  assert.deepEqual(
    kyiv.map((r) => [r.offset, r.key]),
    [["day-before", "42|embassy-round-2|day-before|2026-04-10"]],
  );
  assert.deepEqual(remindersAt("2026-04-09T06:00:00Z", [dateOnly], "America/New_York"), []);
  assert.equal(remindersAt("2026-04-09T13:00:00Z", [dateOnly], "America/New_York").length, 1);
  assert.deepEqual(remindersAt("2026-04-09T13:00:00Z", [dateOnly], "America/New_York", { ...SETTINGS, dayBeforeHour: 18 }), []);
});

test("postponed, cancelled, held or month-only entries get no reminders", () => {
  for (const over of [{ status: "postponed" }, { status: "cancelled" }, { status: "held" }, { date: "2026-04", time: undefined }]) {
    assert.deepEqual(remindersAt("2026-04-09T07:00:00Z", [{ ...round2, ...over }]), [], JSON.stringify(over));
  }
});

test("never twice; a moved date makes new reminders; disabled means none", () => {
  const first = remindersAt("2026-04-09T07:00:00Z", [round2]);
  const sent = new Set(first.map((r) => r.key));
  assert.deepEqual(remindersAt("2026-04-09T07:01:00Z", [round2], "UTC", SETTINGS, sent), []);
  const moved = remindersAt("2026-04-09T08:00:00Z", [{ ...round2, time: "11:00" }], "UTC", SETTINGS, sent);
  assert.deepEqual(
    moved.map((r) => r.key),
    ["42|embassy-round-2|24h|2026-04-10T11:00@Europe/Istanbul"],
  );
  assert.deepEqual(remindersAt("2026-04-09T07:00:00Z", [round2], "UTC", { ...SETTINGS, enabled: false }), []);
});

// ───────────────────────────── rendering ─────────────────────────────

function scenario() {
  const before = checked(entry({ id: "embassy-round-1" }), round2, entry({ id: "putin-trump-call", track: "leaders", kind: "call", status: "scheduled", date: "2026-05-02", title: { en: "Putin–Trump call", ru: "Разговор Путина и Трампа", uk: "Розмова Путіна і Трампа" } }));
  const round4 = entry({
    id: "embassy-round-4",
    status: "scheduled",
    date: "2026-04-10",
    place: { city: { en: "Istanbul", ru: "Стамбул", uk: "Стамбул" } },
    title: { en: "Round 4", ru: "Четвёртый раунд", uk: "Четвертий раунд" },
  });
  const after = checked(
    entry({ id: "embassy-round-1" }),
    { ...round2, status: "held", outcome: { en: "Notes exchanged.", ru: "Обменялись нотами.", uk: "Обмінялися нотами." } },
    round4,
    entry({ id: "putin-trump-call", track: "leaders", kind: "call", status: "scheduled", date: "2026-05-04", title: { en: "Putin–Trump call", ru: "Разговор Путина и Трампа", uk: "Розмова Путіна і Трампа" } }),
  );
  const { changes } = detectChanges(initialAnnounced(...refs(before)), ...refs(after));
  return { changes, record: buildRecord(after) };
}

test("a digest in English: new, held, date moved; grouped by track; ids and details buttons", () => {
  const { changes, record } = scenario();
  const [msg, ...rest] = renderDigest(changes, record, words("en"));
  assert.equal(rest.length, 0);
  assertSendable(msg.text);
  assert.match(msg.text, /Round 4<\/b> set for 10 April 2026, Istanbul · <code>embassy-round-4<\/code>/);
  assert.match(msg.text, /Round 2 on embassy operations<\/b> held: 10 April 2026, 10:00 \(Europe\/Istanbul\)/);
  assert.match(msg.text, /Notes exchanged\./);
  assert.match(msg.text, /date moved from 2 May 2026 to 4 May 2026/);
  // Grouped: the embassy heading before its items, the leaders heading before the call.
  const t = msg.text;
  assert.ok(t.indexOf("Embassy operations") < t.indexOf("Round 2") && t.indexOf("Leaders") < t.indexOf("Putin–Trump"), t);
  const buttons = msg.replyMarkup!.inline_keyboard.flat();
  assert.deepEqual(
    buttons.map((b) => b.callback_data).sort(),
    ["ev:embassy-round-2", "ev:embassy-round-4", "ev:putin-trump-call"],
  );
  for (const b of buttons) assert.ok(Buffer.byteLength(b.callback_data) <= LIMITS.callbackData && b.text.startsWith("🔎 Details"));
});

test("the digest reads naturally in Russian and Ukrainian", () => {
  const { changes, record } = scenario();
  const [ru] = renderDigest(changes, record, words("ru"));
  assertSendable(ru.text);
  assert.match(ru.text, /🆕 Назначено: <b>Четвёртый раунд<\/b> — 10 апреля 2026, Стамбул/);
  assert.match(ru.text, /✅ Состоялось: <b>Второй раунд консультаций по работе посольств<\/b>/);
  assert.match(ru.text, /новая дата — 4 мая 2026 \(была: 2 мая 2026\)/);
  assert.match(ru.text, /Работа посольств/);
  assert.ok(ru.replyMarkup!.inline_keyboard.flat().every((b) => b.text.startsWith("🔎 Подробнее")));
  const [uk] = renderDigest(changes, record, words("uk"));
  assertSendable(uk.text);
  assert.match(uk.text, /🆕 Призначено: <b>Четвертий раунд<\/b> — 10 квітня 2026, Стамбул/);
  assert.match(uk.text, /✅ Відбулося: /);
  assert.match(uk.text, /нова дата — 4 травня 2026 \(була: 2 травня 2026\)/);
  assert.match(uk.text, /Робота посольств/);
});

test("a daily digest has its own heading with the day", () => {
  const { changes, record } = scenario();
  const [msg] = renderDigest(changes, record, words("uk"), { kind: "daily", day: "9 квітня 2026" });
  assert.match(msg.text, /зведення за день, 9 квітня 2026/);
});

test("a long digest splits under 4096 characters; with many entries the ids go into the text", () => {
  const many = Array.from({ length: 60 }, (_, i) =>
    entry({
      id: `bulk-${i}`,
      status: "held",
      date: "2026-03-01",
      title: { en: `A long title for entry number ${i} that goes on `.repeat(3) },
      outcome: { en: "An outcome that is rather long, with details of what was agreed. ".repeat(6) },
    }),
  );
  const { changes } = detectChanges({}, ...refs(checked(...many)));
  const record = buildRecord(checked(...many));
  for (const lang of ["en", "ru", "uk"] as const) {
    const messages = renderDigest(changes, record, words(lang));
    assert.ok(messages.length > 1, "split");
    for (const m of messages) assertSendable(m.text);
    assert.ok(messages.every((m) => !m.replyMarkup), "no buttons beyond MAX_BUTTONS entries");
    const all = messages.map((m) => m.text).join("\n");
    assert.match(all, /<code>\/event bulk-0<\/code>/);
    assert.ok(!all.includes("bulk-59"), `at most ${MAX_ITEMS} items`);
    assert.match(all, lang === "en" ? /…and 20 more changes/ : lang === "ru" ? /…и ещё 20 изменений/ : /…і ще 20 змін/);
  }
  // Up to MAX_BUTTONS entries keep their buttons, on the last part only.
  const few = renderDigest(changes.slice(0, MAX_BUTTONS), record, words("en"));
  assert.ok(few.length >= 1);
  assert.equal(few.at(-1)!.replyMarkup!.inline_keyboard.length, MAX_BUTTONS);
  assert.ok(few.slice(0, -1).every((m) => !m.replyMarkup));
});

test("changes to entries no longer in the record render nothing", () => {
  const { changes } = scenario();
  assert.deepEqual(renderDigest(changes, buildRecord(checked(entry())), words("en")), []);
});

test("a reminder says when in the reader's zone, in three languages", () => {
  const record = buildRecord(checked(round2));
  const reminder = { key: "k", entryId: "embassy-round-2", offset: "24h", dueAt: 0, startsAt: 0, alsoCovers: [] };
  const en = renderReminder(reminder, record, reader("en", "2026-04-09T07:00:00Z", "Europe/Moscow"))!;
  assertSendable(en.text);
  assert.match(en.text, /^⏰ <b>Tomorrow at 10:00<\/b>: <b>Round 2 on embassy operations<\/b>/);
  assert.match(en.text, /10 April 2026, 10:00 \(Europe\/Istanbul\)/);
  assert.deepEqual(
    en.replyMarkup!.inline_keyboard.flat().map((b) => b.callback_data),
    ["ev:embassy-round-2"],
  );
  const ru = renderReminder({ ...reminder, offset: "1h" }, record, reader("ru", "2026-04-10T06:00:00Z", "Europe/Kyiv"))!;
  assertSendable(ru.text);
  assert.match(ru.text, /^⏰ <b>Через 60 минут|^⏰ <b>Сегодня в 10:00/);
  const uk = renderReminder(reminder, record, reader("uk", "2026-04-09T07:00:00Z", "Europe/Kyiv"))!;
  assertSendable(uk.text);
  assert.match(uk.text, /^⏰ <b>Завтра о 10:00|^⏰ <b>Завтра/);
});

// ───────────────────────────── what to send to whom (the planners) ─────────────────────────────

import { localClock, planDailyDigests, planInstantDigests, type Readers } from "../../src/digest/plan.ts";

function readersOf(subs: Subscription[], langs: { [chatId: number]: Lang }, now: string): Readers {
  return { subs, localeOf: (s) => ({ lang: langs[s.chatId] ?? "en", zone: "UTC" }), words, localTime: localClock(new Date(now)) };
}

test("plan: an instant digest to each subscription its filters let a change through to, rendered once per language and set of changes", () => {
  const call = entry({ id: "call-1", track: "leaders", kind: "call", date: "2026-04-19", title: { en: "Leaders' call", ru: "Разговор лидеров" } });
  const l = checked(round2, call);
  const { changes } = detectChanges({}, ...refs(l));
  const subs = [sub(1), sub(2, { quietHours: { from: 22, to: 8 } }), sub(3, { tracks: ["leaders"] }), sub(4, { delivery: { mode: "daily", hour: 9 } })];
  const plan = planInstantDigests(changes, "7-abc", buildRecord(l), readersOf(subs, { 3: "ru" }, "2026-04-20T23:00:00Z"));
  assert.deepEqual(
    plan.messages.map((m) => m.id),
    ["c|7-abc|1|0", "c|7-abc|2|0", "c|7-abc|3|0"],
    "the daily subscriber waits for its hour",
  );
  assert.equal(plan.renders, 2, "English with both changes, Russian with the call alone");
  const [one, two, three] = plan.messages;
  assert.equal(one.text, two.text);
  assert.equal(one.disableNotification, undefined);
  assert.equal(two.disableNotification, true, "23:00 is inside 22–08");
  assert.match(one.text, /Round 2 on embassy operations[\s\S]*Leaders' call/);
  assert.match(three.text, /Разговор лидеров/);
  assert.doesNotMatch(three.text, /раунд/, "the other series is filtered out");
});

test("plan: a daily digest once its hour has come, with what was announced since its cursor; a new daily subscription starts from now", () => {
  const l = checked(round2);
  const { changes } = detectChanges({}, ...refs(l));
  const subs = [sub(5, { delivery: { mode: "daily", hour: 9 } }), sub(6, { delivery: { mode: "daily", hour: 9 } }), sub(7, { delivery: { mode: "daily", hour: 11 } })];
  const progress: { [key: string]: { cursor: number; lastDay: string } } = { "6": { cursor: 3, lastDay: "2026-04-19" }, "7": { cursor: 3, lastDay: "2026-04-19" } };
  const plan = planDailyDigests(buildRecord(l), readersOf(subs, {}, "2026-04-20T10:00:00Z"), {
    seqBefore: 3,
    upTo: 4,
    progress: (key) => progress[key],
    changesSince: (cursor) => (cursor < 4 ? changes : []),
  });
  assert.deepEqual(
    plan.messages.map((m) => m.id),
    ["d|3-4|6|0"],
    "chat 6 only: chat 5 is new, chat 7's hour has not come",
  );
  assert.match(plan.messages[0].text, /daily digest, 20 April 2026/);
  assert.match(plan.messages[0].text, /Round 2 on embassy operations/);
  assert.deepEqual(plan.progress, [
    ["5", { cursor: 3, lastDay: "2026-04-20" }],
    ["6", { cursor: 4, lastDay: "2026-04-20" }],
  ]);
  assert.deepEqual([...plan.dailyKeys].sort(), ["5", "6", "7"]);
});

// ───────────────────────────── the job (the shell around the core) ─────────────────────────────
// Real stores and outbox in a temporary directory, a sender that is never woken (nothing is
// sent), and a hand-driven tick.

import { mkdtemp, rename, rm, writeFile as writeFileAsync } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Bot } from "grammy";
import type { ParleyContext } from "../../src/bot/context.ts";
import type { Config } from "../../src/config.ts";
import { FileOutbox } from "../../src/delivery/outbox.ts";
import { startJobs, TickRunner, watchRecord, type Jobs } from "../../src/jobs.ts";
import type { Logger } from "../../src/log.ts";
import { RecordSource } from "../../src/record-file/source.ts";
import { FileAnnouncedStore } from "../../src/store/announced.ts";
import { FileChatPrefsStore } from "../../src/store/chats.ts";
import { FileSubscriptionStore } from "../../src/store/subscriptions.ts";
import { newSubscription, type Subscription } from "../../src/store/subscription-types.ts";
import { TRACKS } from "../support/fixtures.ts";

function memoryLog(): Logger & { lines: { msg: string; extra?: Record<string, unknown> }[] } {
  const lines: { msg: string; extra?: Record<string, unknown> }[] = [];
  const put = (msg: string, extra?: object) => void lines.push({ msg, extra: extra as Record<string, unknown> });
  return { lines, debug: put, info: put, warn: put, error: put };
}

function sub(chatId: number, over: Partial<Subscription> = {}): Subscription {
  return { ...newSubscription({ chatId, chatType: "private", createdBy: chatId }, new Date("2026-01-01T00:00:00Z")), ...over };
}

async function jobWorld(t: import("node:test").TestContext, subs: Subscription[], langs: (chatId: number) => Lang) {
  const dir = await mkdtemp(join(tmpdir(), "parley-digest-"));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const stateDir = join(dir, "state");
  const file = join(dir, "events.json");
  const write = (entries: object[]) => writeFileAsync(file, JSON.stringify({ tracks: TRACKS, entries }));
  await write([entry({ id: "r1" })]);
  const subscriptions = FileSubscriptionStore.open(join(stateDir, "subscriptions.json"));
  for (const s of subs) subscriptions.store.data.subscriptions[s.key] = s;
  await subscriptions.store.save();
  const prefs = FileChatPrefsStore.open(join(stateDir, "chats.json"));
  for (const s of subs) prefs.store.data.chats[String(s.chatId)] = { lang: langs(s.chatId) };
  await prefs.store.save();
  const config = { digestCron: "0 0 1 1 *", adminIds: [], defaultTimezone: "UTC" } as unknown as Config;
  let wakes = 0;
  /** Starts the job as a fresh process would: stores and outbox read from disk. */
  const start = async (clock: () => Date) => {
    const log = memoryLog();
    const outbox = await FileOutbox.open(stateDir);
    const source = RecordSource.load(file);
    const jobs: Jobs = await startJobs({
      config,
      log,
      clock,
      source,
      bot: {} as Bot<ParleyContext>,
      i18n,
      stateDir,
      prefs: FileChatPrefsStore.open(join(stateDir, "chats.json")),
      subscriptions: FileSubscriptionStore.open(join(stateDir, "subscriptions.json")),
      outbox,
      sender: { wake: () => void wakes++ },
    });
    const failed = await jobs.tick().then(
      () => undefined,
      (err: Error) => err,
    );
    return { jobs, outbox, log, source, failed };
  };
  return { stateDir, write, start, wakes: () => wakes };
}

test("job: killed between the outbox and the announced state, the re-run enqueues nothing twice", async (t) => {
  const w = await jobWorld(t, [sub(1), sub(2), sub(3, { tracks: ["leaders"] })], (id) => (["en", "ru", "uk"] as const)[id - 1]);
  const clock = () => new Date("2026-04-20T12:00:00Z");
  const first = await w.start(clock);
  assert.equal(first.outbox.pendingCount, 0, "a fresh install enqueues nothing");
  await first.jobs.stop();
  await first.outbox.close();

  // The edit; then a tick that dies right after its enqueue (as a SIGKILL would).
  await w.write([entry({ id: "r1" }), entry({ id: "r4", status: "scheduled", date: "2026-05-10" })]);
  const commit = FileAnnouncedStore.prototype.commit;
  FileAnnouncedStore.prototype.commit = () => Promise.reject(new Error("killed"));
  const wakesBefore = w.wakes();
  let crashed;
  try {
    crashed = await w.start(clock);
  } finally {
    FileAnnouncedStore.prototype.commit = commit;
  }
  assert.equal(crashed.failed?.message, "killed");
  assert.equal(w.wakes(), wakesBefore, "the sender was not woken: none of the batch can have been sent");
  await crashed.jobs.stop();
  await crashed.outbox.close();
  const onDisk = await FileOutbox.open(w.stateDir);
  assert.equal(onDisk.pendingCount, 2, "the digest for chats 1 and 2 (chat 3 follows another track) is in the outbox");
  await onDisk.close();

  // The restart: same changes, same ids, nothing added; and now they are recorded as announced.
  const again = await w.start(clock);
  assert.equal(again.outbox.pendingCount, 2);
  const texts = again.outbox.pending().map((m) => m.text);
  assert.match(texts.join("\n"), /set for 10 May 2026/);
  assert.match(texts.join("\n"), /Назначено: /);
  await again.jobs.stop();
  await again.outbox.close();
  const third = await w.start(clock);
  assert.equal(third.outbox.pendingCount, 2, "announced once: a later tick finds nothing new");
  await third.jobs.stop();
  await third.outbox.close();
});

test("job: 100,000 subscribers and a change render once per language and filter", async (t) => {
  const N = 100_000;
  const subs = Array.from({ length: N }, (_, i) => sub(10_000 + i, i % 10 === 0 ? { tracks: ["leaders"] } : i % 7 === 0 ? { delivery: { mode: "daily", hour: 9 } } : {}));
  const langs = ["en", "ru", "uk"] as const;
  const w = await jobWorld(t, subs, (id) => langs[id % 3]);
  const clock = () => new Date("2026-04-20T12:00:00Z");
  const fresh = await w.start(clock);
  await fresh.jobs.stop();
  await fresh.outbox.close();
  await w.write([entry({ id: "r1" }), entry({ id: "r4", status: "scheduled", date: "2026-05-10" })]);
  const started = Date.now();
  const run = await w.start(clock);
  const seconds = (Date.now() - started) / 1000;
  const announced = run.log.lines.find((l) => l.msg === "changes announced");
  assert.ok(announced, JSON.stringify(run.log.lines));
  // Tracks: every subscriber but the "leaders only" tenth; instant: not the daily ones.
  const expected = subs.filter((s) => s.tracks === "all" && s.delivery.mode === "instant").length;
  assert.equal(announced.extra!.messages, expected);
  assert.equal(announced.extra!.renders, 3, "one render per language");
  assert.equal(run.outbox.pendingCount, expected);
  // How long it took is reported, not asserted (the machine's load decides it).
  t.diagnostic(`tick over ${N} subscriptions: ${seconds.toFixed(1)} s`);
  await run.jobs.stop();
  await run.outbox.close();
});

test("job: a daily digest at its hour in the chat's zone, caught up after downtime, once a day; reminders once across restarts", async (t) => {
  // Chat 1 daily at 09:00 Kyiv (06:00 UTC in April); chat 2 instant. Round 9 starts 21 April 10:00 UTC.
  const w = await jobWorld(t, [sub(1, { delivery: { mode: "daily", hour: 9 } }), sub(2)], () => "en");
  const prefs = FileChatPrefsStore.open(join(w.stateDir, "chats.json"));
  await prefs.set(1, { tz: "Europe/Kyiv" });
  const at = (iso: string) => () => new Date(iso);
  const round9 = entry({ id: "r9", status: "scheduled", date: "2026-04-21", time: "10:00", timezone: "UTC", title: { en: "Round 9" } });
  const ticks: { label: string; added: string[] }[] = [];
  let seen = new Set<string>();
  const step = async (label: string, iso: string) => {
    const run = await w.start(at(iso));
    assert.equal(run.failed, undefined);
    const ids = run.outbox.pending().map((m) => m.id);
    ticks.push({ label, added: ids.filter((id) => !seen.has(id)) });
    seen = new Set(ids);
    await run.jobs.stop();
    await run.outbox.close();
    return run;
  };
  await step("fresh install", "2026-04-20T04:00:00Z");
  await w.write([entry({ id: "r1" }), round9]);
  await step("change at 07:00 Kyiv", "2026-04-20T04:05:00Z");
  // Down from 04:05 to 11:00 UTC: 09:00 Kyiv passed meanwhile; the digest is caught up. The
  // 24-hour reminder (due 10:00 UTC) is 1 h late: still sent.
  const late = await step("back at 14:00 Kyiv", "2026-04-20T11:00:00Z");
  await step("later that day", "2026-04-20T15:00:00Z");
  await step("next morning, nothing new", "2026-04-21T06:30:00Z");
  const added = Object.fromEntries(ticks.map((x) => [x.label, x.added]));
  assert.deepEqual(added["fresh install"], []);
  assert.deepEqual(
    added["change at 07:00 Kyiv"].map((id) => id.split("|").at(-2)),
    ["2"],
    "instant only",
  );
  const back = added["back at 14:00 Kyiv"];
  assert.ok(back.some((id) => id.startsWith("d|") && id.includes("|1|")), `daily digest for chat 1: ${back}`);
  assert.deepEqual(back.filter((id) => id.startsWith("r|")).sort(), ["r|1|r9|24h|2026-04-21T10:00@UTC|1|0", "r|2|r9|24h|2026-04-21T10:00@UTC|2|0"]);
  const daily = late.outbox.pending().find((m) => m.id.startsWith("d|"))!;
  assert.match(daily.text, /daily digest, 20 April 2026/);
  assert.match(daily.text, /Round 9<\/b> set for 21 April 2026, 10:00 \(UTC\)/);
  assert.deepEqual(added["later that day"], [], "one daily digest a day, each reminder once");
  assert.deepEqual(added["next morning, nothing new"].filter((id) => id.startsWith("d|")), [], "no empty digests");
});

test("job: a chat that blocked the bot stops its subscriptions; a migrated group takes them along", async (t) => {
  const dir = await mkdtemp(join(tmpdir(), "parley-refusal-"));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const subscriptions = FileSubscriptionStore.open(join(dir, "subscriptions.json"));
  const prefs = FileChatPrefsStore.open(join(dir, "chats.json"));
  await subscriptions.upsert(sub(7));
  await subscriptions.upsert(sub(-100, { chatType: "group" }));
  await prefs.set(-100, { lang: "uk" });
  const { handleRefusal } = await import("../../src/jobs.ts");
  const onRefusal = handleRefusal({ subscriptions, prefs, log: memoryLog() });
  const message = (chatId: number) => ({ id: "x", chatId, text: "", subscriptionKey: String(chatId) });
  await onRefusal({ kind: "blocked", message: message(7), description: "Forbidden: bot was blocked by the user" });
  assert.equal(subscriptions.get("7")?.active, false);
  await onRefusal({ kind: "migrated", message: message(-100), newChatId: -1001, description: "group chat was upgraded to a supergroup chat" });
  assert.equal(subscriptions.get("-100"), undefined);
  assert.equal(subscriptions.get("-1001")?.active, true);
  assert.equal(prefs.get(-1001).lang, "uk");

  // A deleted forum topic stops that topic's subscription only.
  await subscriptions.upsert(sub(-300, { chatType: "supergroup" }));
  await subscriptions.upsert(sub(-300, { chatType: "supergroup", threadId: 5, key: "-300:5" }));
  await onRefusal({ kind: "topic-gone", message: { id: "y", chatId: -300, threadId: 5, text: "", subscriptionKey: "-300:5" }, description: "Bad Request: message thread not found" });
  assert.equal(subscriptions.get("-300:5")?.active, false);
  assert.equal(subscriptions.get("-300:5")?.inactiveReason, "topic deleted");
  assert.equal(subscriptions.get("-300")?.active, true);
});

test("job: ticks never overlap, and requests made during a tick bring one more tick, not one each", async () => {
  const started: number[] = [];
  let running = 0;
  let overlapped = false;
  const gates: (() => void)[] = [];
  const ticks = new TickRunner(
    () => {
      if (running) overlapped = true;
      running++;
      started.push(started.length + 1);
      return new Promise<void>((resolve) =>
        gates.push(() => {
          running--;
          resolve();
        }),
      );
    },
    (err) => assert.fail(String(err)),
  );
  const settled = async () => {
    for (let i = 0; i < 10; i++) await new Promise((r) => setImmediate(r));
  };
  ticks.request();
  await settled();
  assert.equal(started.length, 1, "a request with no tick running starts one");
  // A burst of writes (the bot's, the watcher's, the cron's) while the tick runs.
  for (let i = 0; i < 20; i++) ticks.request();
  await settled();
  assert.equal(started.length, 1, "no second tick while the first runs");
  gates.shift()!();
  await settled();
  assert.equal(started.length, 2, "the burst became one more tick");
  gates.shift()!();
  await settled();
  assert.equal(started.length, 2, "and no more after it");
  assert.equal(overlapped, false);

  // tick() (start-up, tests) waits for the running tick and the one owed, then runs its own.
  ticks.request();
  ticks.request();
  await settled();
  const own = ticks.now();
  await settled();
  assert.equal(started.length, 3);
  gates.shift()!();
  await settled();
  assert.equal(started.length, 4, "the owed tick");
  gates.shift()!();
  await settled();
  assert.equal(started.length, 5, "then tick()'s own");
  gates.shift()!();
  await own;
  assert.equal(overlapped, false);

  // After stop() nothing owed runs.
  ticks.request();
  ticks.request();
  const stopping = ticks.stop();
  gates.shift()!();
  await stopping;
  await settled();
  assert.equal(started.length, 6);
});

test("job: a change to events.json, by rename (the writers) or in place (an editor), is noticed without a cron tick", async (t) => {
  const dir = await mkdtemp(join(tmpdir(), "parley-watch-"));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const file = join(dir, "events.json");
  await writeFileAsync(file, "{}");
  let notice: () => void = () => {};
  let noticed = 0;
  const log = memoryLog();
  const watcher = watchRecord(
    file,
    () => {
      noticed++;
      notice();
    },
    log,
  );
  t.after(() => watcher.close());
  const next = () => new Promise<void>((resolve) => (notice = resolve));

  // As RecordWriter and `npm run events` write: a temporary file, then a rename over the record.
  let seen = next();
  await writeFileAsync(join(dir, ".events.json.tmp"), '{"v":1}');
  await rename(join(dir, ".events.json.tmp"), file);
  await seen;
  // Watching the folder, not the inode: the second replacement is noticed as well.
  seen = next();
  await writeFileAsync(join(dir, ".events.json.tmp"), '{"v":2}');
  await rename(join(dir, ".events.json.tmp"), file);
  await seen;
  // An editor saving in place.
  seen = next();
  await writeFileAsync(file, '{"v":3}');
  await seen;
  assert.ok(noticed >= 3);
  assert.deepEqual(log.lines, [], "no warnings");
});
