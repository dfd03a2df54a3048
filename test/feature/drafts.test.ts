// Drafts from news reports, in the bot's own process: a report reaches the intake (as the feed
// poller hands it over, or as an editor forwards, links or pastes it), every editor gets the
// draft in their language with its evidence and buttons, and one editor's decision closes it
// for all. Publish writes through the one writer: the record file and the audit log are read
// back. Reports are the labelled corpus's articles (test/corpus/ingest/) or short inline texts.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { IncomingArticle } from "../../src/ingest/incoming.ts";
import type { IntakeReport } from "../../src/drafts/intake.ts";
import { draftButton } from "../../src/present/callbacks.ts";
import { entry, recordWithUpcomingRound, TRACKS } from "../support/fixtures.ts";
import { InProcessParley, type Outgoing, startParley } from "../support/in-process.ts";
import { loadCorpus } from "../support/ingest-corpus.ts";
import { buttonPress, forwardedPost } from "../support/updates.ts";

const erin = { id: 601, first_name: "Erin", last_name: "Editor", username: "erin_ed", language_code: "en" };
const boris = { id: 602, first_name: "Борис", language_code: "ru" };
const reader = { id: 603, first_name: "Ann", language_code: "en" };
const EDITORS = [erin.id, boris.id];
const NOW = "2025-04-08T09:00:00Z";

const corpus = loadCorpus();
function article(name: string, over: Partial<IncomingArticle> = {}): IncomingArticle {
  const a = corpus.find((c) => c.name.startsWith(name));
  if (!a) throw new Error(`no corpus article ${name}`);
  return { id: `feed:${name}`, text: a.text, published: a.labels.published, origin: { kind: "feed", feedId: "test" }, ...over };
}

const ROUND_1 = entry({ id: "istanbul-round-1", sequence: 1, place: { city: { en: "Istanbul", ru: "Стамбул", uk: "Стамбул" } } });
const PUBLISH = [["✅ Publish", "✏️ Edit"], ["❌ Reject", "🚫 Not relevant"]];

function sentTo(seen: Outgoing[], chatId: number, method = "sendMessage"): Outgoing[] {
  return seen.filter((o) => o.chatId === chatId && o.method === method);
}

/** The message as the user sees it now, with its buttons. */
function current(parley: InProcessParley, chatId: number, messageId: number) {
  const m = parley.telegram.messagesIn(chatId).find((x) => x.message_id === messageId)!;
  return { text: m.message.text ?? "", buttons: parley.telegram.buttons({ chat_id: chatId, message_id: messageId }).map((b) => b.text) };
}

