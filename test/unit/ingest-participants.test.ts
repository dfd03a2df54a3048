// Who took part and on which sides, one rule family at a time, each in the languages it
// covers: people named by their post, delegations listed further down, who said he took
// part, and who belongs to another contact.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readStory } from "../../src/ingest/sentences.ts";
import { readArticle as read } from "../support/ingest-cases.ts";

const people = (text: string, published: string) => read(text, published).drafts[0]?.participants.map((p) => p.name).sort();
const parties = (text: string, published: string) => read(text, published).drafts[0]?.parties;

describe("people named by their post", () => {
  it("reads the two presidents as the ones the story names, or holds the post that day", () => {
    assert.deepEqual(people("Президенты России и США обсудили перемирие\n\nПрезиденты России и США в среду провели телефонный разговор, сообщил помощник президента РФ Юрий Ушаков.", "2026-04-29"), ["Donald Trump", "Vladimir Putin"]);
    assert.deepEqual(people("Президенти Росії та США провели телефонну розмову\n\nПрезиденти Росії та США в середу провели телефонну розмову.", "2024-03-06"), ["Joe Biden", "Vladimir Putin"]);
    assert.deepEqual(people("Ruble jumps after call\n\nThe two presidents spoke by phone on Wednesday for an hour and a half. Trump called the call with Putin productive.", "2025-02-13"), ["Donald Trump", "Vladimir Putin"]);
  });
  it("reads the foreign ministers by the country each post names", () => {
    assert.deepEqual(people("Глави МЗС США і Росії поговорили телефоном\n\nОчільник Держдепу та російський міністр закордонних справ у середу провели телефонну розмову. Це вже четверта розмова Марко Рубіо і Сергія Лаврова.", "2025-05-28"), ["Marco Rubio", "Sergei Lavrov"]);
    assert.deepEqual(people("Главы МИД России и США провели телефонный разговор\n\nГлавы МИД России и США в среду провели телефонный разговор.", "2025-05-28"), ["Marco Rubio", "Sergei Lavrov"]);
  });
  it("reads an envoy and a son-in-law by the one the story names", () => {
    assert.deepEqual(people("Літак американського спецпосланника сів у Внуково\n\nАмериканський спецпосланник прибув до Москви для переговорів. Разом зі спецпосланцем прилетів зять президента США.\n\nНагадаємо, Стів Віткофф і Джаред Кушнер напередодні провели у Флориді переговори з українською делегацією.", "2025-12-02"), ["Jared Kushner", "Steve Witkoff"]);
    assert.deepEqual(people("US envoy lands in Moscow for talks with Putin\n\nThe U.S. envoy landed in Moscow on Thursday for talks with President Vladimir Putin. Witkoff's plane touched down at Vnukovo.", "2026-01-22"), ["Steve Witkoff", "Vladimir Putin"]);
  });
  it("lets a name beat a post on its side, and reads a deputy as no holder of the post", () => {
    assert.deepEqual(people("Planned Rubio-Lavrov meeting put on hold\n\nA planned meeting between U.S. Secretary of State Marco Rubio and Russian Foreign Minister Sergei Lavrov has been put on hold, casting doubt on a summit between the two countries' presidents. Trump and Putin spoke last week.", "2025-10-21"), ["Marco Rubio", "Sergei Lavrov"]);
    assert.deepEqual(people("Consultations on embassies to resume\n\nThe next round of consultations will be held in Istanbul on April 10. The Russian side will be led by Ambassador Alexander Darchiev and the American side by Deputy Assistant Secretary of State Sonata Coulter. Rubio welcomed the talks.", "2025-04-08"), ["Alexander Darchiev", "Sonata Coulter"]);
  });
  it("reads a title before a given name and surname as the holder's, and one before a principal's as his", () => {
    assert.deepEqual(people("Переговоры в Абу-Даби\n\nВ пятницу в Абу-Даби начинаются переговоры России и США. Американскую сторону представляют спецпосланник Стив Уиткофф и зять Дональда Трампа Джаред Кушнер, российскую — Кирилл Дмитриев.", "2026-01-23"), ["Jared Kushner", "Kirill Dmitriev", "Steve Witkoff"]);
    assert.deepEqual(people("Навіщо команда Трампа зустрічалася з посланцем Путіна\n\nУ середу в Маямі відбулася зустріч Кирила Дмитрієва з американськими переговорниками — Стівом Віткоффом і Джаредом Кушнером.", "2026-03-12"), ["Jared Kushner", "Kirill Dmitriev", "Steve Witkoff"]);
  });
});

describe("a sentence naming its people by their posts", () => {
  it("fills in the contact of the one it names by his posts, his principal beside them", () => {
    assert.equal(read("Дмитриев прилетел в Вашингтон\n\nСпецпредставитель Путина и глава РФПИ сегодня прибыл в США.", "2025-04-02").drafts[0].date, "2025-04-02");
    assert.equal(read("Дмитрієв прилетів до Вашингтона\n\nСпецпредставник Путіна та голова РФПІ сьогодні прибув до США.", "2025-04-02").drafts[0].date, "2025-04-02");
  });
});

describe("posts that name no participant", () => {
  it("reads a post after another post, through an adjective, as the principal", () => {
    assert.deepEqual(people("Уиткофф и Кушнер провели переговоры с Дмитриевым\n\nСпецпосланник президента США Стив Уиткофф и зять американского лидера Джаред Кушнер провели переговоры с Кириллом Дмитриевым в Давосе.", "2026-01-21"), ["Jared Kushner", "Kirill Dmitriev", "Steve Witkoff"]);
  });
  it("reads a country after a preposition as a place, not the post's side", () => {
    assert.deepEqual(people("Дмитриев прилетел в Майами на переговоры с Уиткоффом\n\nСамолет, на котором в США летел спецпредставитель президента по инвестиционно-экономическому сотрудничеству Кирилл Дмитриев, приземлился в Майами. Переговоры с Уиткоффом пройдут в субботу.", "2025-10-24"), ["Kirill Dmitriev", "Steve Witkoff"]);
  });
});

describe("officials names.json does not know", () => {
  it("reads a post with its country and a name after it, in each language", () => {
    assert.deepEqual(people("Russia-US consultations to resume in Istanbul\n\nThe next round of consultations will be held in Istanbul on April 10. The Russian side will be led by Russian Deputy Foreign Minister Sergei Vershinin and the American side by U.S. Deputy Assistant Secretary of State John Smith.", "2025-04-08"), ["John Smith", "Sergei Vershinin"]);
    assert.deepEqual(people("Консультации России и США пройдут в Стамбуле\n\nОчередной раунд консультаций России и США пройдет в Стамбуле 10 апреля. Российскую делегацию возглавит заместитель министра иностранных дел России Сергей Вершинин.", "2025-04-08"), ["Sergey Vershinin"]);
    assert.deepEqual(people("Консультації Росії та США відбудуться в Стамбулі\n\nЧерговий раунд консультацій Росії та США відбудеться в Стамбулі 10 квітня. Російську делегацію очолить заступник міністра закордонних справ Росії Сергій Вершинін.", "2025-04-08"), ["Serhii Vershynin"]);
    const r = read("Консультации России и США пройдут в Стамбуле\n\nОчередной раунд консультаций России и США пройдет в Стамбуле 10 апреля. Российскую делегацию возглавит заместитель министра иностранных дел России Сергей Вершинин.", "2025-04-08");
    assert.ok(r.drafts[0].guessed.includes("participants"));
  });
  it("leaves out a name in another case, an American's in Cyrillic and an institution's", () => {
    assert.deepEqual(people("Консультации России и США пройдут в Стамбуле\n\nОчередной раунд консультаций России и США пройдет в Стамбуле 10 апреля под руководством заместителя министра иностранных дел России Сергея Вершинина и помощника госсекретаря США Джона Смита.", "2025-04-08"), []);
    assert.deepEqual(people("Консультации России и США пройдут в Стамбуле\n\nОчередной раунд консультаций России и США пройдет в Стамбуле 10 апреля. Американскую делегацию возглавит помощник госсекретаря США Джон Смит.", "2025-04-08"), []);
    assert.deepEqual(people("Dmitriev to visit Washington\n\nKirill Dmitriev will lead a delegation to Washington next week, the head of the Russian Direct Investment Fund told reporters.", "2025-04-01"), ["Kirill Dmitriev"]);
  });
  it("reads a post's last word (\"National Security\") as no surname", () => {
    assert.deepEqual(people("Trilateral talks to resume in Geneva\n\nRussia, Ukraine and the United States will hold a new round of talks in Geneva on Tuesday. Kyiv's team will be led by the secretary of Ukraine's National Security and Defense Council, Rustem Umerov.", "2026-02-13"), ["Rustem Umerov"]);
  });
});

