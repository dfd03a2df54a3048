// The bot on the record in PostgreSQL, end to end: the real bot process (DATABASE_URL set, its
// own schema) against the Bot API emulator. The record is imported with `npm run events --
// import`; an entry written from another process (another machine) shows in /latest once its
// NOTIFY arrives; an editor's /update through the bot lands in the database with its audit row.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { main as events } from "../../src/cli/events.ts";
import type { Db } from "../../src/db/pool.ts";
import { exportRecord } from "../../src/record-db/rows.ts";
import { PgRecordWriter } from "../../src/record-db/writer.ts";
import { makeDataDir, removeDataDir, REPO_ROOT, startBot, type BotProcess } from "../support/bot-process.ts";
import * as conversation from "../support/conversation.ts";
import { startEmulator, type Emulator, type SentRecord } from "../support/emulator.ts";
import { entry } from "../support/fixtures.ts";
import { pgSkip, TEST_DATABASE_URL, testDatabase, type TestDatabase } from "../support/pg.ts";

const skip = await pgSkip();
const NOW = "2026-11-30T12:00:00Z";
const editor = { id: 601, first_name: "Erin", username: "erin_ed", language_code: "en" };
const reader = { id: 602, first_name: "Ann", language_code: "en" };

describe("the bot on the record in PostgreSQL", { skip }, () => {
  let t: TestDatabase;
  let db: Db;
  let emu: Emulator;
  let bot: BotProcess;
  let dataDir: string;

  before(async () => {
    t = await testDatabase("rec_e2e");
    const io = { out: () => {}, err: (e: string) => assert.fail(e), stdin: process.stdin };
    assert.equal(await events(["import", join(REPO_ROOT, "data/events.json")], io, { DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: t.schema }), 0);
    db = await t.open();
    emu = await startEmulator();
    emu.addPrivateChat(editor);
    emu.addPrivateChat(reader);
    // The data folder holds the state files only; its events.json is not the record any more.
    dataDir = await makeDataDir({ events: { tracks: [], entries: [] } });
    bot = await startBot({ emulator: emu, dataDir, env: { FAKE_NOW: NOW, ADMIN_IDS: String(editor.id), DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: t.schema } });
  });

  after(async () => {
    await bot?.stop().catch(() => undefined);
    await emu?.close();
    if (dataDir) await removeDataDir(dataDir);
    await t?.drop();
  });

  test("/latest answers from the imported record", async () => {
    const reply = await conversation.say(emu, reader, "/latest");
    const shipped = JSON.parse(readFileSync(join(REPO_ROOT, "data/events.json"), "utf8")) as { entries: { date: string | null; title: { en?: string } }[] };
    const newest = shipped.entries.filter((e) => e.date && e.date <= NOW.slice(0, 10)).sort((a, b) => (a.date! < b.date! ? 1 : -1))[0];
    assert.match(reply.plainText, /^Latest developments · 1–5 of \d+/);
    assert.ok(reply.plainText.includes(newest.title.en!), reply.plainText);
  });

  test("an entry written by another process shows in /latest once its NOTIFY is in", async () => {
    const written = await new PgRecordWriter(db).add(
      entry({ id: "written-elsewhere", track: "leaders", date: "2026-11-29", title: { en: "Written on another machine" } }),
      { kind: "cli", name: "other machine" },
    );
    assert.equal(written.ok, true);
    await bot.waitForOutput(/record reloaded/, 10_000);
    const reply = await conversation.say(emu, reader, "/latest");
    assert.match(reply.plainText, /^Latest developments · 1–5 of \d+\n\n29 November 2026 · Round\nWritten on another machine\n/);
  });

  test("an editor's /update through the bot is written to the database, with its audit row", async () => {
    const [what] = await conversation.say(emu, editor, "/update written-elsewhere", { count: 1 });
    assert.match(what.plainText, /Written on another machine .*What has changed\?/s);
    const data = (m: SentRecord) => emu.buttons(m).map((b) => b.callback_data ?? "");
    assert.ok(data(what).includes("ed:u:postponed"), data(what).join(" "));
    const [diff] = await conversation.press(emu, editor, what, "ed:u:postponed", { count: 1 });
    assert.match(diff.plainText, /Status: held → postponed/);
    const [saved] = await conversation.press(emu, editor, diff, "ed:c:save", { count: 1 });
    assert.match(saved.plainText, /Saved: written-elsewhere/);
    const record = JSON.parse(await exportRecord(db)) as { entries: { id: string; status: string }[] };
    assert.equal(record.entries.find((e) => e.id === "written-elsewhere")?.status, "postponed");
    const history = await new PgRecordWriter(db).history("written-elsewhere");
    assert.deepEqual(
      history.map((h) => [h.action, h.actor.kind, h.actor.id]),
      [
        ["add", "cli", undefined],
        ["update", "telegram", editor.id],
      ],
    );
  });
});