function readAudit(parley: InProcessParley): { action: string; id: string; actor: { kind: string; id?: number; name: string; source?: string[] } }[] {
  return readFileSync(join(parley.dir, "state", "audit.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l));
}

function readEntries(parley: InProcessParley): { id: string; [k: string]: unknown }[] {
  return JSON.parse(readFileSync(parley.recordFile!, "utf8")).entries;
}

describe("a new event reported by the news", () => {
  let parley: InProcessParley;
  let received: IntakeReport;
  let seen: Outgoing[];
  before(async () => {
    parley = await startParley(undefined, { now: NOW, adminIds: EDITORS, desk: { log: { tracks: TRACKS, entries: [ROUND_1] } } });
    for (const u of [erin, boris, reader]) parley.telegram.addPrivateChat(u);
    // Boris has written to the bot before: his Telegram speaks Russian.
    await parley.say(boris, "/help");
    ({ result: received, seen } = await parley.during(() => parley.ingestion!.intake.receive(article("en-01", { url: "https://www.reuters.com/world/round-2?utm_source=feed", outlet: "Reuters" }))));
  });
  after(() => parley.close());

  test("every editor gets the draft, in their language, with the evidence, the report and the four buttons", () => {
    assert.equal(received.relevant, true);
    assert.deepEqual(received.effects, [{ effect: "created", draftId: "d1" }]);
    const [en] = sentTo(seen, erin.id);
    assert.match(en.text, /^📰 Draft d1 · new entry/);
    assert.match(en.text, /Russia, US to hold second round of embassy talks in Istanbul on Thursday/);
    assert.match(en.text, /📅 10 April 2025, 10:00 \(Europe\/Istanbul\) = 10\.04 07:00 \(UTC\) · Round · scheduled/);
    assert.match(en.text, /Evidence\n• Kind: “Russia, US to hold second round/);
    assert.match(en.text, /• Date: “Russia, US to hold second round of embassy talks in Istanbul on Thursday”/);
    assert.match(en.text, /Sources\n1\. Reuters \(2025-04-08, en\)\n/);
    assert.match(en.source!, /href="https:\/\/www\.reuters\.com\/world\/round-2\?utm_source=feed"/);
    // The time and its zone come from one sentence: it is quoted once.
    assert.equal(en.text.split("• Time:").length, 2);
    assert.deepEqual(en.buttons, PUBLISH);
    const [ru] = sentTo(seen, boris.id);
    assert.match(ru.text, /^📰 Черновик d1 · новая запись/);
    assert.match(ru.text, /Откуда взято/);
    assert.deepEqual(ru.buttons, [["✅ Опубликовать", "✏️ Править"], ["❌ Отклонить", "🚫 Не по теме"]]);
    assert.deepEqual(sentTo(seen, reader.id), [], "readers get nothing");
  });

  test("the same event from two more outlets: one draft, three reports; the copies are edited, nothing is sent again", async () => {
    const { result: ru, seen: s2 } = await parley.during(() => parley.ingestion!.intake.receive(article("ru-01", { url: "https://tass.ru/politika/1", outlet: "ТАСС" })));
    const { result: uk, seen: s3 } = await parley.during(() => parley.ingestion!.intake.receive(article("uk-01", { url: "https://www.ukrinform.ua/rubric-polytics/2", outlet: "Укрінформ" })));
    assert.deepEqual(ru.effects, [{ effect: "merged", draftId: "d1" }]);
    // Ukrinform also mentions the first round, which the record holds as it is.
    assert.deepEqual(uk.effects, [
      { effect: "merged", draftId: "d1" },
      { effect: "known", entryId: "istanbul-round-1" },
    ]);
    for (const s of [s2, s3]) assert.deepEqual(s.filter((o) => o.method === "sendMessage"), [], "no new message");
    assert.deepEqual(sentTo(s3, erin.id, "editMessageText").length, 1);
    const [copy] = sentTo(seen, erin.id);
    const now = current(parley, erin.id, copy.messageId!);
    assert.match(now.text, /Sources\n1\. Reuters \(2025-04-08, en\)\n2\. ТАСС \(2025-04-08, ru\)\n3\. Укрінформ \(2025-04-08, uk\)/);
    assert.deepEqual(now.buttons, PUBLISH.flat());
    const [borisCopy] = sentTo(seen, boris.id);
    assert.match(current(parley, boris.id, borisCopy.messageId!).text, /Источники\n1\. Reuters .*\n2\. ТАСС .*\n3\. Укрінформ /);
  });

  test("the same report again, by id or by its link, changes nothing", async () => {
    const again = await parley.during(() => parley.ingestion!.intake.receive(article("en-01", { url: "https://reuters.com/world/round-2/" })));
    assert.equal(again.result.duplicate, true);
    assert.deepEqual(again.seen, []);
    const byLink = await parley.during(() => parley.ingestion!.intake.receive(article("en-01", { id: "other-feed:guid-9", url: "http://www.reuters.com/world/round-2#top" })));
    assert.equal(byLink.result.duplicate, true);
    assert.deepEqual(byLink.seen, []);
  });

  test("a reader pressing Publish on a forwarded draft is refused, and nothing changes", async () => {
    const before = readFileSync(parley.recordFile!, "utf8");
    const forwarded = parley.telegram.addPrivateChat(reader);
    const message = { message_id: 42, date: 0, chat: { id: forwarded.id, type: "private", first_name: "Ann" }, text: "Draft d1" };
    const [answer, ...more] = await parley.send(buttonPress(reader, message as never, draftButton.pack({ action: "publish", id: "d1" })));
    assert.equal(answer.method, "answerCallbackQuery");
    assert.equal(answer.text, "Only Parley's editors decide on drafts, in their private chat with the bot. Nothing was changed.");
    assert.equal(answer.showAlert, true);
    assert.deepEqual(more, []);
    assert.equal(readFileSync(parley.recordFile!, "utf8"), before);
    assert.equal(parley.ingestion!.deps.store.get("d1")!.status, "pending");
  });

  test("Publish: the entry is written by the one writer, the audit names the editor and the reports, every copy says who published it", async () => {
    const [copy] = sentTo(seen, erin.id);
    const out = await parley.press(erin, copy, "✅ Publish");
    const d = parley.ingestion!.deps.store.get("d1")!;
    assert.equal(d.status, "published");
    const id = d.entryId!;
    assert.match(id, /-2025-04-10$/);
    const answer = out.find((o) => o.method === "answerCallbackQuery")!;
    assert.equal(answer.text, `Published as ${id}. Subscribers get the digest now.`);

    const written = readEntries(parley).find((e) => e.id === id)!;
    assert.deepEqual(
      { track: written.track, kind: written.kind, status: written.status, date: written.date, time: written.time, timezone: written.timezone, sequence: written.sequence },
      { track: "embassy-operations", kind: "round", status: "scheduled", date: "2025-04-10", time: "10:00", timezone: "Europe/Istanbul", sequence: 2 },
    );
    assert.deepEqual(
      (written.sources as { url?: string }[]).map((s) => s.url),
      ["https://www.reuters.com/world/round-2?utm_source=feed", "https://tass.ru/politika/1", "https://www.ukrinform.ua/rubric-polytics/2"],
    );
    assert.deepEqual((written.participants as { name: { ru?: string } }[]).map((p) => p.name.ru), ["Александр Дарчиев", "Соната Коултер"]);
    const [audit] = readAudit(parley);
    assert.deepEqual(audit.actor, {
      kind: "telegram",
      id: erin.id,
      name: "Erin Editor (@erin_ed)",
      source: ["https://www.reuters.com/world/round-2?utm_source=feed", "https://tass.ru/politika/1", "https://www.ukrinform.ua/rubric-polytics/2"],
    });
    assert.equal(audit.action, "add");

    const mine = current(parley, erin.id, copy.messageId!);
    assert.match(mine.text, new RegExp(`✅ Published by Erin Editor \\(@erin_ed\\) as ${id}\\.$`));
    assert.deepEqual(mine.buttons, []);
    const [borisCopy] = sentTo(seen, boris.id);
    const his = current(parley, boris.id, borisCopy.messageId!);
    assert.match(his.text, new RegExp(`✅ Опубликовал\\(а\\) Erin Editor \\(@erin_ed\\) как ${id}\\.$`));
    assert.deepEqual(his.buttons, []);
    // /event shows it at once: the record was reloaded.
    const [shown] = await parley.say(reader, `/event ${id}`);
    assert.match(shown.text, /Russia, US to hold second round/);
  });

  test("a button of a decided draft answers who decided it", async () => {
    const [borisCopy] = sentTo(seen, boris.id);
    const message = parley.telegram.messagesIn(boris.id).find((m) => m.message_id === borisCopy.messageId)!.message;
    const [answer] = await parley.send(buttonPress(boris, message, draftButton.pack({ action: "reject", id: "d1" })));
    assert.equal(answer.text, "Уже опубликовано: Erin Editor (@erin_ed).");
    assert.equal(parley.ingestion!.deps.store.get("d1")!.status, "published");
    assert.equal(readAudit(parley).length, 1);
  });

  test("a story with the same names about something else: nothing is sent, the reason is kept", async () => {
    const { result, seen: s } = await parley.during(() => parley.ingestion!.intake.receive(article("en-06")));
    assert.equal(result.relevant, false);
    assert.match(result.reason, /China and Russia/);
    assert.deepEqual(s, []);
  });
});

describe("a report on a known round", () => {
  test("before → after, and Publish changes the entry", async (t) => {
    const parley = await startParley(t, { now: "2026-11-20T09:00:00Z", adminIds: [erin.id], desk: { log: recordWithUpcomingRound() } });
    parley.telegram.addPrivateChat(erin);
    const text =
      "Russia-US embassy talks in Istanbul postponed\n\nMOSCOW, Nov 20 (Reuters) - The fourth round of Russian-US consultations on the work of the embassies, scheduled for December 1 in Istanbul, has been postponed, the Russian Foreign Ministry said on Friday.";
    const { result, seen } = await parley.during(() =>
      parley.ingestion!.intake.receive({ id: "feed:r4", text, published: "2026-11-20", url: "https://www.reuters.com/r4", outlet: "Reuters", origin: { kind: "feed", feedId: "reuters" } }),
    );
    assert.deepEqual(result.effects, [{ effect: "created", draftId: "d1" }]);
    const [copy] = sentTo(seen, erin.id);
    assert.match(copy.text, /^📰 Draft d1 · change of embassy-round-4-test/);
    assert.match(copy.text, /Status: scheduled → postponed/);
    assert.match(copy.text, /Sources: \+ Reuters \[en\]/);
    assert.deepEqual(copy.buttons, PUBLISH);

    await parley.press(erin, copy, "✅ Publish");
    const changed = readEntries(parley).find((e) => e.id === "embassy-round-4-test")!;
    assert.equal(changed.status, "postponed");
    assert.deepEqual((changed.sources as { url?: string }[]).map((s) => s.url), ["https://example.org/?a=1&b=2", "https://www.reuters.com/r4"]);
    const [audit] = readAudit(parley);
    assert.equal(audit.action, "update");
    assert.deepEqual(audit.actor.source, ["https://www.reuters.com/r4"]);
    assert.match(current(parley, erin.id, copy.messageId!).text, /✅ Published by Erin Editor \(@erin_ed\) as embassy-round-4-test\.$/);
  });
});

describe("editors' own reports, /drafts, and a restart", () => {
  let parley: InProcessParley;
  const channel = { id: -100777, title: "Ukrinform", username: "ukrinform" };
  before(async () => {
    parley = await startParley(undefined, {
      now: NOW,
      adminIds: EDITORS,
      desk: { log: { tracks: TRACKS, entries: [ROUND_1] }, fetchPage: async (url) => ({ text: corpus.find((c) => c.name.startsWith("ru-16"))!.text, title: "Дмитриев", published: "2025-10-24", outlet: `page of ${url}` }) },
    });
    for (const u of [erin, boris, reader]) parley.telegram.addPrivateChat(u);
  });
  after(() => parley.close());

  test("a forwarded channel post becomes a draft that every editor gets", async () => {
    const post = corpus.find((c) => c.name.startsWith("uk-11"))!.text;
    const seen = await parley.send(forwardedPost(boris, channel, post, { id: 555, date: "2025-04-12T08:00:00Z" }));
    const [toErin] = sentTo(seen, erin.id);
    assert.match(toErin.text, /^📰 Draft d1 · new entry/);
    assert.match(toErin.text, /St Petersburg|Saint Petersburg/);
    assert.match(toErin.text, /Sources\n1\. Ukrinform \(2025-04-12, uk\)/);
    assert.match(toErin.source!, /href="https:\/\/t\.me\/ukrinform\/555"/);
    assert.equal(sentTo(seen, boris.id).length, 1, "the sender gets the draft too, and nothing else");
  });

  test("a pasted article becomes a draft; a short remark and a reader's paste do not", async () => {
    const text = corpus.find((c) => c.name.startsWith("en-17"))!.text;
    const seen = await parley.say(erin, text);
    assert.match(sentTo(seen, erin.id)[0].text, /^📰 Draft d2 · new entry/);
    assert.match(sentTo(seen, boris.id)[0].text, /^📰 Черновик d2 · новая запись/);
    assert.match(sentTo(seen, erin.id)[0].text, /Sent by Erin Editor/);

    const [remark] = await parley.say(erin, "Good morning, anything new?");
    assert.equal(remark.text, "I answer commands. Try /latest or /next, or /help for the full list.");
    const [readers] = await parley.say(reader, text);
    assert.equal(readers.text, "I answer commands. Try /latest or /next, or /help for the full list.");
    assert.equal(parley.ingestion!.deps.store.pending().length, 2);
  });

  test("a link is read from its page", async () => {
    const seen = await parley.say(erin, "https://tass.ru/politika/dmitriev");
    const [draft] = sentTo(seen, erin.id);
    assert.match(draft.text, /^📰 Draft d3 · new entry/);
    assert.match(draft.text, /Miami/);
    assert.match(draft.text, /page of https:\/\/tass\.ru\/politika\/dmitriev/);
  });

  test("in the middle of /add, a pasted article is the answer to the question, not a report", async () => {
    const pending = parley.ingestion!.deps.store.pending().length;
    await parley.say(erin, "/add");
    const text = corpus.find((c) => c.name.startsWith("en-09"))!.text;
    const seen = await parley.say(erin, text);
    // The series question read it as a new series' id and title, and says how to write one.
    assert.equal(seen.length, 1);
    assert.equal(seen[0].text, "Send a short id (a–z, 0–9 and “-”), a space, then the title, e.g. arms-control Arms control talks.");
    assert.deepEqual(sentTo(seen, boris.id), []);
    assert.equal(parley.ingestion!.deps.store.pending().length, pending);
    const [cancelled] = await parley.say(erin, "/cancel");
    assert.equal(cancelled.text, "Cancelled. Nothing was written.");
  });

  test("a feed that has failed for a day is reported to every editor, in their language", async () => {
    await parley.say(boris, "/lang ru");
    const { seen } = await parley.during(() =>
      parley.ingestion!.notifyFeedDown({ feedId: "tass-en", outlet: "TASS", url: "https://tass.com/rss/v2.xml", failingSince: "2025-04-07T06:00:00Z", lastError: "HTTP 503 Service Unavailable" }),
    );
    assert.deepEqual(seen.map((o) => o.chatId), [erin.id, boris.id]);
    assert.equal(seen[0].text, "⚠️ The feed TASS (tass-en) has failed since 7 April 2025, 06:00: HTTP 503 Service Unavailable. Check its address in data/sources.json.");
    assert.match(seen[1].text, /^⚠️ Лента TASS \(tass-en\) не работает с 7 апреля 2025/);
  });

  test("a report that is not about a contact is answered with the reason", async () => {
    const text = corpus.find((c) => c.name.startsWith("ru-05"))!.text;
    const seen = await parley.say(erin, text);
    assert.equal(seen.length, 1);
    assert.match(seen[0].text, /^Not about a contact between the parties: .+\. No draft was made\.$/);
  });

  test("a draft without a series cannot be published: the editor is told why, and it stays pending", async () => {
    const { result, seen } = await parley.during(() => parley.ingestion!.intake.receive(article("ru-21", { url: "https://ria.ru/riyadh", outlet: "РИА Новости" })));
    const id = result.draftIds[0];
    const [copy] = sentTo(seen, erin.id);
    assert.match(copy.text, /As it stands the record would refuse this entry; use Edit to complete it:\n• events\.json/);
    const out = await parley.press(erin, copy, "✅ Publish");
    assert.equal(out.find((o) => o.method === "answerCallbackQuery")!.text, "Not published: see the reasons below.");
    const told = out.find((o) => o.method === "sendMessage")!;
    assert.match(told.text, /^Nothing was written: the record refused this draft as it stands\. Press ✏️ Edit under the draft/);
    assert.match(told.text, /track/);
    assert.equal(parley.ingestion!.deps.store.get(id)!.status, "pending");
    assert.deepEqual(current(parley, erin.id, copy.messageId!).buttons, PUBLISH.flat());
  });

  test("Edit continues in /add with the draft's values: only the series is asked, then the preview", async () => {
    const id = parley.ingestion!.deps.store.pending()[0].id;
    const copy = parley.ingestion!.deps.store.get(id)!.copies.find((c) => c.chatId === erin.id)!;
    const out = await parley.press(erin, { chatId: copy.chatId, messageId: copy.messageId }, "✏️ Edit");
    const [intro, series] = out.filter((o) => o.method === "sendMessage");
    assert.match(intro.text, new RegExp(`^Draft ${id} in the /add dialogue\\.`));
    assert.match(series.text, /Which series does the entry belong to/);
    const [preview] = (await parley.press(erin, series, "Leaders")).filter((o) => o.method === "sendMessage");
    assert.match(preview.text, /Preview/);
    assert.match(preview.text, /Riyadh/);
    const published = await parley.press(erin, preview, "✅ Publish");
    assert.match(published.find((o) => o.method === "sendMessage")!.text, /^Published: /);
    const d = parley.ingestion!.deps.store.get(id)!;
    assert.equal(d.status, "published");
    assert.match(current(parley, erin.id, copy.messageId).text, /✅ Published by Erin Editor \(@erin_ed\) as /);
    assert.deepEqual(current(parley, erin.id, copy.messageId).buttons, []);
  });

  test("/drafts lists the pending drafts, newest first, and marks those whose date has passed", async () => {
    const [list] = await parley.say(erin, "/drafts");
    assert.match(list.text, /^3 drafts wait for a decision/);
    const ids = [...list.text.matchAll(/^(d\d+) · /gm)].map((m) => m[1]);
    assert.deepEqual(ids, ["d3", "d2", "d1"]);
    // The St Petersburg meeting of 11 April is still ahead of "today", 8 April; nothing is stale.
    assert.doesNotMatch(list.text, /date has passed/);
    assert.deepEqual(list.buttons[0].length, 2);
    const opened = await parley.press(erin, list, list.buttons[0][0]);
    assert.match(opened.find((o) => o.method === "sendMessage")!.text, /^📰 Draft d3 · new entry/);

    const [refused] = await parley.say(reader, "/drafts");
    assert.match(refused.text, /only editors|только редакторы|only Parley's editors/i);
  });

  test("after a restart the drafts are still there, and the same report again changes nothing", async () => {
    await parley.stop();
    const again = new InProcessParley({ now: "2025-05-01T09:00:00Z", adminIds: EDITORS, desk: { log: { tracks: TRACKS, entries: [ROUND_1] } }, dir: parley.dir }, parley.telegram);
    await again.bot.init();
    const [list] = await again.say(erin, "/drafts");
    assert.match(list.text, /^3 drafts wait for a decision/);
    // Now 1 May: the meeting of 11 April and the round of 24 March are past; June is not.
    assert.match(list.text, /d1 · 11 April 2025 · Meeting · St Petersburg · ⚠️ its date has passed/);
    assert.match(list.text, /d2 · June 2025 · Round · Moscow\n/);
    // The forwarded post, taken before the restart under its Telegram id, comes again.
    const forwarded = Object.keys(again.ingestion!.deps.store.store.data.articles).find((id) => id.startsWith(`tg:${boris.id}:`))!;
    const post = corpus.find((c) => c.name.startsWith("uk-11"))!.text;
    const { result, seen } = await again.during(() => again.ingestion!.intake.receive({ id: forwarded, text: post, origin: { kind: "editor", userId: boris.id, chatId: boris.id, messageId: 1 } }));
    assert.equal(result.duplicate, true);
    assert.deepEqual(seen, []);
    assert.equal(again.ingestion!.deps.store.pending().length, 3);
    await again.stop();
  });
});

// ---- A change draft: Edit in /update, and an entry that changed meanwhile ------------------------

const dan = { id: 604, first_name: "Dan", last_name: "Desk", language_code: "en" };
const ROUND_4 = "embassy-round-4-test";
const POSTPONED =
  "Russia-US embassy talks in Istanbul postponed\n\nMOSCOW, Nov 20 (Reuters) - The fourth round of Russian-US consultations on the work of the embassies, scheduled for December 1 in Istanbul, has been postponed, the Russian Foreign Ministry said on Friday.";
const CHANGE_BUTTONS = [["💾 Save", "✏️ Change a field", "✖️ Cancel"]];

/** The round-4 record, two editors, and the postponement report taken: its draft d1 as each editor got it. */
async function postponementDraft(t: Parameters<typeof startParley>[0]) {
  const parley = await startParley(t, { now: "2026-11-20T09:00:00Z", adminIds: [erin.id, dan.id], desk: { log: recordWithUpcomingRound() } });
  for (const u of [erin, dan]) parley.telegram.addPrivateChat(u);
  const { result, seen } = await parley.during(() =>
    parley.ingestion!.intake.receive({ id: "feed:r4", text: POSTPONED, published: "2026-11-20", url: "https://www.reuters.com/r4", outlet: "Reuters", origin: { kind: "feed", feedId: "reuters" } }),
  );
  assert.deepEqual(result.effects, [{ effect: "created", draftId: "d1" }]);
  return { parley, erinCopy: sentTo(seen, erin.id)[0], danCopy: sentTo(seen, dan.id)[0] };
}

function round4(parley: InProcessParley) {
  return readEntries(parley).find((e) => e.id === ROUND_4)!;
}

/** Another editor's /update: one of its buttons, then Save. */
async function updateByHand(parley: InProcessParley, who: typeof dan, button: string, answers: string[] = []) {
  const [what] = await parley.say(who, `/update ${ROUND_4}`);
  let last = (await parley.press(who, what, button)).filter((o) => o.method === "sendMessage").at(-1)!;
  for (const a of answers) last = (await parley.say(who, a)).at(-1)!;
  const saved = await parley.press(who, last, "💾 Save");
  assert.match(saved.at(-1)!.text, new RegExp(`^Saved: ${ROUND_4}\\.`));
}

describe("Edit on a proposed change continues in /update, prefilled", () => {
  test("the editor sees the proposed before → after at once; Cancel writes nothing and the draft stays", async (t) => {
    const { parley, erinCopy } = await postponementDraft(t);
    const before = readFileSync(parley.recordFile!, "utf8");
    const out = await parley.press(erin, erinCopy, "✏️ Edit");
    const [intro, preview] = out.filter((o) => o.method === "sendMessage");
    assert.equal(intro.text, `The change of ${ROUND_4} proposed by draft d1 continues in /update: save it as it is, change a field, or cancel. The draft is closed when you save.`);
    assert.match(preview.text, new RegExp(`^Changes to ${ROUND_4} \\(before → after\\):\n\nStatus: scheduled → postponed\nSources: \\+ Reuters \\[en\\]$`));
    assert.deepEqual(preview.buttons, CHANGE_BUTTONS);
    const [cancelled] = (await parley.press(erin, preview, "✖️ Cancel")).filter((o) => o.method === "sendMessage");
    assert.equal(cancelled.text, "Cancelled. Nothing was written.");
    assert.equal(readFileSync(parley.recordFile!, "utf8"), before);
    assert.equal(parley.ingestion!.deps.store.get("d1")!.status, "pending");
    assert.deepEqual(current(parley, erin.id, erinCopy.messageId!).buttons, PUBLISH.flat());
  });

  test("saved as it is: the entry changes as Publish would, and the draft is closed for every editor as published by that editor", async (t) => {
    const { parley, erinCopy, danCopy } = await postponementDraft(t);
    const preview = (await parley.press(erin, erinCopy, "✏️ Edit")).filter((o) => o.method === "sendMessage").at(-1)!;
    const saved = (await parley.press(erin, preview, "💾 Save")).filter((o) => o.method === "sendMessage");
    assert.match(saved.at(-1)!.text, new RegExp(`^Saved: ${ROUND_4}\\.`));
    const e = round4(parley);
    assert.equal(e.status, "postponed");
    assert.deepEqual((e.sources as { url?: string }[]).map((s) => s.url), ["https://example.org/?a=1&b=2", "https://www.reuters.com/r4"]);
    const [audit] = readAudit(parley);
    assert.equal(audit.action, "update");
    assert.deepEqual(audit.actor, { kind: "telegram", id: erin.id, name: "Erin Editor (@erin_ed)", source: ["https://www.reuters.com/r4"] });
    const d = parley.ingestion!.deps.store.get("d1")!;
    assert.equal(d.status, "published");
    for (const [who, copy] of [[erin, erinCopy], [dan, danCopy]] as const) {
      const now = current(parley, who.id, copy.messageId!);
      assert.match(now.text, new RegExp(`✅ Published by Erin Editor \\(@erin_ed\\) as ${ROUND_4}\\.$`));
      assert.deepEqual(now.buttons, []);
    }
  });

  test("a field changed in the dialogue: the preview shows the proposal with that change, and that is what is saved", async (t) => {
    const { parley, erinCopy } = await postponementDraft(t);
    const preview = (await parley.press(erin, erinCopy, "✏️ Edit")).filter((o) => o.method === "sendMessage").at(-1)!;
    const [what] = (await parley.press(erin, preview, "✏️ Change a field")).filter((o) => o.method === "sendMessage");
    assert.match(what.text, /What has changed\?/);
    const [askDate] = (await parley.press(erin, what, "📅 New date or time")).filter((o) => o.method === "sendMessage");
    assert.match(askDate.text, /^When\?/);
    const [askTime] = await parley.say(erin, "2026-12-15");
    assert.match(askTime.text, /^At what time/);
    const again = (await parley.say(erin, "11:00 Europe/Istanbul")).at(-1)!;
    assert.match(again.text, new RegExp(`^Changes to ${ROUND_4} \\(before → after\\):\n\nStatus: scheduled → postponed\nDate: 1 December 2026, 10:00 .*→ 15 December 2026, 11:00 .*\nSources: \\+ Reuters \\[en\\]$`));
    assert.deepEqual(again.buttons, CHANGE_BUTTONS);
    await parley.press(erin, again, "💾 Save");
    const e = round4(parley);
    assert.deepEqual([e.status, e.date, e.time, e.timezone], ["postponed", "2026-12-15", "11:00", "Europe/Istanbul"]);
    assert.equal(parley.ingestion!.deps.store.get("d1")!.status, "published");
    assert.equal(readAudit(parley).length, 1, "one write");
  });
});

describe("a proposed change of an entry that changed after the draft was made", () => {
  test("changed where the draft does not touch: the draft shows what changed, and Publish applies the change to the entry as it is now", async (t) => {
    const { parley, erinCopy } = await postponementDraft(t);
    await updateByHand(parley, dan, "📅 New date or time", ["2026-12-08", "10:00 Europe/Istanbul"]);
    const [list] = await parley.say(erin, "/drafts");
    const opened = (await parley.press(erin, list, list.buttons[0][0])).find((o) => o.method === "sendMessage")!;
    assert.match(opened.text, /^📰 Draft d1 · change of embassy-round-4-test/);
    assert.match(opened.text, /Status: scheduled → postponed/);
    assert.match(opened.text, /⚠️ The entry changed since this draft was made:\nDate: 1 December 2026, 10:00 .*→ 8 December 2026, 10:00 /);
    assert.match(opened.text, /The draft does not touch what changed: Publish applies it to the entry as it is now\./);

    const out = await parley.press(erin, opened, "✅ Publish");
    assert.equal(out.find((o) => o.method === "answerCallbackQuery")!.text, `Published as ${ROUND_4}. Subscribers get the digest now.`);
    const e = round4(parley);
    assert.deepEqual([e.status, e.date], ["postponed", "2026-12-08"], "Dan's date stays; the draft's status is applied");
    assert.match(current(parley, erin.id, erinCopy.messageId!).text, /✅ Published by Erin Editor/);
  });

  test("changed where the draft would change it again: Publish is refused with the reason, nothing is written, every copy shows both", async (t) => {
    const { parley, erinCopy, danCopy } = await postponementDraft(t);
    await updateByHand(parley, dan, "🚫 Called off");
    const before = readFileSync(parley.recordFile!, "utf8");
    const out = await parley.press(erin, erinCopy, "✅ Publish");
    assert.equal(out.find((o) => o.method === "answerCallbackQuery")!.text, "Not published: see the reasons below.");
    assert.equal(
      out.filter((o) => o.method === "sendMessage").at(-1)!.text,
      "Nothing was written: since draft d1 was made, another edit changed what it would change (Status), and publishing it would undo that edit. The draft now shows both; press ✏️ Edit to redo the change on the entry as it is now, or ❌ Reject.",
    );
    assert.equal(readFileSync(parley.recordFile!, "utf8"), before);
    assert.equal(round4(parley).status, "cancelled");
    assert.equal(parley.ingestion!.deps.store.get("d1")!.status, "pending");
    for (const [who, copy] of [[erin, erinCopy], [dan, danCopy]] as const) {
      const now = current(parley, who.id, copy.messageId!);
      assert.match(now.text, /Status: cancelled → postponed/, "before → after against the entry as it is now");
      assert.match(now.text, /⚠️ The entry changed since this draft was made:\nStatus: scheduled → cancelled/);
      assert.match(now.text, /⛔ Publish would overwrite that change \(Status\), so it is refused\./);
      assert.deepEqual(now.buttons, PUBLISH.flat(), "still pending: Edit or Reject decide it");
    }
    // Edit redoes it on the entry as it is now.
    const preview = (await parley.press(erin, erinCopy, "✏️ Edit")).filter((o) => o.method === "sendMessage").at(-1)!;
    assert.match(preview.text, /Status: cancelled → postponed/);
  });

  test("the entry was removed: the draft says so and Publish is refused with the reason", async (t) => {
    const { parley, erinCopy } = await postponementDraft(t);
    // A hand edit of the file: the entry is gone.
    const file = JSON.parse(readFileSync(parley.recordFile!, "utf8"));
    file.entries = file.entries.filter((e: { id: string }) => e.id !== ROUND_4);
    writeFileSync(parley.recordFile!, JSON.stringify(file, null, 2));
    const before = readFileSync(parley.recordFile!, "utf8");
    const out = await parley.press(erin, erinCopy, "✅ Publish");
    assert.equal(out.find((o) => o.method === "answerCallbackQuery")!.text, "Not published: see the reasons below.");
    assert.equal(
      out.filter((o) => o.method === "sendMessage").at(-1)!.text,
      `Nothing was written: the entry ${ROUND_4} that draft d1 changes is no longer in the record. Reject the draft, or /add the event anew.`,
    );
    assert.equal(readFileSync(parley.recordFile!, "utf8"), before);
    const now = current(parley, erin.id, erinCopy.messageId!);
    assert.match(now.text, /Embassy talks, round 4 <test>\n⚠️ The entry this draft changes is no longer in the record \(it was removed since the draft was made\)/);
    assert.doesNotMatch(now.text, /Status: scheduled → postponed/);
    const [edit] = (await parley.press(erin, erinCopy, "✏️ Edit")).filter((o) => o.method === "sendMessage");
    assert.match(edit.text, /^Nothing was written: the entry embassy-round-4-test that draft d1 changes is no longer in the record/);
    const rejected = await parley.press(erin, erinCopy, "❌ Reject");
    assert.equal(rejected.find((o) => o.method === "answerCallbackQuery")!.text, "Rejected.");
  });
});

// ---- /drafts, page by page -------------------------------------------------------------------

describe("/drafts pages", () => {
  /** A report of a Geneva meeting on `day`, published on `published`: a draft of its own. */
  function geneva(n: number, day: string, published: string): IncomingArticle {
    const when = new Date(`${day}T00:00:00Z`).toLocaleDateString("en-US", { month: "long", day: "numeric", timeZone: "UTC" });
    const [, month, date] = /(\w+) (\d+)/.exec(new Date(`${published}T00:00:00Z`).toLocaleDateString("en-US", { month: "long", day: "numeric", timeZone: "UTC" }))!;
    const text = `Russia, US diplomats to meet in Geneva on ${when}\n\nMOSCOW, ${month} ${date} (Reuters) - Russian and US diplomats will meet in Geneva on ${when} to discuss the work of their embassies, Russian Deputy Foreign Minister Sergei Ryabkov told reporters.`;
    return { id: `feed:geneva-${n}`, text, published, url: `https://www.reuters.com/geneva-${n}`, outlet: "Reuters", origin: { kind: "feed", feedId: "reuters" } };
  }

  test("eight a page, newest first; the pages move both ways, Open opens the draft it names, and a stale draft is marked in the list and in itself", async (t) => {
    const parley = await startParley(t, { now: NOW, adminIds: [erin.id], desk: { log: { tracks: TRACKS, entries: [] } } });
    parley.telegram.addPrivateChat(erin);
    // d1: reported on 1 April for 3 April, already past on 8 April. d2–d10: weeks apart, ahead.
    await parley.during(() => parley.ingestion!.intake.receive(geneva(1, "2025-04-03", "2025-04-01")));
    for (let n = 2; n <= 10; n++) {
      const day = new Date(Date.parse("2025-04-20T00:00:00Z") + (n - 2) * 7 * 86_400_000).toISOString().slice(0, 10);
      await parley.during(() => parley.ingestion!.intake.receive(geneva(n, day, "2025-04-08")));
    }
    const pending = parley.ingestion!.deps.store.pending();
    assert.equal(pending.length, 10, "ten drafts, none merged");
    const titleOf = (id: string) => parley.ingestion!.deps.store.get(id)!.proposal.reading.title;

    const [first] = await parley.say(erin, "/drafts");
    assert.match(first.text, /^10 drafts wait for a decision/);
    const ids = (text: string) => [...text.matchAll(/^(d[0-9a-z]+) · /gm)].map((m) => m[1]);
    assert.deepEqual(ids(first.text), ["da", "d9", "d8", "d7", "d6", "d5", "d4", "d3"]);
    assert.doesNotMatch(first.text, /date has passed/);
    assert.deepEqual(first.buttons.length, 5);
    assert.deepEqual(first.buttons.at(-1), ["Older →"]);
    assert.deepEqual(first.buttons.slice(0, 4).flat().map((b) => b.split(" · ")[0]), ["da", "d9", "d8", "d7", "d6", "d5", "d4", "d3"]);

    // The third Open button opens d8, and its title is d8's.
    const opened = (await parley.press(erin, first, first.buttons[1][0])).find((o) => o.method === "sendMessage")!;
    assert.match(opened.text, /^📰 Draft d8 · new entry\n/);
    assert.ok(opened.text.includes(titleOf("d8")));
    assert.match(titleOf("d8"), /June 1$/);

    const older = await parley.press(erin, first, "Older →");
    assert.deepEqual(older.filter((o) => o.method === "sendMessage"), [], "the list is edited in place");
    const second = current(parley, erin.id, first.messageId!);
    assert.deepEqual(ids(second.text), ["d2", "d1"]);
    assert.match(second.text, /d1 · 3 April 2025 · Round · Geneva · ⚠️ its date has passed\n/);
    assert.match(second.text, /d2 · 20 April 2025 · Round · Geneva\n/);
    assert.deepEqual(second.buttons.map((b) => b.split(" · ")[0]), ["d2", "d1", "← Newer"]);

    const stale = (await parley.press(erin, first, second.buttons[1])).find((o) => o.method === "sendMessage")!;
    assert.match(stale.text, /^📰 Draft d1 · new entry · ⚠️ its date has passed\n/);
    assert.ok(stale.text.includes(titleOf("d1")));
    assert.deepEqual(stale.buttons, PUBLISH);

    await parley.press(erin, first, "← Newer");
    assert.deepEqual(ids(current(parley, erin.id, first.messageId!).text), ["da", "d9", "d8", "d7", "d6", "d5", "d4", "d3"]);
  });
});
