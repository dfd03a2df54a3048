// Who may edit the record, and where: /add, /update and /history are for the editors
// (ADMIN_IDS), in their private chats. Everyone else is refused politely and nothing is asked.
// The whole /add and /update conversations, which write the record, are the end-to-end
// suite's (test/e2e/editorial.test.ts).
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type InProcessParley, startParley } from "../support/in-process.ts";
import { NOW, TALKS } from "../support/talks.ts";

const editor = { id: 501, first_name: "Erin", language_code: "en" };
const reader = { id: 502, first_name: "Борис", language_code: "ru" };
const readerUk = { id: 503, first_name: "Оксана", language_code: "uk" };
const group = { id: -5001, title: "Newsroom" };

let parley: InProcessParley;
before(async () => {
  parley = await startParley(undefined, { entries: TALKS, now: NOW, adminIds: [editor.id] });
});
after(() => parley.close());

describe("a reader who is not an editor", () => {
  for (const command of ["/add", "/update riyadh-meeting-2025-02-18", "/history riyadh-meeting-2025-02-18"]) {
    test(`is refused ${command.split(" ")[0]} and pointed to the reading commands`, async () => {
      const [reply, ...more] = await parley.say(reader, command);
      assert.equal(reply.text, "К сожалению, менять хронику могут только редакторы Parley. Читать её можно командами /latest, /next и /event.");
      assert.deepEqual(reply.buttons, []);
      assert.deepEqual(more, [], "no question follows");
    });
  }

  test("is refused in their own language, and may go on reading", async () => {
    const [refusal] = await parley.say(readerUk, "/add");
    assert.equal(refusal.text, "На жаль, змінювати хроніку можуть лише редактори Parley. Читати її можна командами /latest, /next і /event.");
    const [latest] = await parley.say(readerUk, "/latest");
    assert.ok(latest.text.startsWith("Останні події"), latest.text);
  });

  test("is refused in a group too, when the command names the bot", async () => {
    const [reply] = await parley.sayIn(group, reader, "/add@parley_test_bot");
    assert.equal(reply.chatId, group.id);
    assert.equal(reply.text, "К сожалению, менять хронику могут только редакторы Parley. Читать её можно командами /latest, /next и /event.");
  });
});

describe("an editor in a group", () => {
  test("is told that the record is edited in private, and nothing is asked", async () => {
    const [reply, ...more] = await parley.sayIn(group, editor, "/add@parley_test_bot");
    assert.equal(reply.chatId, group.id);
    assert.equal(reply.text, "The record is edited in a private chat with me: send the command there.");
    assert.deepEqual(more, []);
  });

  test("gets no answer to a bare /add, which may be another bot's", async () => {
    assert.deepEqual(await parley.sayIn(group, editor, "/add"), []);
  });
});

describe("an editor in private", () => {
  test("/add begins the questions, and /cancel ends them with nothing written", async () => {
    const [intro, first] = await parley.say(editor, "/add");
    assert.equal(intro.text, "A new entry. I will ask ten short questions; each answer is checked as it comes. /cancel stops at any step and writes nothing.");
    assert.equal(first.text, "1/10 · Series\nWhich series does the entry belong to? Choose one, or start a new series.");
    assert.deepEqual(first.buttons, [["Embassy operations"], ["Leaders"], ["➕ New series"]]);
    const [cancelled] = await parley.say(editor, "/cancel");
    assert.equal(cancelled.text, "Cancelled. Nothing was written.");
  });
});