describe("delegations and who took part", () => {
  it("counts a speaker who says he took part himself", () => {
    assert.deepEqual(people("Переговоры Путина и Уиткоффа в Кремле завершились\n\nВстреча Путина с Уиткоффом в Кремле завершилась.\n\nПо словам Ушакова, с российской стороны во встрече также участвовали он сам и Кирилл Дмитриев.", "2025-04-25"), ["Kirill Dmitriev", "Steve Witkoff", "Vladimir Putin", "Yuri Ushakov"]);
    assert.deepEqual(people("Зустріч Путіна і Віткоффа в Кремлі завершилася\n\nЗустріч Путіна з Віткоффом у Кремлі завершилася.\n\nЗа словами Ушакова, у зустрічі також брали участь він сам і Кирило Дмитрієв.", "2025-04-25"), ["Kirill Dmitriev", "Steve Witkoff", "Vladimir Putin", "Yuri Ushakov"]);
    assert.deepEqual(people("Putin and Witkoff end Kremlin talks\n\nPutin's talks with Witkoff in the Kremlin ended on Friday.\n\nThe meeting was also attended by Dmitriev and by Ushakov himself, Ushakov said.", "2025-04-25"), ["Kirill Dmitriev", "Steve Witkoff", "Vladimir Putin", "Yuri Ushakov"]);
  });
  it("counts one who came together with a visitor, on the team or alongside", () => {
    assert.deepEqual(people("Віткофф прилетів до Москви на переговори з Путіним\n\nВіткофф прилетів до Москви на переговори з Путіним. Разом з ним прилетів Джаред Кушнер.", "2025-12-02"), ["Jared Kushner", "Steve Witkoff", "Vladimir Putin"]);
    assert.deepEqual(people("Уиткофф прилетел в Москву на переговоры с Путиным\n\nУиткофф прилетел в Москву на переговоры с Путиным. Вместе с ним прилетел Джаред Кушнер.", "2025-12-02"), ["Jared Kushner", "Steve Witkoff", "Vladimir Putin"]);
    assert.deepEqual(people("What we know about the talks in Geneva\n\nDelegations from Ukraine, Russia and the United States will meet in Geneva on Tuesday. Medinsky will head the Russian delegation. Kostyukov will stay on the team, alongside Deputy Foreign Minister Mikhail Galuzin, Peskov said.", "2026-02-16"), ["Igor Kostyukov", "Mikhail Galuzin", "Vladimir Medinsky"]);
  });
  it("reads an office's planning in a delegate's post as no plan of another contact", () => {
    assert.deepEqual(people("Russia-US talks held in Riyadh\n\nRussian and US delegations held talks in Riyadh on Monday. The Russian side was led by Grigory Karasin. The US delegation was headed by Michael Anton, the State Department's director of policy planning.", "2025-03-25"), ["Grigory Karasin", "Michael Anton"]);
  });
  it("reads 'як пояснив', 'как объяснил', 'as … explained' as speaking, not taking part", () => {
    assert.deepEqual(people("Тристороння зустріч України, США та Росії в Абу-Дабі так і не відбулася\n\nТристороння зустріч делегацій України, США та Росії, яку очікували цього тижня в Абу-Дабі, так і не відбулася. Як пояснив президент Володимир Зеленський, американська сторона попросила перенести переговори, нової дати поки немає.", "2026-03-06"), []);
    assert.deepEqual(people("Встреча в Женеве так и не состоялась\n\nВстреча делегаций России и США, которую ждали на этой неделе в Женеве, так и не состоялась. Как объяснил президент Владимир Зеленский, американская сторона попросила перенести переговоры.", "2026-03-06"), []);
    assert.deepEqual(people("Geneva meeting never took place\n\nThe meeting of Russian and US delegations expected in Geneva this week never took place. As President Volodymyr Zelensky explained, the American side asked to move the talks.", "2026-03-06"), []);
  });
  it("reads the one named in a quote before 'said X' as what X said, so as one taking part", () => {
    assert.deepEqual(people("Наступний раунд у середу\n\nНаступний раунд переговорів України, США та Росії відбудеться 4 лютого в Абу-Дабі. «Делегацію очолить Рустем Умєров», – сказав Зеленський.", "2026-02-02"), ["Rustem Umerov"]);
    assert.deepEqual(people("Следующий раунд в среду\n\nСледующий раунд переговоров Украины, США и России состоится 4 февраля в Абу-Даби. «Делегацию возглавит Рустем Умеров», — сказал Зеленский.", "2026-02-02"), ["Rustem Umerov"]);
    assert.deepEqual(people("Next round on Wednesday\n\nThe next round of trilateral talks will take place in Abu Dhabi on February 4. \"The delegation will be led by Rustem Umerov,\" said Zelensky.", "2026-02-02"), ["Rustem Umerov"]);
  });
  it("reads 'по его словам', 'за його словами', 'according to him' as another's words, not the speech of a name beside them", () => {
    const want = ["Jared Kushner", "Steve Witkoff"];
    assert.deepEqual(people("Наступний раунд у середу\n\nНаступний раунд переговорів України, США та Росії відбудеться 4 лютого в Абу-Дабі. З американського боку, за його словами, участь візьмуть Стів Віткофф і Джаред Кушнер.", "2026-02-02"), want);
    assert.deepEqual(people("Следующий раунд в среду\n\nСледующий раунд переговоров Украины, США и России состоится 4 февраля в Абу-Даби. С американской стороны, по его словам, участие примут Стив Уиткофф и Джаред Кушнер.", "2026-02-02"), want);
    assert.deepEqual(people("Next round on Wednesday\n\nThe next trilateral round will take place in Abu Dhabi on February 4. On the U.S. side, according to him, Steve Witkoff and Jared Kushner will take part.", "2026-02-02"), want);
  });
  it("counts a side's people listed after the side's country opening the sentence ('От США …', 'For the U.S., …')", () => {
    const want = ["Jared Kushner", "Rustem Umerov", "Steve Witkoff"];
    assert.deepEqual(people("Переговоры в Женеве завершились\n\nВ Женеве завершились трехсторонние переговоры Украины, США и России. Украинскую делегацию возглавил Рустем Умеров. От США за столом были Стив Уиткофф и Джаред Кушнер.", "2026-02-18"), want);
    assert.deepEqual(people("Переговори в Женеві завершилися\n\nУ Женеві завершилися тристоронні переговори України, США та Росії. Українську делегацію очолив Рустем Умєров. Від США за столом були Стів Віткофф і Джаред Кушнер.", "2026-02-18"), want);
    assert.deepEqual(people("Geneva talks end\n\nTrilateral talks between Ukraine, the U.S. and Russia ended in Geneva. Rustem Umerov led Ukraine's delegation. For the U.S., Steve Witkoff and Jared Kushner were at the table.", "2026-02-18"), want);
  });
  it("counts a side's people listed after \"from the Russian side\", and those beside one taking part", () => {
    assert.deepEqual(people("Віткофф і Кушнер провели переговори з Путіним у Кремлі\n\nПутін у четвер провів у Кремлі переговори зі Стівом Віткоффом і Джаредом Кушнером. З російського боку за столом також були Юрій Ушаков і Кирило Дмитрієв.", "2026-01-23"), ["Jared Kushner", "Kirill Dmitriev", "Steve Witkoff", "Vladimir Putin", "Yuri Ushakov"]);
    assert.deepEqual(people("Putin hosts Witkoff in the Kremlin\n\nPutin received Steve Witkoff in the Kremlin on Thursday. On the Russian side, Yuri Ushakov and Kirill Dmitriev were also at the table.", "2025-08-07"), ["Kirill Dmitriev", "Steve Witkoff", "Vladimir Putin", "Yuri Ushakov"]);
    assert.deepEqual(people("Путин и Трамп провели переговоры в Анкоридже\n\nПутин и Трамп в пятницу провели переговоры в Анкоридже. Вместе с Путиным за столом сидели Сергей Лавров и Юрий Ушаков, вместе с Трампом — Марко Рубио и Стив Уиткофф.", "2025-08-16"), ["Donald Trump", "Marco Rubio", "Sergei Lavrov", "Steve Witkoff", "Vladimir Putin", "Yuri Ushakov"]);
  });
  it("counts one named before \"the State Department said\", and those travelling for the contact", () => {
    assert.deepEqual(people("Rubio to meet Lavrov in Riyadh\n\nRubio and Lavrov will meet in Riyadh on Tuesday. Rubio will be joined by Mike Waltz and Steve Witkoff, the State Department said.", "2025-02-17"), ["Marco Rubio", "Mike Waltz", "Sergei Lavrov", "Steve Witkoff"]);
    assert.deepEqual(people("US and Russian officials to meet in Riyadh\n\nUS and Russian officials will meet in Riyadh on Tuesday. Peskov told reporters that Sergei Lavrov and Yuri Ushakov would fly to Riyadh for the talks.", "2025-02-17"), ["Sergei Lavrov", "Yuri Ushakov"]);
    assert.deepEqual(people("Переговоры России и США пройдут в Эр-Рияде\n\nПереговоры России и США пройдут в Эр-Рияде во вторник. Сергей Лавров и Юрий Ушаков прилетят в Саудовскую Аравию на переговоры.", "2025-02-17"), ["Sergei Lavrov", "Yuri Ushakov"]);
  });
  it("counts those a side sends, and reads a recall in a relative clause as the person's record", () => {
    assert.deepEqual(people("Russia and US to hold talks in Istanbul\n\nRussia and the United States will hold a new round of talks in Istanbul on Wednesday. Washington will send Steve Witkoff and Jared Kushner.", "2026-03-09"), ["Jared Kushner", "Steve Witkoff"]);
    assert.deepEqual(people("Russia and US to hold talks in Istanbul\n\nRussia and the United States will hold a new round of talks in Istanbul on Wednesday. Washington will send Steve Witkoff and Jared Kushner, who have represented the US at all previous rounds.", "2026-03-09"), ["Jared Kushner", "Steve Witkoff"]);
    assert.deepEqual(people("Переговоры России и США пройдут в Стамбуле\n\nПереговоры России и США пройдут в Стамбуле в среду. Российскую делегацию возглавит Кирилл Дмитриев, который участвовал и в предыдущих раундах.", "2026-03-09"), ["Kirill Dmitriev"]);
  });
  it("counts those travelling to where the headline and the lead place the contact", () => {
    assert.deepEqual(people("Консультации России и США пройдут в Стамбуле\n\nКонсультации России и США пройдут в Стамбуле в четверг. В Стамбул приедут Александр Дарчиев и Соната Коултер.", "2025-04-08"), ["Alexander Darchiev", "Sonata Coulter"]);
    assert.deepEqual(people("Russia-US talks to be held in Riyadh\n\nRussian and US officials will hold talks in Riyadh on Tuesday. Sergei Lavrov and Marco Rubio are expected to arrive in Riyadh.", "2025-02-17"), ["Marco Rubio", "Sergei Lavrov"]);
  });
  it("reads the people of a headline's second sentence that names no contact as speaking of it", () => {
    assert.deepEqual(people("Консультации России и США в Стамбуле отложены. Рябков связал это с визами\n\nКонсультации России и США в Стамбуле отложены. Российскую делегацию должен был возглавить Александр Дарчиев.", "2025-04-08"), ["Alexander Darchiev"]);
  });
  it("reads \"as Zelensky said earlier\" as when it was said, not a recall", () => {
    assert.deepEqual(people("Трехсторонние переговоры пройдут в Абу-Даби\n\nТрехсторонние переговоры России, США и Украины пройдут в Абу-Даби в среду. Украинскую делегацию, как ранее заявил Зеленский, вновь возглавит Рустем Умеров.", "2026-02-03"), ["Rustem Umerov"]);
    assert.deepEqual(people("Trilateral talks to resume in Abu Dhabi\n\nTrilateral talks between Russia, Ukraine and the US will resume in Abu Dhabi on Wednesday. Ukraine's delegation, as Zelensky said earlier, will again be led by Rustem Umerov.", "2026-02-03"), ["Rustem Umerov"]);
  });
  it("leaves out one said not to take part", () => {
    assert.deepEqual(people("Russia, Ukraine and US delegations to meet in Istanbul\n\nDelegations of Russia, Ukraine and the United States will meet in Istanbul on Wednesday. Umerov will lead the Ukrainian team. Zelensky will not participate in the talks.", "2026-03-09"), ["Rustem Umerov"]);
    assert.deepEqual(people("Делегации России, Украины и США встретятся в Стамбуле\n\nДелегации России, Украины и США встретятся в Стамбуле в среду. Украинскую делегацию возглавит Умеров. Зеленский участия в переговорах не примет.", "2026-03-09"), ["Rustem Umerov"]);
  });
  it("leaves out a delegation of a side the headline and the lead do not name", () => {
    const uk = "Переговори Росії та США в Ер-Ріяді відбудуться в понеділок\n\nПереговори російської та американської делегацій відбудуться в понеділок, 24 березня, в Ер-Ріяді. Російську делегацію очолять Григорій Карасін і Сергій Бесєда.\n\nАмериканська делегація перед цим зустрінеться з українською: українську групу очолить Рустем Умєров.";
    assert.deepEqual(people(uk, "2025-03-20"), ["Grigory Karasin", "Sergey Beseda"]);
    assert.deepEqual(parties(uk, "2025-03-20"), ["RU", "US"]);
    assert.deepEqual(people("Russia-US talks in Riyadh set for Monday\n\nRussian and American delegations will meet in Riyadh on Monday. The Russian delegation will be led by Grigory Karasin. Before that, Umerov will lead the Ukrainian team at talks with the Americans.", "2025-03-20"), ["Grigory Karasin"]);
  });
  it("keeps the three sides a headline lists while the story names two sides' people", () => {
    assert.deepEqual(parties("Переговоры России, США и Украины в Абу-Даби отложены\n\nПереговоры России, США и Украины в Абу-Даби отложены. Украинскую делегацию должен был возглавить Рустем Умеров, американскую — Стив Уиткофф.", "2026-03-05"), ["RU", "UA", "US"]);
    assert.deepEqual(parties("Russia-Ukraine-US talks in Istanbul postponed\n\nThe talks in Istanbul planned for Wednesday have been postponed. Ukraine's delegation was to be led by Rustem Umerov; Washington was to send Steve Witkoff.", "2026-03-09"), ["RU", "UA", "US"]);
    assert.equal(read("US, Ukraine meet in Geneva ahead of talks with Russia\n\nUS and Ukrainian officials met in Geneva on Sunday ahead of talks with Russia. Rubio led the US side; Umerov led Ukraine's.", "2025-11-24").relevant, false);
  });
  it("reads a comparison with earlier rounds as no recall of one", () => {
    assert.deepEqual(people("Третій раунд тристоронніх переговорів може відбутися в Женеві\n\nТретій раунд переговорів делегацій України, США та Росії може відбутися наприкінці тижня у Женеві. Українську делегацію, як і під час попередніх раундів, очолить Рустем Умєров. Від США візьмуть участь Стів Віткофф і Джаред Кушнер.", "2026-02-10"), ["Jared Kushner", "Rustem Umerov", "Steve Witkoff"]);
    assert.deepEqual(people("Третий раунд трехсторонних переговоров пройдет в Женеве\n\nТретий раунд переговоров делегаций Украины, США и России пройдет в Женеве в среду. Российскую делегацию, как и на предыдущих раундах, возглавит Игорь Костюков.", "2026-02-10"), ["Igor Kostyukov"]);
  });
  it("keeps the three sides a trilateral round's lead names while one side's people are unknown", () => {
    assert.deepEqual(parties("Третій раунд тристоронніх переговорів може відбутися в Женеві\n\nТретій раунд переговорів делегацій України, США та Росії може відбутися наприкінці тижня у Женеві. Українську делегацію очолить Рустем Умєров. Від США візьмуть участь Стів Віткофф і Джаред Кушнер. Склад російської делегації поки невідомий.", "2026-02-10"), ["RU", "UA", "US"]);
  });
  it("reads a delegation that goes on from a recalled round as that round's", () => {
    assert.deepEqual(people("Третій раунд консультацій Росії та США може відбутися восени\n\nТретій раунд консультацій Росії та США може відбутися до кінця осені. Два попередні раунди консультацій пройшли у Стамбулі. Делегації очолювали Олександр Дарчієв і Соната Коултер.", "2025-10-01"), []);
    assert.deepEqual(people("Рябков: третій раунд консультацій Росії і США може відбутися восени\n\nТретій раунд російсько-американських консультацій може відбутися до кінця осені, заявив Рябков.\n\nРосійська делегація на попередніх раундах була представлена Олександром Дарчієвим. Американську делегацію очолювала Соната Култер.", "2025-10-01"), []);
  });
  it("names the other side by the one they were to meet, past a country the record does not follow", () => {
    assert.deepEqual(people("Witkoff and Kushner's Moscow trip called off as Iran war consumes White House\n\nA planned visit to Moscow by Steve Witkoff and Jared Kushner has been cancelled, as US-Israeli strikes on Iran upend Washington's calendar. The two men had been expected to meet Russian President Vladimir Putin in the Kremlin.", "2026-03-03"), ["Jared Kushner", "Steve Witkoff", "Vladimir Putin"]);
    assert.deepEqual(parties("Witkoff and Kushner's Moscow trip called off as Iran war consumes White House\n\nA planned visit to Moscow by Steve Witkoff and Jared Kushner has been cancelled, as US-Israeli strikes on Iran upend Washington's calendar. The two men had been expected to meet Russian President Vladimir Putin in the Kremlin.", "2026-03-03"), ["RU", "US"]);
  });
  it("names the other side by the meeting with him, once one side's people are known", () => {
    assert.deepEqual(people("Літак американського спецпосланника сів у Внуково\n\nСтів Віткофф прибув до Москви. Про час зустрічі з Путіним повідомив Кремль: переговори почнуться о 18:00.", "2025-12-02"), ["Steve Witkoff", "Vladimir Putin"]);
  });
  it("counts one joined by \"and\" to the one met, through a title", () => {
    assert.deepEqual(people("Дмитриев полетит в Майами на встречу с Уиткоффом\n\nКирилл Дмитриев на следующей неделе отправится в Майами. Там он проведет переговоры с Уиткоффом и Кушнером.", "2025-12-12"), ["Jared Kushner", "Kirill Dmitriev", "Steve Witkoff"]);
    assert.deepEqual(people("Дмитрієв наступного тижня зустрінеться з Віткоффом у Маямі\n\nКирило Дмитрієв наступного тижня вирушить до Маямі. Там він проведе переговори з Віткоффом і зятем Трампа Джаредом Кушнером.", "2025-12-12"), ["Jared Kushner", "Kirill Dmitriev", "Steve Witkoff"]);
    assert.deepEqual(people("Dmitriev to meet Witkoff in Miami next week\n\nKirill Dmitriev will travel to Miami next week. There he is expected to hold talks with Witkoff and Jared Kushner.", "2025-12-12"), ["Jared Kushner", "Kirill Dmitriev", "Steve Witkoff"]);
  });
  it("counts those met with one, listed after him through their titles", () => {
    assert.deepEqual(people("Putin's envoy meets US team in Miami\n\nKirill Dmitriev arrived in Miami on Wednesday for a meeting.\n\nDmitriev met with U.S. special envoy Steve Witkoff, Jared Kushner and senior White House adviser Josh Gruenbaum.", "2026-03-11"), ["Jared Kushner", "Josh Gruenbaum", "Kirill Dmitriev", "Steve Witkoff"]);
    assert.deepEqual(people("Посланник Путина встретился с американской командой в Майами\n\nКирилл Дмитриев в среду прибыл в Майами на встречу.\n\nДмитриев встретился со спецпосланником Стивом Уиткоффом, Джаредом Кушнером и советником Белого дома Джошем Грюнбаумом.", "2026-03-11"), ["Jared Kushner", "Josh Gruenbaum", "Kirill Dmitriev", "Steve Witkoff"]);
    assert.deepEqual(people("Посланець Путіна зустрівся з американською командою в Маямі\n\nКирило Дмитрієв у середу прибув до Маямі на зустріч.\n\nДмитрієв зустрівся зі спецпосланцем Стівом Віткоффом, Джаредом Кушнером і радником Білого дому Джошем Грюнбаумом.", "2026-03-11"), ["Jared Kushner", "Josh Gruenbaum", "Kirill Dmitriev", "Steve Witkoff"]);
  });
  it("counts one who sits in or is present ('sit in', 'присутствовать', 'присутній')", () => {
    assert.deepEqual(people("Witkoff and Kushner head to Moscow for Putin meeting\n\nSteve Witkoff and Jared Kushner will meet Vladimir Putin in the Kremlin on Thursday. Kirill Dmitriev is also expected to sit in, a source said.", "2026-01-21"), ["Jared Kushner", "Kirill Dmitriev", "Steve Witkoff", "Vladimir Putin"]);
    assert.deepEqual(people("Уиткофф и Кушнер полетят в Москву на встречу с Путиным\n\nСтив Уиткофф и Джаред Кушнер встретятся с Владимиром Путиным в Кремле в четверг. На встрече также будет присутствовать Кирилл Дмитриев.", "2026-01-21"), ["Jared Kushner", "Kirill Dmitriev", "Steve Witkoff", "Vladimir Putin"]);
    assert.deepEqual(people("Віткофф і Кушнер полетять до Москви на зустріч із Путіним\n\nСтів Віткофф і Джаред Кушнер зустрінуться з Володимиром Путіним у Кремлі в четвер. На зустрічі також буде присутній Кирило Дмитрієв.", "2026-01-21"), ["Jared Kushner", "Kirill Dmitriev", "Steve Witkoff", "Vladimir Putin"]);
  });
  it("counts a side's people listed after \"Від Америки\", \"От Америки\"", () => {
    assert.deepEqual(people("Переговори в Женеві у вівторок\n\nУ вівторок у Женеві розпочнеться новий раунд тристоронніх зустрічей – Україна, США, Росія. Нашу команду очолює Рустем Умєров. Від Америки – Стів Віткофф і Джаред Кушнер.", "2026-02-15"), ["Jared Kushner", "Rustem Umerov", "Steve Witkoff"]);
    assert.deepEqual(people("Переговоры в Женеве во вторник\n\nВо вторник в Женеве начнется новый раунд трехсторонних встреч — Украина, США, Россия. Украинскую команду возглавит Рустем Умеров. От Америки — Стив Уиткофф и Джаред Кушнер.", "2026-02-15"), ["Jared Kushner", "Rustem Umerov", "Steve Witkoff"]);
  });
  it("counts one who has taken part or is taking part, not one who will not take part", () => {
    assert.deepEqual(people("Dmitriev meets Witkoff in Miami\n\nKirill Dmitriev met Steve Witkoff in Miami on Saturday. Secretary of State Marco Rubio had also taken part in the talks, a White House official said.", "2026-02-01"), ["Kirill Dmitriev", "Marco Rubio", "Steve Witkoff"]);
    assert.deepEqual(people("Dmitriev meets Witkoff in Miami\n\nKirill Dmitriev met Steve Witkoff in Miami on Saturday. Secretary of State Marco Rubio did not take part in the talks.", "2026-02-01"), ["Kirill Dmitriev", "Steve Witkoff"]);
  });
  it("leaves out one only thought possible ('не исключил, что войдет', 'did not rule out')", () => {
    assert.deepEqual(people("Уиткофф и Кушнер приедут в Москву\n\nСпецпосланник Стив Уиткофф и Джаред Кушнер приедут в Москву в июне, их примет Владимир Путин. Ушаков не исключил, что в состав делегации войдет Марко Рубио.", "2026-04-30"), ["Jared Kushner", "Steve Witkoff", "Vladimir Putin"]);
    assert.deepEqual(people("Віткофф і Кушнер приїдуть до Москви\n\nСпецпосланець Стів Віткофф і Джаред Кушнер приїдуть до Москви в червні, їх прийме Володимир Путін. Ушаков не виключив, що до складу делегації увійде Марко Рубіо.", "2026-04-30"), ["Jared Kushner", "Steve Witkoff", "Vladimir Putin"]);
    assert.deepEqual(people("Witkoff and Kushner to visit Moscow\n\nSteve Witkoff and Jared Kushner will travel to Moscow in June to meet Vladimir Putin. Ushakov did not rule out that Marco Rubio would join the delegation.", "2026-04-30"), ["Jared Kushner", "Steve Witkoff", "Vladimir Putin"]);
  });
  it("reads \"as before\" as a comparison, not a recall", () => {
    assert.deepEqual(people("Трехсторонние переговоры пройдут в Абу-Даби\n\nТрехсторонние переговоры России, США и Украины пройдут в Абу-Даби в среду. Украинскую делегацию, как и прежде, возглавит Рустем Умеров.", "2026-02-02"), ["Rustem Umerov"]);
    assert.deepEqual(people("Тристоронні переговори відбудуться в Абу-Дабі\n\nТристоронні переговори України, США та Росії відбудуться в Абу-Дабі в середу. Українську делегацію, як і раніше, очолить Рустем Умєров.", "2026-02-02"), ["Rustem Umerov"]);
  });
  it("takes the people of the first sentence about the contact before the delegations listed after it", () => {
    assert.deepEqual(people("Анкоридж: что осталось после саммита\n\nИтоги недели.\n\nВстреча без сделки, но с пониманием\n\nВ пятницу под Анкориджем Владимир Путин и Дональд Трамп провели личную встречу. С российской стороны в переговорах участвовали Сергей Лавров и Юрий Ушаков, с американской — Марко Рубио и Стив Уиткофф.", "2025-08-18"), ["Donald Trump", "Marco Rubio", "Sergei Lavrov", "Steve Witkoff", "Vladimir Putin", "Yuri Ushakov"]);
  });
  it("counts in one who says he goes with another ('Jared and I', 'мы с Кушнером')", () => {
    assert.deepEqual(people("Witkoff: 'Jared and I will be in Moscow next week'\n\nThe special envoy told Fox News on Tuesday that the trip would come early in the week.", "2025-11-26"), ["Jared Kushner", "Steve Witkoff"]);
    assert.deepEqual(people("Уиткофф: «Мы с Кушнером полетим в Москву на следующей неделе»\n\nСпецпосланник рассказал об этом во вторник.", "2025-11-26"), ["Jared Kushner", "Steve Witkoff"]);
    assert.deepEqual(people("Віткофф: «Ми з Джаредом Кушнером поїдемо до Москви наступного тижня»\n\nСпецпосланець розповів про це у вівторок.", "2025-11-26"), ["Jared Kushner", "Steve Witkoff"]);
    assert.deepEqual(people("Witkoff says he and Kushner will travel to Moscow next week\n\nU.S. special envoy Steve Witkoff said on Tuesday he and Jared Kushner would go to Moscow early next week.", "2025-11-26"), ["Jared Kushner", "Steve Witkoff"]);
  });
  it("reads a quoted one as speaking, not taking part", () => {
    assert.deepEqual(people("Переговори Росії та США відбудуться в понеділок\n\nПереговори російської та американської делегацій відбудуться в понеділок в Ер-Ріяді. «Ми домовилися, що наші групи зустрінуться», – цитують Ушакова російські агентства. Російську делегацію очолить Григорій Карасін.", "2025-03-20"), ["Grigory Karasin"]);
  });
});

