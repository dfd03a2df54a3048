// Subscriptions, the basics: /subscribe, /unsubscribe and what /settings shows, in a private
// chat and in a group (where only administrators may subscribe it). The digests themselves are
// the end-to-end suite's (test/e2e/digest.test.ts), as they need the real process's jobs.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { startParley } from "../support/in-process.ts";
import { NOW, TALKS } from "../support/talks.ts";

const ann = { id: 401, first_name: "Ann", language_code: "en" };
const boris = { id: 402, first_name: "Борис", language_code: "ru" };

const MAIN_MENU = [["🧵 Series: all"], ["🗂 Kinds: all"], ["⏱ Delivery: Instant"], ["🌙 Quiet hours: off"], ["⏰ Reminders: on"], ["🔕 Unsubscribe"]];

describe("in a private chat", () => {
  test("/subscribe subscribes once; /settings then shows the digest's settings", async (t) => {
    const parley = await startParley(t, { entries: TALKS, now: NOW });
    const [before] = await parley.say(ann, "/settings");
    assert.equal(before.text, "⚙️ Digest settings · this chat\n\nYou are not subscribed to digests.");
    assert.deepEqual(before.buttons, [["🔔 Subscribe"]]);

    const [created] = await parley.say(ann, "/subscribe");
    assert.ok(created.text.startsWith("🔔 You are subscribed. I will send you a digest when the record changes"), created.text);
    const [already] = await parley.say(ann, "/subscribe");
    assert.equal(already.text, "You are already subscribed. To change what and when, use /settings; to stop, /unsubscribe.");

    const [settings] = await parley.say(ann, "/settings");
    assert.ok(settings.text.startsWith("⚙️ Digest settings · this chat\n\nSeries: all\nKinds: all\nDelivery: as soon as the record changes\nQuiet hours: off\n"), settings.text);
    assert.deepEqual(settings.buttons, MAIN_MENU);
  });

  test("a settings button opens its section in the same message", async (t) => {
    const parley = await startParley(t, { entries: TALKS, now: NOW });
    await parley.say(ann, "/subscribe");
    const [settings] = await parley.say(ann, "/settings");
    const [answer, section] = await parley.press(ann, settings, "🧵 Series: all");
    assert.equal(answer.method, "answerCallbackQuery");
    assert.equal(section.method, "editMessageText");
    assert.equal(section.messageId, settings.messageId);
    assert.match(section.text, /\n\nTap a series to include it or leave it out\.$/);
    assert.deepEqual(section.buttons, [["✅ All series"], ["✅ Embassy operations"], ["✅ Leaders"], ["‹ Back"]]);
  });

  test("/unsubscribe stops the digests, and /subscribe brings them back with the same settings", async (t) => {
    const parley = await startParley(t, { entries: TALKS, now: NOW });
    const [notYet] = await parley.say(boris, "/unsubscribe");
    assert.equal(notYet.text, "Вы не подписаны. Чтобы получать сводку при изменениях, отправьте /subscribe.");
    await parley.say(boris, "/subscribe");
    const [stopped] = await parley.say(boris, "/unsubscribe");
    assert.match(stopped.text, /^🔕 /);
    const [settings] = await parley.say(boris, "/settings");
    assert.deepEqual(settings.buttons, [["🔔 Подписаться"]]);
    const [again] = await parley.say(boris, "/subscribe");
    assert.match(again.text, /^🔔 Вы снова подписаны/);
  });

  test("the greeting's “Subscribe” button subscribes", async (t) => {
    const parley = await startParley(t, { entries: TALKS, now: NOW });
    const [greeting] = await parley.say(ann, "/start");
    const [answer, created] = await parley.press(ann, greeting, "🔔 Subscribe");
    assert.equal(answer.method, "answerCallbackQuery");
    assert.ok(created.text.startsWith("🔔 You are subscribed."), created.text);
  });
});

describe("in a group", () => {
  const group = { id: -4001, title: "Diplomacy desk" };
  const admin = { id: 411, first_name: "Ada", language_code: "en" };
  const member = { id: 412, first_name: "Оксана", language_code: "uk" };

  async function groupParley(t: Parameters<typeof startParley>[0]) {
    const parley = await startParley(t, { entries: TALKS, now: NOW });
    parley.telegram.addGroup({ ...group, members: { [admin.id]: "administrator", [member.id]: "member" } });
    return parley;
  }

  test("a member who is not an administrator is told to subscribe in private instead", async (t) => {
    const parley = await groupParley(t);
    const [refusal] = await parley.sayIn(group, member, "/subscribe");
    assert.equal(refusal.chatId, group.id);
    assert.ok(refusal.text.startsWith("Вибачте, підписати чи відписати цей чат і змінювати його зведення можуть лише адміністратори."), refusal.text);
    const [settings] = await parley.sayIn(group, member, "/settings");
    assert.equal(settings.text, "⚙️ Налаштування зведень · ця група\n\nГрупу не підписано на зведення.");
  });

  test("an administrator subscribes the group, in their language; anyone may look at its settings", async (t) => {
    const parley = await groupParley(t);
    const [created] = await parley.sayIn(group, admin, "/subscribe");
    assert.ok(created.text.startsWith("🔔 This group is subscribed."), created.text);
    const [settings] = await parley.sayIn(group, member, "/settings");
    assert.ok(settings.text.startsWith("⚙️ Digest settings · this group\n\nSeries: all\n"), settings.text);
    assert.equal(settings.buttons.length, MAIN_MENU.length);
    const [stopped] = await parley.sayIn(group, admin, "/unsubscribe");
    assert.match(stopped.text, /^🔕 This group is unsubscribed/);
  });
});
