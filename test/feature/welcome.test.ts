// Welcome and help: what a newcomer sees on /start and /help, in their language, the greeting's
// buttons, and what the bot says to anything it does not understand.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type InProcessParley, startParley } from "../support/in-process.ts";
import { NOW, TALKS } from "../support/talks.ts";

const ann = { id: 101, first_name: "Ann", language_code: "en" };
const boris = { id: 102, first_name: "Борис", language_code: "ru" };
const oksana = { id: 103, first_name: "Оксана", language_code: "uk" };
const dora = { id: 104, first_name: "Dora", language_code: "de" };
const group = { id: -1001, title: "Talks watchers" };

let parley: InProcessParley;
before(async () => {
  parley = await startParley(undefined, { entries: TALKS, now: NOW });
});
after(() => parley.close());

describe("/start", () => {
  const greetings = [
    { who: ann, hello: "Hello, Ann! I am Parley: a sourced record of diplomatic talks", buttons: [["🗞 Latest", "📅 Coming up"], ["🔔 Subscribe"]] },
    { who: boris, hello: "Здравствуйте, Борис! Я Parley — хроника дипломатических переговоров", buttons: [["🗞 Последнее", "📅 Что предстоит"], ["🔔 Подписаться"]] },
    { who: oksana, hello: "Вітаю, Оксана! Я Parley — хроніка дипломатичних переговорів", buttons: [["🗞 Останнє", "📅 Що попереду"], ["🔔 Підписатися"]] },
  ];
  for (const { who, hello, buttons } of greetings) {
    test(`greets a ${who.language_code} user by name, in their language, with the three ways in`, async () => {
      const [greeting, ...more] = await parley.say(who, "/start");
      assert.equal(more.length, 0, "one message");
      assert.equal(greeting.method, "sendMessage");
      assert.ok(greeting.text.startsWith(hello), greeting.text);
      assert.equal(greeting.parseMode, "HTML");
      assert.match(greeting.source!, /<b>Parley<\/b>/);
      assert.deepEqual(greeting.buttons, buttons);
    });
  }

  test("a language Parley does not speak gets English", async () => {
    const [greeting] = await parley.say(dora, "/start");
    assert.ok(greeting.text.startsWith("Hello, Dora!"), greeting.text);
  });

  test("a name that looks like markup is shown as it is written", async () => {
    const [greeting] = await parley.say({ id: 105, first_name: "<b>Bob</b> & Co", language_code: "en" }, "/start");
    assert.ok(greeting.text.startsWith("Hello, <b>Bob</b> & Co!"), greeting.text);
  });

  test("“Latest” under the greeting shows the latest developments", async () => {
    const [greeting] = await parley.say(ann, "/start");
    const [answer, latest] = await parley.press(ann, greeting, "🗞 Latest");
    assert.equal(answer.method, "answerCallbackQuery");
    assert.equal(latest.method, "sendMessage");
    assert.ok(latest.text.startsWith("Latest developments · 1–3 of 3"), latest.text);
  });

  test("“Coming up” under the greeting shows what is coming", async () => {
    const [greeting] = await parley.say(boris, "/start");
    const [answer, next] = await parley.press(boris, greeting, "📅 Что предстоит");
    assert.equal(answer.method, "answerCallbackQuery");
    assert.ok(next.text.startsWith("Что предстоит\n\n18 марта 2025"), next.text);
  });
});

describe("/help", () => {
  test("lists the commands, in the user's language", async () => {
    const [en] = await parley.say(ann, "/help");
    assert.ok(en.text.startsWith("Commands\n/latest [N] — the latest developments"), en.text);
    assert.match(en.text, /\/lang en\|ru\|uk/);
    const [uk] = await parley.say(oksana, "/help");
    assert.ok(uk.text.startsWith("Команди\n/latest [N] — останні події"), uk.text);
  });
});

describe("what the bot does not understand", () => {
  test("an unknown command in private gets a pointer to /help", async () => {
    const [reply] = await parley.say(ann, "/frobnicate");
    assert.equal(reply.text, "I don't know that command. /help lists what I can do.");
  });

  test("free text in private gets a pointer to the commands", async () => {
    const [reply] = await parley.say(ann, "what happened in Riyadh?");
    assert.equal(reply.text, "I answer commands. Try /latest or /next, or /help for the full list.");
  });

  test("in a group, the bot stays out of other people's conversation", async () => {
    assert.deepEqual(await parley.sayIn(group, ann, "/frobnicate"), []);
    assert.deepEqual(await parley.sayIn(group, ann, "/frobnicate@other_bot"), []);
  });

  test("in a group, an unknown command that names the bot is answered", async () => {
    const [reply] = await parley.sayIn(group, ann, "/frobnicate@parley_test_bot");
    assert.equal(reply.chatId, group.id);
    assert.equal(reply.text, "I don't know that command. /help lists what I can do.");
  });

  test("/start in a group greets the group", async () => {
    const [greeting] = await parley.sayIn(group, boris, "/start");
    assert.equal(greeting.chatId, group.id);
    assert.ok(greeting.text.startsWith("Здравствуйте, Борис!"), greeting.text);
  });
});