describe("interviews", () => {
  it("keeps the people of the contact a question recalls out of the next one, and counts in the one interviewed", () => {
    const en = "Ryabkov: next round of Russian-US consultations in Geneva in March\n\nAn interview with Deputy Foreign Minister Sergei Ryabkov.\n\nQ: What came of the first meeting in Istanbul?\n\nWe spoke frankly. The American delegation was led by Sonata Coulter.\n\nQ: When is the next round?\n\nWe agreed that the next round of consultations will take place in Geneva in March. I will again lead the Russian delegation.";
    assert.deepEqual(people(en, "2026-02-10"), ["Sergei Ryabkov"]);
    assert.deepEqual(people(en.replace("the first meeting in Istanbul", "the talks in Istanbul on February 2"), "2026-02-10"), ["Sergei Ryabkov"]);
    const ru = "Рябков: следующий раунд российско-американских консультаций пройдет в марте в Женеве\n\nИнтервью заместителя министра иностранных дел Сергея Рябкова\n\n— Сергей Алексеевич, чем закончилась первая встреча в Стамбуле?\n\n— Мы поговорили откровенно. Американскую делегацию возглавляла Соната Култер.\n\n— Когда следующий раунд?\n\n— Договорились, что следующий раунд консультаций пройдет в марте в Женеве. Российскую делегацию снова возглавлю я.";
    assert.deepEqual(people(ru, "2026-02-10"), ["Sergei Ryabkov"]);
    const uk = "Умєров: наступний раунд тристоронніх переговорів відбудеться в лютому\n\nІнтерв'ю секретаря РНБО Рустема Умєрова.\n\n– Як минула перша зустріч у Женеві?\n\n– Працювали предметно. Російську делегацію очолював Володимир Мединський.\n\n– Коли наступний раунд?\n\n– Наступний раунд тристоронніх переговорів відбудеться в лютому. Делегацію України очолюватиму я.";
    assert.deepEqual([people(uk, "2026-01-28"), parties(uk, "2026-01-28")], [["Rustem Umerov"], ["RU", "UA", "US"]]);
  });
});

