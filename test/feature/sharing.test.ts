// Sharing from Telegram: inline mode in any chat, "📅 Add to calendar" and "Share" under an
// entry's details, and /timeline's picture. The clock is fixed at NOW (15 March 2025).
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import ICAL from "ical.js";
import { type InProcessParley, startParley } from "../support/in-process.ts";
import { NOW, TALKS } from "../support/talks.ts";

const ann = { id: 301, first_name: "Ann", language_code: "en" };
const boris = { id: 302, first_name: "Борис", language_code: "ru" };
const oksana = { id: 303, first_name: "Оксана", language_code: "uk-UA" };

let parley: InProcessParley;
before(async () => {
  parley = await startParley(undefined, { entries: TALKS, now: NOW });
});
after(() => parley.close());

describe("inline mode", () => {
  test("a city in Russian finds its rounds in Russian, newest first, with the card to post", async () => {
    const [answer] = await parley.ask(boris, "стамбул");
    assert.equal(answer.method, "answerInlineQuery");
    const { results, cache_time, is_personal } = answer.inline!;
    assert.deepEqual(results.map((r) => r.title), ["Второй раунд в Стамбуле", "Раунд в Стамбуле"]);
    assert.equal(results[0].description, "10 апреля 2025 · Раунд · назначено");
    const card = results[1].input_message_content;
    assert.equal(card.parse_mode, "HTML");
    assert.match(card.message_text, /^<b>27 февраля 2025<\/b> · Раунд\n<b>Раунд в Стамбуле<\/b>\n/);
    assert.match(card.message_text, /Источники: <a href="https:\/\/meduza\.io/);
    assert.ok(cache_time! > 0);
    assert.equal(is_personal, false);
  });

  test("the same search in English, a declined form, and a date each find what they should", async () => {
    const titles = async (who: typeof ann, q: string) => (await parley.ask(who, q))[0].inline!.results.map((r) => r.title);
    assert.deepEqual(await titles(ann, "istanbul"), ["Second Istanbul round", "Istanbul round"]);
    assert.deepEqual(await titles(boris, "Стамбуле"), ["Второй раунд в Стамбуле", "Раунд в Стамбуле"]);
    assert.deepEqual(await titles(oksana, "раунд"), ["Другий раунд у Стамбулі", "Раунд у Стамбулі"]);
    assert.deepEqual(await titles(ann, "2025-04-10"), ["Second Istanbul round"]);
    assert.deepEqual(await titles(ann, "18.02"), ["Riyadh meeting"]);
  });

  test("nothing typed shows what is coming; nothing found offers a hint", async () => {
    const [coming] = await parley.ask(ann, "");
    assert.deepEqual(coming.inline!.results.map((r) => r.title), ["Second phone call", "Second Istanbul round", "Leaders' summit"]);
    const [none] = await parley.ask(ann, "vladivostok");
    assert.deepEqual(none.inline!.results, []);
    assert.equal(none.inline!.button?.text, "Nothing found: try a city, a name or a date");
  });
});

describe("an entry's details", () => {
  test("“📅 Add to calendar” sends the entry as an .ics file a calendar reads", async () => {
    const [details] = await parley.say(boris, "/event istanbul-round-2-2025-04-10");
    assert.deepEqual(details.buttons.at(-1), ["📅 В календарь", "↗️ Поделиться"]);
    const [answer, doc] = await parley.press(boris, details, "📅 В календарь");
    assert.equal(answer.method, "answerCallbackQuery");
    assert.equal(doc.method, "sendDocument");
    assert.equal(doc.text, "Откройте файл, чтобы добавить «Второй раунд в Стамбуле» в календарь.");
    assert.equal(doc.file!.name, "istanbul-round-2-2025-04-10.ics");
    const calendar = new ICAL.Component(ICAL.parse(doc.file!.data.toString("utf8")));
    const [event] = calendar.getAllSubcomponents("vevent");
    assert.equal(event.getFirstPropertyValue("uid"), "istanbul-round-2-2025-04-10@parley");
    assert.equal(event.getFirstPropertyValue("summary"), "Второй раунд в Стамбуле");
    assert.equal(event.getFirstPropertyValue("status"), "CONFIRMED");
    assert.equal((event.getFirstPropertyValue("dtstart") as ICAL.Time).toString(), "2025-04-10");
  });

  test("“Share” opens inline mode with the entry's id, which finds just that entry", async () => {
    const [details] = await parley.say(ann, "/event riyadh-meeting-2025-02-18");
    const message = parley.telegram.messagesIn(details.chatId!).find((m) => m.message_id === details.messageId)!.message;
    const rows = (message.reply_markup as { inline_keyboard: { text: string; switch_inline_query?: string }[][] }).inline_keyboard;
    const share = rows.flat().find((b) => b.text === "↗️ Share");
    assert.equal(share?.switch_inline_query, "riyadh-meeting-2025-02-18");
    const [answer] = await parley.ask(ann, share!.switch_inline_query!);
    assert.deepEqual(answer.inline!.results.map((r) => r.id), ["riyadh-meeting-2025-02-18"]);
  });

  test("an entry without a day has no calendar button, only Share", async () => {
    const [details] = await parley.say(ann, "/event leaders-summit");
    assert.deepEqual(details.buttons.at(-1), ["↗️ Share"]);
  });
});

describe("/timeline", () => {
  const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

  test("sends a series' picture as a photo within Telegram's limits, captioned in the reader's language", async () => {
    const [photo, ...more] = await parley.say(oksana, "/timeline embassy-operations");
    assert.equal(more.length, 0);
    assert.equal(photo.method, "sendPhoto");
    assert.equal(photo.text, "Робота посольств: хронологія · записів: 2 · на 15 березня 2025");
    const png = photo.file!.data;
    assert.deepEqual([...png.subarray(0, 8)], PNG);
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    assert.ok(width + height <= 10_000 && width / height <= 20 && png.length < 10 * 1024 * 1024, `${width}×${height}, ${png.length} bytes`);
  });

  test("every series without an argument; the second time Telegram's file is reused, not uploaded", async () => {
    const [first] = await parley.say(ann, "/timeline");
    assert.equal(first.text, "All series: timeline · 5 entries · as of 15 March 2025");
    const [again] = await parley.say(ann, "/timeline");
    const call = parley.telegram.calls.filter((c) => c.method === "sendPhoto").at(-1)!;
    assert.equal(typeof call.params.photo, "string", "a file_id");
    assert.deepEqual(again.file!.data, first.file!.data);
  });

  test("an unknown series is explained with the ones there are", async () => {
    const [reply] = await parley.say(ann, "/timeline nope");
    assert.equal(reply.method, "sendMessage");
    assert.match(reply.text, /embassy-operations, leaders/);
  });
});
