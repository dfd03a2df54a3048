// The editorial desk end to end: the real bot process (ADMIN_IDS set) against the Bot API
// emulator. An editor adds an entry by answering questions and pressing buttons (with one wrong
// answer on the way), publishes it, changes it with /update and reads /history; a restart in
// the middle of /add continues at the same question; /cancel writes nothing; readers who are
// not editors are refused. Assertions are on what the users see and on the files on disk.
import assert from "node:assert/strict";
import { copyFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { makeDataDir, removeDataDir, startBot, type BotProcess } from "../support/bot-process.ts";
import * as conversation from "../support/conversation.ts";
import { startEmulator, type CallRecord, type Emulator, type SentRecord } from "../support/emulator.ts";

// "Today" for the bot is 8 April 2025, so "10 April" is two days ahead.
const NOW = "2025-04-08T09:00:00Z";
const editor = { id: 7001, first_name: "Erin", last_name: "Editor", username: "erin_ed", language_code: "en" };
const reader = { id: 7002, first_name: "Борис", language_code: "ru" };
const NEW_ID = "istanbul-round-four-2025-04-10";

let emu: Emulator;
let bot: BotProcess;
let dataDir: string;

const eventsFile = () => join(dataDir, "events.json");
const auditFile = () => join(dataDir, "state", "audit.jsonl");
const readEvents = () => JSON.parse(readFileSync(eventsFile(), "utf8")) as { entries: { id: string; [k: string]: unknown }[] };
function readAudit(): { action: string; id: string; actor: { kind: string; id?: number; name: string } }[] {
  try {
    return readFileSync(auditFile(), "utf8").trim().split("\n").filter(Boolean).map((l) => JSON.parse(l));
  } catch {
    return [];
  }
}

const start = () => startBot({ emulator: emu, dataDir, env: { FAKE_NOW: NOW, ADMIN_IDS: `${editor.id},7999` } });

/** The user sends text; resolves with the next `count` messages the bot sends them. */
function say(user: { id: number }, text: string, count = 1): Promise<SentRecord[]> {
  return conversation.say(emu, user, text, { count });
}

/** The user presses the button with this callback data on `msg`; resolves with the bot's next messages. */
function press(user: { id: number }, msg: SentRecord, data: string, count = 1): Promise<SentRecord[]> {
  return conversation.press(emu, user, msg, data, { count });
}

function data(msg: SentRecord): string[] {
  return emu.buttons(msg).map((b) => b.callback_data ?? "");
}

before(async () => {
  emu = await startEmulator();
  emu.addPrivateChat(editor);
  emu.addPrivateChat(reader);
  dataDir = await makeDataDir();
  bot = await start();
});

after(async () => {
  await bot?.stop().catch(() => undefined);
  await emu?.close();
  if (dataDir) await removeDataDir(dataDir);
});

describe("the editorial desk", () => {
  test("the editor's command menu has /add, /update and /history; the public menu does not", async () => {
    const scope = { type: "chat", chat_id: editor.id };
    // The menu is registered while the bot already polls: wait for its last call.
    const scoped = (c: CallRecord) => c.method === "setMyCommands" && c.params.scope?.chat_id === editor.id && c.params.language_code === "uk";
    await emu.waitFor(scoped, 10000);
    for (const lang of ["", "en", "ru", "uk"]) {
      const mine = emu.commands(scope, lang).map((c) => c.command);
      for (const c of ["add", "update", "history", "cancel", "latest", "event"]) assert.ok(mine.includes(c), `${c} in the editor's menu (${lang || "default"})`);
      const everyone = emu.commands({ type: "default" }, lang).map((c) => c.command);
      assert.ok(everyone.includes("latest"));
      for (const c of ["add", "update", "history"]) assert.ok(!everyone.includes(c), `${c} not in the public menu (${lang || "default"})`);
    }
    assert.match(emu.commands(scope, "ru").find((c) => c.command === "add")!.description, /Добавить запись/);
  });

  test("a reader who is not an editor is refused /add, /update and /history, and nothing is written", async () => {
    const before = readFileSync(eventsFile(), "utf8");
    for (const cmd of ["/add", "/update embassy-round-3", "/history embassy-round-3"]) {
      const [r] = await say(reader, cmd);
      assert.match(r.plainText, /только редакторы Parley/, cmd);
    }
    // Not in a conversation: the next message is an ordinary one.
    const [free] = await say(reader, "10 April");
    assert.doesNotMatch(free.plainText, /Дата|время/i);
    assert.equal(readFileSync(eventsFile(), "utf8"), before);
    assert.deepEqual(readAudit(), []);
  });

  test("/add: typed answers and buttons, a wrong date gets a second chance, Publish writes the entry", async () => {
    const [intro, trackQ] = await say(editor, "/add", 2);
    assert.match(intro.plainText, /A new entry/);
    assert.match(trackQ.plainText, /Series/);
    assert.ok(data(trackQ).includes("ed:tr:embassy-operations") && data(trackQ).includes("ed:tr:+"));
    for (const d of data(trackQ)) assert.ok(Buffer.byteLength(d) <= 64);

    const [kindQ] = await press(editor, trackQ, "ed:tr:embassy-operations");
    assert.match(kindQ.plainText, /What kind of contact/);
    const [statusQ] = await press(editor, kindQ, "ed:k:round");
    assert.match(statusQ.plainText, /Where does it stand/);
    const [dateQ] = await press(editor, statusQ, "ed:s:scheduled");
    assert.match(dateQ.plainText, /When\?/);

    // An impossible day: told why, asked again, nothing moves on.
    const [wrong] = await say(editor, "31.02.2025");
    assert.match(wrong.plainText, /“31\.02\.2025” is not a day of the calendar/);
    const [unreadable] = await say(editor, "sometime soon");
    assert.match(unreadable.plainText, /can't read “sometime soon” as a date/);
    // A command mid-conversation does not escape it.
    const [busy] = await say(editor, "/latest");
    assert.match(busy.plainText, /in the middle of an entry/);

    const [timeQ] = await say(editor, "10 April");
    assert.match(timeQ.plainText, /At what time/);
    const [placeQ] = await say(editor, "10:00 Europe/Istanbul");
    assert.match(placeQ.plainText, /Where\? City and country/);
    const [peopleQ] = await say(editor, "Istanbul, Turkey");
    assert.match(peopleQ.plainText, /Who takes part/);
    const [badSide] = await say(editor, "Sonata Coulter | Deputy Assistant Secretary of State | Atlantis");
    assert.match(badSide.plainText, /don't know the side “Atlantis”/);
    const [titleQ] = await say(editor, "Sonata Coulter | Deputy Assistant Secretary of State | US\nАлександр Дарчиев | посол | RU");
    assert.match(titleQ.plainText, /Title/);
    const [summaryQ] = await say(editor, "Istanbul round four");
    assert.match(summaryQ.plainText, /Summary/);
    const [sourcesQ] = await say(editor, "The fourth round of consultations on the <work> of the embassies & their staff.");
    assert.match(sourcesQ.plainText, /Sources/);
    const [preview] = await say(editor, "Reuters https://www.reuters.com/world/istanbul-round-4");
    assert.match(preview.plainText, new RegExp(`Preview · the entry will get the id ${NEW_ID}`));
    assert.match(preview.plainText, /10 April 2025, 10:00 \(Europe\/Istanbul\)/);
    assert.match(preview.plainText, /the <work> of the embassies & their staff/);
    assert.match(preview.plainText, /Sonata Coulter — Deputy Assistant Secretary of State \(USA\)/);
    assert.deepEqual(data(preview), ["ed:p:publish", "ed:p:edit", "ed:p:cancel"]);
    assert.ok(!readEvents().entries.some((e) => e.id === NEW_ID), "nothing is written before Publish");

    // Edit: redo the title, then publish.
    const [fieldQ] = await press(editor, preview, "ed:p:edit");
    assert.ok(data(fieldQ).includes("ed:f:title"));
    const [titleAgain] = await press(editor, fieldQ, "ed:f:title");
    assert.match(titleAgain.plainText, /Title/);
    const [preview2] = await say(editor, "en: Istanbul round four\nru: Четвёртый раунд в Стамбуле");
    assert.match(preview2.plainText, new RegExp(`id ${NEW_ID}`));

    const [published] = await press(editor, preview2, "ed:p:publish");
    assert.match(published.plainText, new RegExp(`Published: ${NEW_ID}`));

    const written = readEvents().entries.find((e) => e.id === NEW_ID);
    assert.ok(written, "the entry is in events.json");
    assert.deepEqual(
      { track: written.track, kind: written.kind, status: written.status, date: written.date, time: written.time, timezone: written.timezone },
      { track: "embassy-operations", kind: "round", status: "scheduled", date: "2025-04-10", time: "10:00", timezone: "Europe/Istanbul" },
    );
    assert.deepEqual(written.title, { en: "Istanbul round four", ru: "Четвёртый раунд в Стамбуле" });
    assert.deepEqual(written.parties, ["RU", "US"]);
    assert.deepEqual(written.sources, [{ outlet: "Reuters", url: "https://www.reuters.com/world/istanbul-round-4", language: "en" }]);
    const audit = readAudit();
    assert.equal(audit.length, 1);
    assert.deepEqual({ action: audit[0].action, id: audit[0].id, actor: audit[0].actor }, { action: "add", id: NEW_ID, actor: { kind: "telegram", id: editor.id, name: "Erin Editor (@erin_ed)" } });

    // The bot's record is reloaded at once: /event shows the new entry right away.
    const [shown] = await say(editor, `/event ${NEW_ID}`);
    assert.match(shown.plainText, /Istanbul round four/);
    assert.match(shown.plainText, /Reuters/);
  });

  test("/cancel in the middle of /add writes nothing", async () => {
    const before = readFileSync(eventsFile(), "utf8");
    const auditBefore = readAudit().length;
    const [, trackQ] = await say(editor, "/add", 2);
    const [kindQ] = await press(editor, trackQ, "ed:tr:leaders");
    await press(editor, kindQ, "ed:k:call");
    const [cancelled] = await say(editor, "/cancel");
    assert.match(cancelled.plainText, /Cancelled\. Nothing was written/);
    // Out of the conversation: commands work again.
    const [nothing] = await say(editor, "/cancel");
    assert.match(nothing.plainText, /nothing to cancel/);
    assert.equal(readFileSync(eventsFile(), "utf8"), before);
    assert.equal(readAudit().length, auditBefore);
  });

  test("a restart of the bot in the middle of /add continues at the same question", async () => {
    const [, trackQ] = await say(editor, "/add", 2);
    const [kindQ] = await press(editor, trackQ, "ed:tr:envoys");
    const [statusQ] = await press(editor, kindQ, "ed:k:meeting");
    assert.match(statusQ.plainText, /Where does it stand/);

    assert.equal(await bot.stop(), 0);
    const saved = JSON.parse(readFileSync(join(dataDir, "state", "conversations.json"), "utf8"));
    assert.ok(saved.chats[String(editor.id)], "the conversation is on disk");
    bot = await start();

    // The status question asked before the restart is answered after it.
    const [dateQ] = await press(editor, statusQ, "ed:s:announced");
    assert.match(dateQ.plainText, /When\?/);
    // Not set: no time to ask; on to the place.
    const [placeQ] = await say(editor, "не назначена");
    assert.match(placeQ.plainText, /Where\? City and country/);
    const [cancelled] = await say(editor, "/cancel");
    assert.match(cancelled.plainText, /Cancelled/);
    // The state is dropped once the update is handled, which is just after the reply is sent.
    const pending = () => JSON.parse(readFileSync(join(dataDir, "state", "conversations.json"), "utf8")).chats[String(editor.id)];
    for (let i = 0; i < 50 && pending(); i++) await new Promise((r) => setTimeout(r, 20));
    assert.equal(pending(), undefined, "a finished conversation leaves no state");
  });

  test("/update <id>: held with an outcome, shown as before → after, saved on disk", async () => {
    const [what] = await say(editor, `/update ${NEW_ID}`);
    assert.match(what.plainText, /Istanbul round four .*What has changed\?/s);
    assert.ok(data(what).includes("ed:u:held"));
    const [outcomeQ] = await press(editor, what, "ed:u:held");
    assert.match(outcomeQ.plainText, /What came of it/);
    const [diff] = await say(editor, "The sides agreed to meet again in May.");
    assert.match(diff.plainText, /Changes to istanbul-round-four-2025-04-10/);
    assert.match(diff.plainText, /Status: scheduled → held/);
    assert.match(diff.plainText, /Outcome: — → The sides agreed to meet again in May\./);
    // "Change a field" adds another change to the same save (and redoes a news draft's proposal).
    assert.deepEqual(data(diff), ["ed:c:save", "ed:c:change", "ed:c:cancel"]);
    assert.equal(readEvents().entries.find((e) => e.id === NEW_ID)!.status, "scheduled", "nothing is written before Save");

    const [saved] = await press(editor, diff, "ed:c:save");
    assert.match(saved.plainText, /Saved: istanbul-round-four-2025-04-10/);
    const written = readEvents().entries.find((e) => e.id === NEW_ID)!;
    assert.equal(written.status, "held");
    assert.deepEqual(written.outcome, { en: "The sides agreed to meet again in May." });
    assert.deepEqual(readAudit().map((a) => a.action), ["add", "update"]);

    const [shown] = await say(editor, `/event ${NEW_ID}`);
    assert.match(shown.plainText, /Outcome: The sides agreed to meet again in May\./);
  });

  test("/history lists who changed the entry, newest first", async () => {
    const [history] = await say(editor, `/history ${NEW_ID}`);
    const text = history.plainText;
    assert.match(text, /History of istanbul-round-four-2025-04-10, newest first \(2 changes\)/);
    const changed = text.indexOf("Erin Editor (@erin_ed) · changed");
    const added = text.indexOf("Erin Editor (@erin_ed) · added");
    assert.ok(changed > 0 && added > changed, text);
    assert.match(text, /Status: scheduled → held/);
    assert.match(text, /8 April 2025, \d\d:\d\d/);
    const [none] = await say(editor, "/history embassy-round-3");
    assert.match(none.plainText, /No changes to embassy-round-3 are recorded/);
  });

  test("a Publish replayed after a crash (entry written, conversation not yet saved) does not add it twice", async () => {
    const [, trackQ] = await say(editor, "/add", 2);
    const [kindQ] = await press(editor, trackQ, "ed:tr:envoys");
    const [statusQ] = await press(editor, kindQ, "ed:k:meeting");
    const [dateQ] = await press(editor, statusQ, "ed:s:announced");
    assert.match(dateQ.plainText, /When\?/);
    await say(editor, "not set");
    await say(editor, "Geneva, Switzerland");
    await say(editor, "skip");
    await say(editor, "Envoys agree to meet in Geneva");
    await say(editor, "A further meeting of the envoys was agreed.");
    const [preview] = await say(editor, "TASS https://tass.com/politics/1");
    const id = /the entry will get the id ([a-z0-9-]+)/.exec(preview.plainText)?.[1];
    assert.ok(id, preview.plainText);

    // The conversation as it stood at the preview, as a crash just after the write would leave it.
    assert.equal(await bot.stop(), 0);
    const state = join(dataDir, "state", "conversations.json");
    copyFileSync(state, `${state}.at-preview`);
    bot = await start();
    const [published] = await press(editor, preview, "ed:p:publish");
    assert.match(published.plainText, new RegExp(`Published: ${id}`));

    assert.equal(await bot.stop(), 0);
    copyFileSync(`${state}.at-preview`, state);
    bot = await start();
    const [again] = await press(editor, preview, "ed:p:publish");
    assert.match(again.plainText, new RegExp(`Published: ${id}`), "the same entry, not a second one");
    const copies = readEvents().entries.filter((e) => (e.title as { en?: string }).en === "Envoys agree to meet in Geneva");
    assert.deepEqual(copies.map((e) => e.id), [id]);
    assert.equal(readAudit().filter((a) => a.action === "add" && a.id.startsWith(id!)).length, 1);
  });
});