describe("an interview whose news is an answer", () => {
  it("reads a trip the interviewee tells in his answer, host side by where it goes, him and the one he names going", () => {
    const ru = "Уиткофф в эфире Fox News\n\nСпецпосланник Стив Уиткофф во вторник дал интервью телеканалу Fox News.\n\n— Когда вы снова поедете в Россию?\n\n— На следующей неделе. Мы с Джаредом будем в Москве в начале недели.";
    assert.deepEqual([people(ru, "2025-11-26"), parties(ru, "2025-11-26")], [["Jared Kushner", "Steve Witkoff"], ["RU", "US"]]);
    const uk = "Віткофф в ефірі Fox News\n\nСпецпосланець Стів Віткофф у вівторок дав інтерв'ю телеканалу Fox News.\n\n– Коли ви знову поїдете до Росії?\n\n– Наступного тижня. Ми з Джаредом будемо в Москві на початку тижня.";
    assert.deepEqual(people(uk, "2025-11-26"), ["Jared Kushner", "Steve Witkoff"]);
    const en = "Witkoff on Fox News: the full interview\n\nSpecial envoy Steve Witkoff sat for an interview with Fox News Channel on Tuesday night.\n\nHOST: The president said today you're going back to Russia. When?\n\nWITKOFF: Next week. Jared and I will be in Moscow, most likely early in the week.";
    assert.deepEqual(people(en, "2025-11-26"), ["Jared Kushner", "Steve Witkoff"]);
  });
});

