// A chat's choices: /lang and /tz. A chosen language wins over the one the user's Telegram app
// reports; in groups only administrators may change what everyone there reads.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { startParley } from "../support/in-process.ts";
import { NOW, TALKS } from "../support/talks.ts";

const ann = { id: 301, first_name: "Ann", language_code: "en" };
const boris = { id: 302, first_name: "Борис", language_code: "ru" };

describe("/lang", () => {
  test("without an argument, names the current language and offers the three", async (t) => {
    const parley = await startParley(t, { entries: TALKS, now: NOW });
    const [en] = await parley.say(ann, "/lang");
    assert.equal(en.text, "The language is English. Choose another:");
    assert.deepEqual(en.buttons, [["English", "Русский", "Українська"]]);
    const [ru] = await parley.say(boris, "/lang");
    assert.equal(ru.text, "Язык: Русский. Выберите другой:");
  });

  test("a language button switches the chat: the message and every later reply are in it", async (t) => {
    const parley = await startParley(t, { entries: TALKS, now: NOW });
    const [menu] = await parley.say(ann, "/lang");
    const [answer, edited] = await parley.press(ann, menu, "Українська");
    assert.equal(answer.method, "answerCallbackQuery");
    assert.equal(answer.text, "Мова: Українська.");
    assert.equal(edited.method, "editMessageText");
    assert.equal(edited.messageId, menu.messageId);
    assert.equal(edited.text, "Мова: Українська.");
    assert.deepEqual(edited.buttons, []);

    const [latest] = await parley.say(ann, "/latest");
    assert.ok(latest.text.startsWith("Останні події · 1–3 з 3"), latest.text);
  });

  test("/lang xx sets it at once; the user's own app language no longer matters", async (t) => {
    const parley = await startParley(t, { entries: TALKS, now: NOW });
    const [set] = await parley.say(boris, "/lang en");
    assert.equal(set.text, "Language: English.");
    const [greeting] = await parley.say(boris, "/start");
    assert.ok(greeting.text.startsWith("Hello, Борис!"), greeting.text);
  });

  test("a language it does not speak is explained", async (t) => {
    const parley = await startParley(t, { entries: TALKS, now: NOW });
    const [reply] = await parley.say(ann, "/lang de");
    assert.equal(reply.text, "I don't know the language “de”. Write /lang en, /lang ru or /lang uk.");
  });
});

describe("/tz", () => {
  test("shows the zone and its time, sets an IANA zone, and keeps it", async (t) => {
    const parley = await startParley(t, { entries: TALKS, now: NOW });
    const [current] = await parley.say(ann, "/tz");
    assert.match(current.text, /^Your time zone is UTC \(it is 12:00 there\)\./);
    assert.match(current.source!, /<b>UTC<\/b>/);

    const [set] = await parley.say(ann, "/tz Europe/Kyiv");
    assert.equal(set.text, "Time zone set to Europe/Kyiv (it is 14:00 there). Dates and countdowns now use it.");

    const [again] = await parley.say(ann, "/tz");
    assert.match(again.text, /^Your time zone is Europe\/Kyiv \(it is 14:00 there\)\./);
  });

  test("the default zone is the deployment's", async (t) => {
    const parley = await startParley(t, { entries: TALKS, now: NOW, defaultTimezone: "Europe/Moscow" });
    const [current] = await parley.say(boris, "/tz");
    assert.match(current.text, /^Ваш часовой пояс — Europe\/Moscow \(там сейчас 15:00\)\./);
  });

  test("a zone it does not know is explained", async (t) => {
    const parley = await startParley(t, { entries: TALKS, now: NOW });
    const [reply] = await parley.say(ann, "/tz Mars/Olympus");
    assert.match(reply.text, /^“Mars\/Olympus” is not a time zone I know\./);
  });
});

describe("in a group", () => {
  const group = { id: -3001, title: "Diplomacy desk", type: "supergroup" as const };
  const admin = { id: 311, first_name: "Ada", language_code: "en" };
  const member = { id: 312, first_name: "Max", language_code: "en" };

  async function groupParley(t: Parameters<typeof startParley>[0]) {
    const parley = await startParley(t, { entries: TALKS, now: NOW });
    parley.telegram.addGroup({ ...group, members: { [admin.id]: "administrator", [member.id]: "member" } });
    return parley;
  }

  test("a member who is not an administrator may not change the language or zone", async (t) => {
    const parley = await groupParley(t);
    const [lang] = await parley.sayIn(group, member, "/lang ru");
    assert.equal(lang.chatId, group.id);
    assert.equal(lang.text, "Only this chat's administrators can change that.");
    const [tz] = await parley.sayIn(group, member, "/tz Europe/Kyiv");
    assert.equal(tz.text, "Only this chat's administrators can change that.");
    const [greeting] = await parley.sayIn(group, member, "/start");
    assert.ok(greeting.text.startsWith("Hello, Max!"), greeting.text);
  });

  test("nor by the buttons: the press is refused with an alert and the menu stays", async (t) => {
    const parley = await groupParley(t);
    const [menu] = await parley.sayIn(group, member, "/lang");
    const [refusal, ...more] = await parley.press(member, menu, "Русский");
    assert.equal(refusal.method, "answerCallbackQuery");
    assert.equal(refusal.text, "Only this chat's administrators can change that.");
    assert.equal(refusal.showAlert, true);
    assert.deepEqual(more, []);
  });

  test("an administrator's choice is the whole group's", async (t) => {
    const parley = await groupParley(t);
    const [set] = await parley.sayIn(group, admin, "/lang ru");
    assert.equal(set.text, "Язык: Русский.");
    const [greeting] = await parley.sayIn(group, member, "/start");
    assert.ok(greeting.text.startsWith("Здравствуйте, Max!"), greeting.text);
  });
});
