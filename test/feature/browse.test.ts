// Reading the record: /latest, /next, /event, /tracks, /track, and the buttons that page through
// them. The clock is fixed at NOW (15 March 2025): three talks were held before it, two are
// scheduled after it and one is announced without a date.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { entry } from "../support/fixtures.ts";
import { type InProcessParley, startParley } from "../support/in-process.ts";
import { NOW, TALKS } from "../support/talks.ts";

const ann = { id: 201, first_name: "Ann", language_code: "en" };
const boris = { id: 202, first_name: "Борис", language_code: "ru" };
const oksana = { id: 203, first_name: "Оксана", language_code: "uk" };

let parley: InProcessParley;
before(async () => {
  parley = await startParley(undefined, { entries: TALKS, now: NOW });
});
after(() => parley.close());

describe("/latest", () => {
  const expected = [
    {
      who: ann,
      first: "Latest developments · 1–3 of 3\n\n27 February 2025 · Round\nIstanbul round\n",
      buttons: [["🔎 27.02.2025 · Istanbul round"], ["🔎 18.02.2025 · Riyadh meeting"], ["🔎 12.02.2025 · Trump–Putin phone call"]],
    },
    {
      who: boris,
      first: "Последние события · 1–3 из 3\n\n27 февраля 2025 · Раунд\nРаунд в Стамбуле\n",
      buttons: [["🔎 27.02.2025 · Раунд в Стамбуле"], ["🔎 18.02.2025 · Встреча в Эр-Рияде"], ["🔎 12.02.2025 · Телефонный разговор Трампа и Путина"]],
    },
    {
      who: oksana,
      first: "Останні події · 1–3 з 3\n\n27 лютого 2025 · Раунд\nРаунд у Стамбулі\n",
      buttons: [["🔎 27.02.2025 · Раунд у Стамбулі"], ["🔎 18.02.2025 · Зустріч в Ер-Ріяді"], ["🔎 12.02.2025 · Телефонна розмова Трампа і Путіна"]],
    },
  ];
  for (const { who, first, buttons } of expected) {
    test(`lists what was held, newest first, in ${who.language_code}, with a details button for each`, async () => {
      const [reply, ...more] = await parley.say(who, "/latest");
      assert.equal(more.length, 0);
      assert.equal(reply.parseMode, "HTML");
      assert.ok(reply.text.startsWith(first), reply.text);
      assert.deepEqual(reply.buttons, buttons);
    });
  }

  test("nothing scheduled after today is among the latest", async () => {
    const [reply] = await parley.say(ann, "/latest");
    assert.doesNotMatch(reply.text, /Second phone call|Second Istanbul round|Leaders' summit/);
  });

  test("/latest N shows N, and “Older” and “Newest” page through the same message", async () => {
    const [page1] = await parley.say(ann, "/latest 2");
    assert.ok(page1.text.startsWith("Latest developments · 1–2 of 3"), page1.text);
    assert.deepEqual(page1.buttons, [["🔎 27.02.2025 · Istanbul round"], ["🔎 18.02.2025 · Riyadh meeting"], ["⬅️ Older"]]);

    const [answer, page2] = await parley.press(ann, page1, "⬅️ Older");
    assert.equal(answer.method, "answerCallbackQuery");
    assert.equal(page2.method, "editMessageText");
    assert.equal(page2.messageId, page1.messageId);
    assert.ok(page2.text.startsWith("Latest developments · 3–3 of 3\n\n12 February 2025 · Call\nTrump–Putin phone call"), page2.text);
    assert.deepEqual(page2.buttons, [["🔎 12.02.2025 · Trump–Putin phone call"], ["⏮ Newest"]]);

    const [, back] = await parley.press(ann, page1, "⏮ Newest");
    assert.equal(back.method, "editMessageText");
    assert.ok(back.text.startsWith("Latest developments · 1–2 of 3"), back.text);
  });

  test("a count it cannot use is explained", async () => {
    const [reply] = await parley.say(ann, "/latest lots");
    assert.equal(reply.text, "“lots” is not a number I can use. Write /latest for the last 5 entries, or /latest N with N from 1 to 20, e.g. /latest 10.");
    const [tooMany] = await parley.say(ann, "/latest 21");
    assert.match(tooMany.text, /^“21” is not a number I can use/);
  });

  test("an empty record says so", async (t) => {
    const empty = await startParley(t, { now: NOW });
    const [reply] = await empty.say(boris, "/latest");
    assert.equal(reply.text, "В хронике пока нет записей.");
    assert.deepEqual(reply.buttons, []);
  });
});

describe("/next", () => {
  test("shows what is scheduled with a countdown, then what is announced without a date", async () => {
    const [reply] = await parley.say(ann, "/next");
    const text = reply.text;
    assert.ok(text.startsWith("Coming up\n\n18 March 2025 · Call · scheduled\nSecond phone call\n⏳ in 3 days\n"), text);
    assert.match(text, /10 April 2025 · Round · scheduled\nSecond Istanbul round\n⏳ in 26 days\n/);
    assert.match(text, /Announced, date not yet set\n\ndate not yet set · Summit · announced\nLeaders' summit\n/);
    assert.deepEqual(reply.buttons, [["🔎 18.03.2025 · Second phone call"], ["🔎 10.04.2025 · Second Istanbul round"], ["🔎 — · Leaders' summit"]]);
  });

  test("in Ukrainian", async () => {
    const [reply] = await parley.say(oksana, "/next");
    assert.ok(reply.text.startsWith("Що попереду\n\n18 березня 2025 · Розмова · призначено\nДруга телефонна розмова\n⏳ через 3 дні\n"), reply.text);
  });

  test("a long list comes in pages of five: “Later” and “Soonest”", async (t) => {
    const rounds = Array.from({ length: 7 }, (_, i) =>
      entry({ id: `round-${i + 2}`, status: "scheduled", sequence: i + 2, date: `2025-04-${String(10 + i).padStart(2, "0")}`, title: { en: `Round ${i + 2}` } }),
    );
    const busy = await startParley(t, { entries: rounds, now: NOW });
    const [page1] = await busy.say(ann, "/next");
    assert.deepEqual(page1.buttons.flat().filter((b) => b.startsWith("🔎")).length, 5);
    assert.deepEqual(page1.buttons.at(-1), ["Later ➡️"]);

    const [, page2] = await busy.press(ann, page1, "Later ➡️");
    assert.equal(page2.method, "editMessageText");
    assert.ok(page2.text.startsWith("Coming up\n\n15 April 2025 · Round · scheduled\nRound 7\n"), page2.text);
    assert.deepEqual(page2.buttons, [["🔎 15.04.2025 · Round 7"], ["🔎 16.04.2025 · Round 8"], ["⏮ Soonest"]]);

    const [, back] = await busy.press(ann, page1, "⏮ Soonest");
    assert.ok(back.text.startsWith("Coming up\n\n10 April 2025 · Round · scheduled\nRound 2\n"), back.text);
  });

  test("the countdown follows the clock, from one minute to the next", async (t) => {
    const soon = await startParley(t, { entries: [entry({ id: "call-2", kind: "call", status: "scheduled", date: "2025-03-15", time: "12:30", timezone: "UTC", title: { en: "Call at half past" } })], now: NOW });
    const [first] = await soon.say(ann, "/next");
    assert.match(first.text, /Call at half past\n⏳ in 30 min/);
    soon.setNow("2025-03-15T12:01:00Z");
    const [again] = await soon.say(ann, "/next");
    assert.match(again.text, /Call at half past\n⏳ in 29 min/);
  });

  test("an entry written to the record is in the next answer at once", async (t) => {
    const desk = await startParley(t, { entries: TALKS, now: NOW, desk: {} });
    const [before] = await desk.say(ann, "/latest");
    assert.ok(before.text.startsWith("Latest developments · 1–3 of 3"), before.text);
    const file = JSON.parse(readFileSync(desk.recordFile!, "utf8"));
    file.entries.push(entry({ id: "consultations", kind: "meeting", date: "2025-03-14", title: { en: "Consultations in Geneva" } }));
    writeFileSync(desk.recordFile!, JSON.stringify(file, null, 2));
    await desk.deps.editorial!.reloadRecord();
    const [after] = await desk.say(ann, "/latest");
    assert.ok(after.text.startsWith("Latest developments · 1–4 of 4\n\n14 March 2025 · Meeting\nConsultations in Geneva\n"), after.text);
  });

  test("with nothing coming, shows the last entry held in each series", async (t) => {
    const past = await startParley(t, { entries: TALKS.slice(0, 3), now: NOW });
    const [reply] = await past.say(ann, "/next");
    assert.ok(reply.text.startsWith("Nothing is scheduled or announced right now.\nThe last entry held in each series:"), reply.text);
    assert.deepEqual(reply.buttons, [["🔎 27.02.2025 · Istanbul round"], ["🔎 18.02.2025 · Riyadh meeting"]]);
  });
});

describe("/event", () => {
  test("shows one entry in full, with its neighbours in the series as buttons", async () => {
    const [reply] = await parley.say(ann, "/event riyadh-meeting-2025-02-18");
    const text = reply.text;
    assert.ok(text.startsWith("Riyadh meeting\nLeaders\n📅 18 February 2025 · Meeting · held\n"), text);
    assert.match(text, /Participants\n• Sonata Coulter — Deputy Assistant Secretary of State \(USA\)\n• Alexander Darchiev \(Russia\)/);
    assert.match(text, /Sources\n1\. Meduza \(en\)/);
    assert.match(reply.source!, /<a href="https:\/\/meduza\.io\/en\/news\/2025\/02\/28\/x">Meduza<\/a>/);
    assert.deepEqual(reply.buttons, [["← 12.02.2025 · Trump–Putin…", "18.03.2025 · Second phone call →"], ["🧵 Whole series"], ["📅 Add to calendar", "↗️ Share"]]);
  });

  test("a details button under a list opens the entry", async () => {
    const [list] = await parley.say(boris, "/latest");
    const [answer, details] = await parley.press(boris, list, "🔎 27.02.2025 · Раунд в Стамбуле");
    assert.equal(answer.method, "answerCallbackQuery");
    assert.equal(details.method, "sendMessage");
    assert.ok(details.text.startsWith("Раунд в Стамбуле\nРабота посольств · раунд 1\n📅 27 февраля 2025 · Раунд · состоялось"), details.text);
  });

  test("a neighbour's button moves along the series", async () => {
    const [details] = await parley.say(ann, "/event riyadh-meeting-2025-02-18");
    const [, earlier] = await parley.press(ann, details, "← 12.02.2025 · Trump–Putin…");
    assert.ok(earlier.text.startsWith("Trump–Putin phone call\nLeaders\n"), earlier.text);
  });

  test("an unknown id, and no id at all, are explained", async () => {
    const [unknown] = await parley.say(ann, "/event nope");
    assert.equal(unknown.text, "There is no entry with the id nope. Check the spelling, or find the id with /latest or /tracks.");
    const [usage] = await parley.say(ann, "/event");
    assert.match(usage.text, /^Write the entry's id after the command, e\.g\. \/event embassy-round-1\./);
  });
});

describe("/tracks and /track", () => {
  test("/tracks lists each series with its last and next entry, and a button for each", async () => {
    const [reply] = await parley.say(ann, "/tracks");
    assert.ok(reply.text.startsWith("Series that Parley follows\n\nEmbassy operations (embassy-operations) · 2 entries\nLast: 27 February 2025 — Istanbul round\nNext: Second Istanbul round (in 26 days)"), reply.text);
    assert.match(reply.text, /Leaders \(leaders\) · 4 entries\nLast: 18 February 2025 — Riyadh meeting\nNext: Second phone call \(in 3 days\)/);
    assert.deepEqual(reply.buttons, [["🧵 embassy-operations"], ["🧵 leaders"]]);
  });

  test("a series' button shows its history", async () => {
    const [list] = await parley.say(oksana, "/tracks");
    const [, history] = await parley.press(oksana, list, "🧵 leaders");
    assert.ok(history.text.startsWith("Лідери (leaders) · 4 записи\n"), history.text);
    assert.match(history.text, /Історія · 1–4 з 4/);
  });

  test("/track shows the series' history, newest first", async () => {
    const [reply] = await parley.say(ann, "/track embassy-operations");
    assert.match(reply.text, /History · 1–2 of 2\n\n10 April 2025 · Round · scheduled\nSecond Istanbul round\n[^]*27 February 2025 · Round\nIstanbul round/);
    assert.deepEqual(reply.buttons, [["🔎 10.04.2025 · Second Istanbul round"], ["🔎 27.02.2025 · Istanbul round"]]);
  });

  test("a long history comes in pages of eight: “Older” and “Newest” page through the same message", async (t) => {
    const calls = Array.from({ length: 10 }, (_, i) =>
      entry({ id: `call-${i + 1}`, track: "leaders", kind: "call", date: `2025-01-${String(i + 1).padStart(2, "0")}`, title: { en: `Call ${i + 1}` } }),
    );
    const long = await startParley(t, { entries: calls, now: NOW });
    const [page1] = await long.say(ann, "/track leaders");
    assert.match(page1.text, /History · 1–8 of 10\n\n10 January 2025 · Call\nCall 10\n/);
    assert.deepEqual(page1.buttons.at(-1), ["⬅️ Older"]);

    const [answer, page2] = await long.press(ann, page1, "⬅️ Older");
    assert.equal(answer.method, "answerCallbackQuery");
    assert.equal(page2.method, "editMessageText");
    assert.equal(page2.messageId, page1.messageId);
    assert.match(page2.text, /History · 9–10 of 10\n\n2 January 2025 · Call\nCall 2\n[^]*1 January 2025 · Call\nCall 1\n/);
    assert.deepEqual(page2.buttons, [["🔎 02.01.2025 · Call 2"], ["🔎 01.01.2025 · Call 1"], ["⏮ Newest"]]);

    const [, back] = await long.press(ann, page1, "⏮ Newest");
    assert.match(back.text, /History · 1–8 of 10/);
  });

  test("an unknown series, and none at all, are answered with the series there are", async () => {
    const [unknown] = await parley.say(ann, "/track nope");
    assert.equal(unknown.text, "There is no series nope. Series: embassy-operations, leaders");
    const [usage] = await parley.say(ann, "/track");
    assert.match(usage.text, /Series: embassy-operations, leaders$/);
  });
});