describe("people of another contact told beside this one", () => {
  it("reads a sentence that goes on from a contact dated to another day as that contact's", () => {
    assert.deepEqual(people("Третий раунд консультаций России и США пройдет в Москве 12 июня\n\nТретий раунд российско-американских консультаций пройдет в Москве 12 июня. Российскую делегацию возглавит Александр Дарчиев.\n\nРешение о консультациях приняли на встрече делегаций в Эр-Рияде 18 февраля. В ней участвовали Сергей Лавров и Марко Рубио.", "2025-06-09"), ["Alexander Darchiev"]);
    assert.deepEqual(people("Russia-US consultations set for June 12 in Moscow\n\nThe third round of Russia-US consultations will take place in Moscow on June 12. The Russian delegation will be led by Alexander Darchiev.\n\nThe consultations were agreed at a meeting in Riyadh on February 18. It was attended by Lavrov and Rubio.", "2025-06-09"), ["Alexander Darchiev"]);
  });
  it("reads the people of a time clause before the news, naming both sides, as an earlier contact's", () => {
    assert.deepEqual(people("Kremlin confirms Putin-Trump summit\n\nTwo days after envoy Steve Witkoff held talks with Vladimir Putin in Moscow, the Kremlin said Putin will meet Donald Trump in Budapest on October 30.", "2025-10-18"), ["Donald Trump", "Vladimir Putin"]);
    assert.deepEqual(people("Кремль підтвердив саміт Путіна і Трампа\n\nЧерез три дні після того, як Віткофф провів переговори з Путіним у Кремлі, Москва підтвердила, що Путін зустрінеться з Трампом 15 серпня.", "2025-08-09"), ["Donald Trump", "Vladimir Putin"]);
  });
  it("reads the people of the contact a first since measures from as that contact's", () => {
    assert.deepEqual(people("Putin and Trump to meet in Alaska\n\nPutin and Trump will meet in Alaska on August 15. It will be the first Russian delegation at a summit on US soil since Putin met Joe Biden in Geneva.", "2025-08-09"), ["Donald Trump", "Vladimir Putin"]);
    assert.deepEqual(people("Путин и Трамп встретятся на Аляске\n\nПутин и Трамп встретятся на Аляске 15 августа. Это будет первая российская делегация на саммите с июня 2021 года, когда Путин встречался с Джо Байденом в Женеве.", "2025-08-09"), ["Donald Trump", "Vladimir Putin"]);
  });
  it("reads a delegation told as done beside a contact moved, or told done then, as an earlier contact's", () => {
    assert.deepEqual(people("Russia-Ukraine-US talks in Istanbul postponed\n\nA new round of trilateral talks planned for Istanbul this week has been postponed. Ukraine's delegation was to be led by Rustem Umerov. The round in Geneva on 17 February was the first in which the Russian delegation was headed by Vladimir Medinsky.", "2026-03-09"), ["Rustem Umerov"]);
    assert.deepEqual(people("Переговоры России, США и Украины отложены\n\nТрехсторонние переговоры в Абу-Даби отложены. Украинскую делегацию должен был возглавить Рустем Умеров. В Женеве российскую делегацию возглавил Владимир Мединский.", "2026-03-05"), ["Rustem Umerov"]);
    assert.deepEqual(people("Тристоронні переговори відбудуться в Абу-Дабі\n\nТристоронні переговори відбудуться в Абу-Дабі в середу. Українську делегацію очолить Умєров. Перша зустріч у цьому форматі пройшла в січні: російську делегацію тоді очолив Ігор Костюков.", "2026-02-02"), ["Rustem Umerov"]);
    assert.deepEqual(people("Встреча Дмитриева и Уиткоффа ожидается в субботу\n\nВстреча Кирилла Дмитриева со Стивом Уиткоффом ожидается в субботу в Майами. Дмитриев неоднократно участвовал во встречах американского посланника с Путиным.", "2025-10-24"), ["Kirill Dmitriev", "Steve Witkoff"]);
  });
  it("reads the president after \"an aide to\" as whose aide, not one taking part", () => {
    assert.deepEqual(people("Russia and US delegations to meet in Istanbul\n\nRussian and US delegations will meet in Istanbul on Thursday. The Russian delegation will be led by Vladimir Medinsky, an aide to President Vladimir Putin.", "2026-03-09"), ["Vladimir Medinsky"]);
  });
  it("reads one told to have taken part several times as in other contacts", () => {
    assert.deepEqual(people("Путин принял Уиткоффа в Кремле\n\nПутин в четверг принял Стива Уиткоффа в Кремле. Ушаков неоднократно участвовал в их переговорах.", "2025-10-24"), ["Steve Witkoff", "Vladimir Putin"]);
    assert.deepEqual(people("Putin hosts Witkoff in the Kremlin\n\nPutin received Steve Witkoff in the Kremlin on Thursday. Yuri Ushakov has attended their talks several times.", "2025-10-24"), ["Steve Witkoff", "Vladimir Putin"]);
  });
  it("reads a record told in an aside as the person's, not another contact", () => {
    assert.deepEqual(people("Trilateral talks to resume in Geneva\n\nRussia, Ukraine and the US will hold trilateral talks in Geneva on Tuesday. Rustem Umerov, who has led the Ukrainian delegation several times, will lead it again.", "2026-02-16"), ["Rustem Umerov"]);
    assert.deepEqual(people("Witkoff holds talks in Moscow\n\nSteve Witkoff held talks in Moscow on Thursday. Witkoff, who first met Putin in February, discussed a ceasefire with his hosts.", "2026-02-20"), ["Steve Witkoff"]);
  });
  it("reads one named after \"days after … summit with\" as that summit's", () => {
    assert.deepEqual(people("Rubio and Lavrov to meet in Budapest\n\nRubio and Lavrov will meet in Budapest on Thursday. Ushakov will be in the Russian delegation, days after Trump's summit with Putin in Alaska.", "2025-10-20"), ["Marco Rubio", "Sergei Lavrov", "Yuri Ushakov"]);
  });
  it("reads a name after 'before' through an English capitalised title ('before President Trump's deadline'), and one whose deadline it is, as no participant", () => {
    assert.deepEqual(people("Witkoff to meet Putin on Wednesday\n\nSpecial envoy Steve Witkoff will meet Vladimir Putin in Moscow on Wednesday, two days before President Trump's deadline for Russia.", "2025-08-05"), ["Steve Witkoff", "Vladimir Putin"]);
    assert.deepEqual(people("Уиткофф встретится с Путиным в среду\n\nСпецпосланник Стив Уиткофф встретится с Владимиром Путиным в Москве в среду, за два дня до истечения ультиматума Трампа.", "2025-08-05"), ["Steve Witkoff", "Vladimir Putin"]);
    assert.deepEqual(people("Віткофф зустрінеться з Путіним у середу\n\nСпецпосланець Стів Віткофф зустрінеться з Володимиром Путіним у Москві в середу, за два дні до спливу ультиматуму Трампа.", "2025-08-05"), ["Steve Witkoff", "Vladimir Putin"]);
    assert.deepEqual(people("Witkoff to meet Putin on Wednesday\n\nSpecial envoy Steve Witkoff will meet Vladimir Putin in Moscow on Wednesday, as Trump's deadline nears.", "2025-08-05"), ["Steve Witkoff", "Vladimir Putin"]);
  });
  it("reads the subject of an 'after that' clause ('после того, как Трамп …', 'після того, як Трамп …') as another event's", () => {
    assert.deepEqual(people("Третий раунд консультаций в Москве отменен\n\nТретий раунд российско-американских консультаций в Москве отменен. СМИ связывают паузу с охлаждением после того, как президент Дональд Трамп выразил недовольство ходом переговоров.", "2025-06-16"), []);
    assert.deepEqual(people("Третій раунд консультацій у Москві скасовано\n\nТретій раунд російсько-американських консультацій у Москві скасовано. ЗМІ пов'язують паузу з охолодженням після того, як президент Дональд Трамп висловив невдоволення ходом переговорів.", "2025-06-16"), []);
    assert.deepEqual(people("Third round of consultations in Moscow cancelled\n\nThe third round of Russian-American consultations in Moscow has been cancelled. Media link the pause to a cooling after President Donald Trump voiced displeasure with the talks.", "2025-06-16"), []);
  });
  it("reads the people of a contact being prepared, and a name joined to theirs, as that contact's", () => {
    assert.deepEqual(people("Рубіо і Лавров провели телефонну розмову\n\nРубіо і Лавров у понеділок обговорили телефоном підготовку зустрічі Трампа і Путіна.", "2025-10-20"), ["Marco Rubio", "Sergei Lavrov"]);
    assert.deepEqual(people("Рубио и Лавров провели телефонный разговор\n\nРубио и Лавров в понедельник обсудили по телефону подготовку встречи Трампа и Путина.", "2025-10-20"), ["Marco Rubio", "Sergei Lavrov"]);
    assert.deepEqual(people("Rubio and Lavrov speak by phone ahead of Trump-Putin summit\n\nRubio and Lavrov spoke by phone on Monday.", "2025-10-20"), ["Marco Rubio", "Sergei Lavrov"]);
  });
  it("reads a name before \"team\" as whose team, not one taking part", () => {
    assert.deepEqual(people("Dmitriev meets Trump team in Miami\n\nKirill Dmitriev met Steve Witkoff in Miami on Wednesday.", "2026-03-12"), ["Kirill Dmitriev", "Steve Witkoff"]);
  });
  it("reads the people of a phone call as no part of a contact held in person", () => {
    assert.deepEqual(people("Russian and US officials meet in Riyadh\n\nRussian and US officials held talks in Riyadh on Monday.\n\nThe talks followed a phone call between Trump and Putin on March 18.", "2025-03-25"), []);
    assert.deepEqual(people("Консультації Росії та США в Москві скасовано\n\nРаунд консультацій Росії та США в Москві скасовано.\n\nПро такі консультації Лавров і Рубіо домовилися під час телефонної розмови в лютому, а потім підтвердили це на зустрічі делегацій.", "2025-06-16"), []);
  });
});

