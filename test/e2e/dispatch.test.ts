// The route table end to end: /help and the command menus say the same thing, for readers and
// for editors; an editor who had never written to the bot gets the editors' menu once they do;
// a button that no longer leads anywhere is answered, not left spinning. The real bot process
// against the Bot API emulator; assertions are on what the users see.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { makeDataDir, removeDataDir, startBot, type BotProcess } from "../support/bot-process.ts";
import { startEmulator, type CallRecord, type Emulator, type SentRecord } from "../support/emulator.ts";

const editor = { id: 7101, first_name: "Erin", language_code: "ru" };
const reader = { id: 7102, first_name: "Ann", language_code: "en" };

let emu: Emulator;
let bot: BotProcess;
let dataDir: string;

async function say(user: { id: number }, text: string, count = 1): Promise<SentRecord[]> {
  emu.userSends(user, text);
  const replies = await emu.waitForReply(user.id, { count, timeoutMs: 10_000 });
  return Array.isArray(replies) ? replies : [replies];
}

/** The commands /help lists: the first word of each line after the title. */
function helpCommands(help: SentRecord): string[] {
  return help.plainText.split("\n").slice(1).map((line) => line.split(" ")[0].slice(1));
}

before(async () => {
  emu = await startEmulator();
  // The editor exists but has never opened a chat with the bot: no chat to scope a menu to yet.
  emu.addUser(editor);
  emu.addPrivateChat(reader);
  dataDir = await makeDataDir();
  bot = await startBot({ emulator: emu, dataDir, env: { ADMIN_IDS: String(editor.id) } });
});

after(async () => {
  await bot?.stop().catch(() => undefined);
  await emu?.close();
  if (dataDir) await removeDataDir(dataDir);
});

describe("the route table", () => {
  test("an editor who had never written to the bot gets the editors' menu when they first do", async () => {
    const scope = { type: "chat", chat_id: editor.id };
    // At start-up their menu cannot be registered: Telegram knows no chat with them.
    await emu.waitFor((c) => c.method === "setMyCommands" && c.params.scope?.chat_id === editor.id && c.done, 10_000);
    assert.deepEqual(emu.commands(scope, "ru"), []);

    const since = emu.calls.length;
    const [greeting] = await say(editor, "/start");
    assert.match(greeting.plainText, /^Здравствуйте, Erin!/);
    const registered = (c: CallRecord) =>
      c.method === "setMyCommands" && c.params.scope?.chat_id === editor.id && c.params.language_code === "uk" && c.ok === true;
    await emu.waitFor(registered, 10_000, { since });
    for (const lang of ["", "en", "ru", "uk"]) {
      const mine = emu.commands(scope, lang).map((c) => c.command);
      for (const c of ["add", "update", "history", "cancel", "latest", "help"]) assert.ok(mine.includes(c), `${c} in the editor's menu (${lang || "default"})`);
    }
    assert.match(emu.commands(scope, "ru").find((c) => c.command === "add")!.description, /Добавить запись/);
  });

  test("/help lists, one line each, exactly the commands of the reader's menu; an editor's lists the desk's too", async () => {
    await emu.waitFor((c) => c.method === "setMyCommands" && !c.params.scope && c.params.language_code === "uk" && c.done, 10_000);
    const [help] = await say(reader, "/help");
    assert.match(help.plainText, /^Commands\n/);
    assert.match(help.plainText, /^\/latest \[N\] — the latest developments/m);
    assert.deepEqual(helpCommands(help), emu.commands({ type: "default" }, "en").map((c) => c.command));
    assert.ok(!helpCommands(help).includes("add"));

    const [editorsHelp] = await say(editor, "/help");
    assert.match(editorsHelp.plainText, /^Команды\n/);
    assert.match(editorsHelp.plainText, /^\/update <id> — изменить запись/m);
    assert.deepEqual(helpCommands(editorsHelp), emu.commands({ type: "chat", chat_id: editor.id }, "ru").map((c) => c.command));
  });

  test("a button that leads nowhere any more is answered: a question of a cancelled /add", async () => {
    const [, trackQuestion] = await say(editor, "/add", 2);
    assert.match(trackQuestion.plainText, /К какому направлению/);
    const [cancelled] = await say(editor, "/cancel");
    assert.match(cancelled.plainText, /Отменено/);

    const since = emu.answers.length;
    emu.press(editor, trackQuestion, "ed:tr:embassy-operations");
    await emu.waitFor((c) => c.method === "answerCallbackQuery" && c.done, 10_000, { since: emu.calls.length - 1 });
    assert.equal(emu.answers.length, since + 1);
    assert.match(emu.answers[since].text ?? "", /^Эта кнопка из старого сообщения/);
  });
});