describe("those who set a contact up", () => {
  it("reads ministers who agree on a round of consultations as its makers, not its delegates", () => {
    assert.deepEqual(people("Ministers agree on a new round of consultations\n\nForeign Minister Sergei Lavrov said he had agreed with Marco Rubio on a fourth round of consultations on the embassies, with no date set.", "2025-11-02"), []);
    assert.deepEqual(people("Лавров и Рубио договорились о новом раунде консультаций\n\nМинистр Лавров обсудил с госсекретарем Рубио работу посольств, и договоренность достигнута: четвертый раунд консультаций пройдет зимой.", "2025-11-02"), []);
    assert.deepEqual(people("Лавров і Рубіо домовилися про новий раунд консультацій\n\nМіністр Сергій Лавров заявив, що домовився з Марко Рубіо про проведення четвертого раунду консультацій щодо посольств.", "2025-11-02"), []);
  });
  it("keeps ministers who agree to meet, and the delegates of a round they agreed on", () => {
    assert.deepEqual(people("Lavrov and Rubio agree to meet\n\nSergei Lavrov and Marco Rubio agreed on Monday to meet in Budapest next week.", "2025-10-20"), ["Marco Rubio", "Sergei Lavrov"]);
    assert.deepEqual(people("Лавров и Рубио договорились о новом раунде консультаций\n\nЛавров и Рубио договорились о четвертом раунде консультаций России и США по работе посольств. Российскую делегацию возглавит Александр Дарчиев.", "2025-11-02"), ["Alexander Darchiev"]);
  });
});

describe("the story around the people", () => {
  it("reads past a short source line and an update stamp", () => {
    const story = readStory("В Абу-Дабі розпочалися переговори\n\nВ Абу-Дабі розпочався раунд переговорів.\n\nДжерело: УП\n\nОновлено о 15:50\n\nДелегацію очолює Рустем Умєров.\n\nJan. 22, 2026 — Updated: 8:35 p.m.");
    assert.deepEqual(story.sentences.map((s) => s.text), ["В Абу-Дабі розпочалися переговори", "В Абу-Дабі розпочався раунд переговорів.", "Делегацію очолює Рустем Умєров."]);
    assert.equal(readStory("U.S. Envoys Fly to Moscow for Talks\n\nJan. 22, 2026 — Updated: 8:35 p.m.\n\nA plane carrying Witkoff landed in Moscow.").dateLine, "Jan. 22, 2026");
  });
});

describe("people a long story names beside the contact who took no part", () => {
  it("leaves out one whose presence a sentence denies, after his name or before a list", () => {
    assert.deepEqual(people("Lavrov and Rubio meet in Riyadh\n\nRussian Foreign Minister Sergei Lavrov and Secretary of State Marco Rubio met in Riyadh on Tuesday. Kirill Dmitriev, head of Russia's wealth fund, who flew to Riyadh with the Russian delegation, was not at the table.", "2025-02-18"), ["Marco Rubio", "Sergei Lavrov"]);
    assert.deepEqual(people("Dmitriev meets Witkoff in Miami\n\nKirill Dmitriev met Steve Witkoff in Miami on Saturday. Army Secretary Dan Driscoll, who joined the delegation last month, has not been involved in the talks.", "2025-12-20"), ["Kirill Dmitriev", "Steve Witkoff"]);
    assert.deepEqual(people("Путин и Трамп провели переговоры в Анкоридже\n\nПутин и Трамп провели переговоры в Анкоридже в пятницу. Путина сопровождал Сергей Лавров. Министр обороны Андрей Белоусов и министр финансов Антон Силуанов, прилетевшие в составе делегации, в переговорах так и не участвовали.", "2025-08-15"), ["Donald Trump", "Sergei Lavrov", "Vladimir Putin"]);
    assert.deepEqual(people("Путин и Трамп провели переговоры в Анкоридже\n\nПутин и Трамп провели переговоры в Анкоридже в пятницу. В составе делегации прилетели Лавров и Ушаков, но за столом так и не оказались министр обороны Андрей Белоусов и министр финансов Антон Силуанов.", "2025-08-15"), ["Donald Trump", "Sergei Lavrov", "Vladimir Putin", "Yuri Ushakov"]);
    assert.deepEqual(people("Путін і Трамп провели переговори в Анкориджі\n\nПутін і Трамп провели переговори в Анкориджі в пʼятницю. У складі делегації прилетіли Лавров і Ушаков, але за столом так і не опинилися міністр оборони Андрій Бєлоусов і міністр фінансів Антон Силуанов.", "2025-08-15"), ["Donald Trump", "Sergei Lavrov", "Vladimir Putin", "Yuri Ushakov"]);
    assert.deepEqual(people("Путін і Трамп провели переговори в Анкориджі\n\nПутін і Трамп провели переговори в Анкориджі в пʼятницю. У переговорах брав участь Сергій Лавров. Кирило Дмитрієв, який прилетів разом із делегацією, участі в самих переговорах не брав.", "2025-08-15"), ["Donald Trump", "Sergei Lavrov", "Vladimir Putin"]);
  });
  it("leaves out the author of a deed the contact is timed by ('a deadline set by Trump')", () => {
    assert.deepEqual(people("Putin hosts Witkoff\n\nPutin held talks with U.S. envoy Steve Witkoff at the Kremlin on Wednesday, two days before the expiry of a deadline set by President Donald Trump.", "2025-08-06"), ["Steve Witkoff", "Vladimir Putin"]);
    assert.deepEqual(people("Путин принял Уиткоффа\n\nПутин провел переговоры с Уиткоффом в Кремле в среду, за два дня до истечения срока, установленного Трампом.", "2025-08-06"), ["Steve Witkoff", "Vladimir Putin"]);
    assert.deepEqual(people("Путін прийняв Віткоффа\n\nПутін провів переговори з Віткоффом у Кремлі в середу, за два дні до спливу терміну, встановленого Трампом.", "2025-08-06"), ["Steve Witkoff", "Vladimir Putin"]);
  });
  it("leaves out, in the story of a contact done, those who were to take part", () => {
    assert.deepEqual(people("Путин и Трамп провели переговоры в Анкоридже\n\nПутин и Трамп провели переговоры в Анкоридже в пятницу. С российской стороны участвовал Сергей Лавров. С американской стороны должны были участвовать Скотт Бессент и Говард Лютник.", "2025-08-15"), ["Donald Trump", "Sergei Lavrov", "Vladimir Putin"]);
    assert.deepEqual(people("Путін і Трамп провели переговори в Анкориджі\n\nПутін і Трамп провели переговори в Анкориджі в пʼятницю. З російського боку брав участь Сергій Лавров. З американського боку мали взяти участь Скотт Бессент і Говард Лютнік.", "2025-08-15"), ["Donald Trump", "Sergei Lavrov", "Vladimir Putin"]);
    assert.deepEqual(people("Putin and Trump meet in Anchorage\n\nPutin and Trump held talks in Anchorage on Friday, joined by Sergei Lavrov. On the U.S. side, Scott Bessent and Howard Lutnick had been expected to join the talks.", "2025-08-15"), ["Donald Trump", "Sergei Lavrov", "Vladimir Putin"]);
  });
});

describe("people a long story names as present, or a side at a time", () => {
  it("reads those said to be in the room or across the table", () => {
    assert.deepEqual(people("Putin meets Witkoff in St Petersburg\n\nPutin met Witkoff in St Petersburg on Friday. Also in the room were Kirill Dmitriev, the head of the wealth fund, and Yuri Ushakov, the Kremlin's foreign policy aide.", "2025-04-11"), ["Kirill Dmitriev", "Steve Witkoff", "Vladimir Putin", "Yuri Ushakov"]);
    assert.deepEqual(people("Rubio and Waltz meet Russians in Riyadh\n\nMarco Rubio and Mike Waltz met Russian officials in Riyadh on Tuesday. Across the table sat Sergei Lavrov and Yuri Ushakov.", "2025-02-18"), ["Marco Rubio", "Mike Waltz", "Sergei Lavrov", "Yuri Ushakov"]);
    assert.deepEqual(people("Путин принял Уиткоффа в Петербурге\n\nПутин принял Уиткоффа в Петербурге в пятницу. В зале также находились Кирилл Дмитриев и Юрий Ушаков.", "2025-04-11"), ["Kirill Dmitriev", "Steve Witkoff", "Vladimir Putin", "Yuri Ushakov"]);
    assert.deepEqual(people("Путін прийняв Віткоффа в Петербурзі\n\nПутін прийняв Віткоффа в Петербурзі в пʼятницю. У залі також були Кирило Дмитрієв і Юрій Ушаков.", "2025-04-11"), ["Kirill Dmitriev", "Steve Witkoff", "Vladimir Putin", "Yuri Ushakov"]);
  });
  it("reads a side named with its people after a dash, the verb left to the sentence before", () => {
    assert.deepEqual(people("Перший раунд у Абу-Дабі\n\nУ п'ятницю в Абу-Дабі відбувся перший раунд тристоронніх переговорів. Українську делегацію очолював Рустем Умєров. Російську — начальник ГРУ адмірал Ігор Костюков. Американську сторону представляли Стів Віткофф і Джаред Кушнер.", "2026-01-23"), ["Igor Kostyukov", "Jared Kushner", "Rustem Umerov", "Steve Witkoff"]);
    assert.deepEqual(people("Первый раунд в Абу-Даби\n\nВ пятницу в Абу-Даби прошел первый раунд трехсторонних переговоров. Российскую делегацию возглавил начальник ГРУ Игорь Костюков. Украинскую, по данным украинских СМИ, — Рустем Умеров. Американскую сторону представляли Стив Уиткофф и Джаред Кушнер.", "2026-01-23"), ["Igor Kostyukov", "Jared Kushner", "Rustem Umerov", "Steve Witkoff"]);
    assert.deepEqual(people("First round in Abu Dhabi\n\nThe first round of trilateral talks was held in Abu Dhabi on Friday. Ukraine's delegation was led by Rustem Umerov. Russia's, by Adm. Igor Kostyukov. Steve Witkoff and Jared Kushner represented the United States.", "2026-01-23"), ["Igor Kostyukov", "Jared Kushner", "Rustem Umerov", "Steve Witkoff"]);
  });
});

describe("the people of a round moved, under a subtitle that tells a call", () => {
  // 2026-03-09 was a Monday.
  it("are those the story says were to take part, not the callers (en, ru, uk)", () => {
    const en = people("Three-way talks on Ukraine postponed again\nPutin and Trump spoke by phone in the evening\n\nThe trilateral round set for this week has been postponed, Zelensky said.\n\nSteve Witkoff and Jared Kushner were to take part, and Rustem Umerov was to lead the Ukrainian delegation again.", "2026-03-09");
    const ru = people("Трехсторонние переговоры по Украине снова отложены\nВечером Путин и Трамп поговорили по телефону\n\nТрехсторонняя встреча, которая должна была пройти на этой неделе, отложена, заявил Зеленский.\n\nВ переговорах должны были участвовать Стив Уиткофф и Джаред Кушнер, украинскую делегацию должен был снова возглавить Рустем Умеров.", "2026-03-09");
    const uk = people("Тристоронні переговори щодо України знову відклали\nУвечері Путін і Трамп поговорили телефоном\n\nТристоронню зустріч, яка мала відбутися цього тижня, відклали, заявив Зеленський.\n\nУ переговорах мали брати участь Стів Віткофф і Джаред Кушнер, українську делегацію мав знову очолити Рустем Умєров.", "2026-03-09");
    for (const p of [en, ru, uk]) assert.ok(!p?.includes("Vladimir Putin") && !p?.includes("Donald Trump") && p?.includes("Rustem Umerov"), String(p));
  });
});

describe("the people of a meeting put off", () => {
  // 2025-10-21 was a Tuesday.
  it("are not those of a contact done months before, nor one whose 'proposal' a 'membership' sentence rejects (en, ru, uk)", () => {
    const en = people("Rubio-Lavrov meeting put off\n\nA planned meeting between Marco Rubio and Sergei Lavrov has been put off, officials said.\n\nTheir first encounter came in February in Riyadh, when Rubio met Lavrov and Yuri Ushakov.\n\nLavrov insisted on Ukraine's neutrality outside NATO membership, rejecting Donald Trump's proposal.", "2025-10-21");
    const ru = people("Встречу Рубио и Лаврова отложили\n\nЗапланированную встречу Марко Рубио и Сергея Лаврова отложили, сообщили источники.\n\nВпервые они встретились в феврале в Эр-Рияде, когда Рубио провел переговоры с Лавровым и Юрием Ушаковым.", "2025-10-21");
    const uk = people("Зустріч Рубіо і Лаврова відклали\n\nЗаплановану зустріч Марко Рубіо і Сергія Лаврова відклали, повідомили джерела.\n\nУперше вони зустрілися в лютому в Ер-Ріяді, коли Рубіо провів переговори з Лавровим і Юрієм Ушаковим.", "2025-10-21");
    for (const p of [en, ru, uk]) assert.deepEqual(p, ["Marco Rubio", "Sergei Lavrov"]);
  });
});

describe("people of a contact recalled on its own days, or of a call told beside the contact", () => {
  it("leaves out, beside a contact called off or to come, those of one told weeks before the story", () => {
    assert.deepEqual(people("Rubio-Lavrov meeting in Vienna called off\n\nA meeting between Marco Rubio and Sergei Lavrov planned for Vienna next week has been called off, the State Department said on Tuesday.\n\nThe first such talks were held in Riyadh on Feb. 18, 2025, where Steve Witkoff and Mike Waltz joined Rubio and Yuri Ushakov sat beside Lavrov.", "2026-05-12"), ["Marco Rubio", "Sergei Lavrov"]);
    assert.deepEqual(people("Встречу Рубио и Лаврова в Вене отменили\n\nВстреча Марко Рубио и Сергея Лаврова, запланированная в Вене на следующей неделе, отменена, сообщили во вторник в Госдепе.\n\nПервыми такими переговорами стала встреча в Эр-Рияде 18 февраля 2025 года: Рубио сопровождал Стив Уиткофф, Лаврова — Юрий Ушаков и Кирилл Дмитриев.", "2026-05-12"), ["Marco Rubio", "Sergei Lavrov"]);
    assert.deepEqual(people("Зустріч Рубіо і Лаврова у Відні скасували\n\nЗустріч Марко Рубіо і Сергія Лаврова, заплановану у Відні на наступний тиждень, скасовано, повідомили у вівторок у Держдепі.\n\nПершими такими переговорами стала зустріч в Ер-Ріяді 18 лютого 2025 року: Рубіо супроводжували Стів Віткофф і Майк Волц, Лаврова — Юрій Ушаков.", "2026-05-12"), ["Marco Rubio", "Sergei Lavrov"]);
  });
  it("leaves out the people of a phone call the lines under the headline tell beside a contact in person", () => {
    assert.deepEqual(people("Trilateral talks in Istanbul put off\nPutin and Trump spoke by phone in the evening\n\nThe trilateral meeting set for Istanbul this week has been put off at Washington's request, Zelensky said on Monday. Steve Witkoff and Rustem Umerov were to take part in the talks.", "2026-03-09"), ["Rustem Umerov", "Steve Witkoff"]);
    assert.deepEqual(people("Трехсторонние переговоры в Стамбуле отложены\nВечером Путин и Трамп поговорили по телефону\n\nТрехсторонняя встреча в Стамбуле, намеченная на эту неделю, отложена по просьбе Вашингтона, заявил в понедельник Зеленский. В переговорах должны были участвовать Стив Уиткофф и Рустем Умеров.", "2026-03-09"), ["Rustem Umerov", "Steve Witkoff"]);
    assert.deepEqual(people("Тристоронні переговори у Стамбулі відклали\nУвечері Путін і Трамп поговорили телефоном\n\nТристоронню зустріч у Стамбулі, призначену на цей тиждень, відклали на прохання Вашингтона, заявив у понеділок Зеленський. У переговорах мали взяти участь Стів Віткофф і Рустем Умєров.", "2026-03-09"), ["Rustem Umerov", "Steve Witkoff"]);
  });
});

describe("people who react to a contact", () => {
  it("leaves out one who thanks or praises the delegation", () => {
    assert.deepEqual(people("Umerov leads talks in Abu Dhabi\nRound held\n\nUkrainian, Russian and US delegations met in Abu Dhabi on Thursday. Ukraine's delegation was led by Rustem Umerov, Russia's by Igor Kostyukov. Steve Witkoff represented the United States. In his evening address, Volodymyr Zelensky thanked the delegation and the American partners.", "2026-05-15"), ["Igor Kostyukov", "Rustem Umerov", "Steve Witkoff"]);
    assert.deepEqual(people("Умеров возглавил делегацию в Абу-Даби\nРаунд прошел\n\nДелегации Украины, России и США встретились в Абу-Даби в четверг. Украинскую делегацию возглавил Рустем Умеров, российскую — Игорь Костюков. США представлял Стив Уиткофф. Владимир Зеленский в вечернем обращении поблагодарил делегацию и американских партнеров.", "2026-05-15"), ["Igor Kostyukov", "Rustem Umerov", "Steve Witkoff"]);
    assert.deepEqual(people("Умєров очолив делегацію в Абу-Дабі\nРаунд відбувся\n\nДелегації України, Росії та США зустрілися в Абу-Дабі в четвер. Українську делегацію очолив Рустем Умєров, російську — Ігор Костюков. США представляв Стів Віткофф. Володимир Зеленський у вечірньому зверненні подякував делегації та американським партнерам.", "2026-05-15"), ["Igor Kostyukov", "Rustem Umerov", "Steve Witkoff"]);
  });
  it("leaves out one named 'without' through a minister's or an envoy's title", () => {
    assert.deepEqual(people("Witkoff and Kushner meet Putin in Moscow\n\nPutin received Steve Witkoff and Jared Kushner in the Kremlin on Thursday. The Americans were represented only by Witkoff and Kushner — without Secretary of State Marco Rubio.", "2026-06-26"), ["Jared Kushner", "Steve Witkoff", "Vladimir Putin"]);
    assert.deepEqual(people("Путин принял Уиткоффа и Кушнера\n\nПутин принял Стива Уиткоффа и Джареда Кушнера в Кремле в четверг. Американцев представляли только Уиткофф и Кушнер — без госсекретаря Марко Рубио.", "2026-06-26"), ["Jared Kushner", "Steve Witkoff", "Vladimir Putin"]);
    assert.deepEqual(people("Путін прийняв Віткоффа і Кушнера\n\nПутін прийняв Стіва Віткоффа і Джареда Кушнера в Кремлі в четвер. Американців представляли лише Віткофф і Кушнер – без держсекретаря Марко Рубіо.", "2026-06-26"), ["Jared Kushner", "Steve Witkoff", "Vladimir Putin"]);
  });
});

describe("people of a contact recalled on its own days beside one done in the story's week", () => {
  it("leaves out the delegations of a round a week and more before the contact done", () => {
    assert.deepEqual(people("Putin receives Witkoff and Kushner in the Kremlin\n\nPutin held four hours of talks with Steve Witkoff and Jared Kushner in the Kremlin on Thursday.\n\nA week ago, on June 18, a round of embassy consultations was held in Istanbul. The delegations were led by Alexander Darchiev and Sonata Coulter.", "2026-06-26"), ["Jared Kushner", "Steve Witkoff", "Vladimir Putin"]);
    assert.deepEqual(people("Путин принял Уиткоффа и Кушнера в Кремле\n\nПутин в четверг провел в Кремле четыре часа переговоров со Стивом Уиткоффом и Джаредом Кушнером.\n\nНеделю назад, 18 июня, в Стамбуле прошел раунд консультаций по работе посольств. Делегации возглавляли Александр Дарчиев и Соната Коултер.", "2026-06-26"), ["Jared Kushner", "Steve Witkoff", "Vladimir Putin"]);
    assert.deepEqual(people("Путін прийняв Віткоффа і Кушнера в Кремлі\n\nПутін у четвер провів у Кремлі чотири години переговорів зі Стівом Віткоффом і Джаредом Кушнером.\n\nТиждень тому, 18 червня, у Стамбулі відбувся раунд консультацій щодо роботи посольств. Делегації очолювали Олександр Дарчієв і Соната Коултер.", "2026-06-26"), ["Jared Kushner", "Steve Witkoff", "Vladimir Putin"]);
  });
});
