// Who took part, where the sentences around the contact tell other contacts or who speaks of
// it: a later paragraph's meetings, an agreement reached at another contact, a journey on to
// another city, a source talking to the press, a headline's second clause, a question; and a
// sentence that sets this contact against earlier ones. Each rule in the languages where its construction exists.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { tokenize } from "../../src/ingest/words.ts";
import { readArticle as read } from "../support/ingest-cases.ts";

const people = (text: string, published: string) => read(text, published).drafts[0]?.participants.map((p) => p.name).sort();

describe("names as official releases write them", () => {
  it("reads an initial glued to a surname as two words", () => {
    assert.deepEqual(tokenize("С.В.Лаврова с М.Рубио").map((t) => t.text), ["СВ", "Лаврова", "с", "М", "Рубио"]);
    assert.deepEqual(tokenize("U.S. envoy").map((t) => t.text), ["US", "envoy"]);
    assert.deepEqual(people("О телефонном разговоре С.В.Лаврова с М.Рубио\n\n20 октября состоялся телефонный разговор Министра иностранных дел России С.В.Лаврова с Государственным секретарем США М.Рубио.", "2025-10-20"), ["Marco Rubio", "Sergei Lavrov"]);
  });
  it("reads a pair joined by \"and\" to a country as a place, not an official", () => {
    assert.deepEqual(people("Embassy talks in Istanbul\n\nRussian and U.S. diplomats will meet in Istanbul on Thursday for a round of consultations. Russia's delegation will be led by Alexander Darchiev. The U.S. side is led by Sonata Coulter, a deputy assistant secretary of state for Russia and Central Europe.", "2025-04-09"), ["Alexander Darchiev", "Sonata Coulter"]);
  });
});

describe("people of other contacts around this one", () => {
  it("reads the one another of the known side is to meet as his, not this contact's", () => {
    assert.deepEqual(people("Віткофф полетить до Москви\n\nСпецпосланець Стів Віткофф у четвер полетить до Москви, повідомили в Білому домі. Трамп зазначив, що сам зустрінеться з Путіним пізніше.", "2025-11-27"), ["Steve Witkoff"]);
    assert.deepEqual(people("Уиткофф полетит в Москву\n\nСпецпосланник Стив Уиткофф в четверг полетит в Москву, сообщили в Белом доме. Трамп отметил, что сам встретится с Путиным позже.", "2025-11-27"), ["Steve Witkoff"]);
    assert.deepEqual(people("Witkoff to fly to Moscow\n\nSpecial envoy Steve Witkoff will fly to Moscow on Thursday, the White House said. Trump added that he would meet Putin himself later.", "2025-11-27"), ["Steve Witkoff"]);
  });
  it("reads a sentence naming both sides after the delegations' list as another contact", () => {
    assert.deepEqual(people("What we know about the embassy talks\n\nRussian and U.S. diplomats will meet in Istanbul on Thursday for a round of consultations.\n\nRussia's delegation will be led by Alexander Darchiev. The U.S. side is led by Sonata Coulter.\n\nKirill Dmitriev spent two days in Washington, including meetings with Steve Witkoff.", "2025-04-09"), ["Alexander Darchiev", "Sonata Coulter"]);
    assert.deepEqual(people("Консультации в Стамбуле\n\nРоссийские и американские дипломаты встретятся в Стамбуле в четверг на новый раунд консультаций.\n\nРоссийскую делегацию возглавит Александр Дарчиев. Американскую сторону возглавит Соната Коултер.\n\nКирилл Дмитриев провел два дня в Вашингтоне, в том числе встречи со Стивом Уиткоффом.", "2025-04-09"), ["Alexander Darchiev", "Sonata Coulter"]);
  });
  it("reads those who agreed on the contact at another one as that one's people", () => {
    assert.deepEqual(people("Третій раунд консультацій – у Москві\n\nТретій раунд російсько-американських консультацій відбудеться в Москві в червні.\n\nПро старт консультацій домовилися Сергій Лавров і Марко Рубіо на зустрічі в Ер-Ріяді.", "2025-06-05"), []);
    assert.deepEqual(people("Третий раунд консультаций – в Москве\n\nТретий раунд российско-американских консультаций пройдет в Москве в июне.\n\nО старте консультаций договорились Сергей Лавров и Марко Рубио на встрече в Эр-Рияде.", "2025-06-05"), []);
    assert.deepEqual(people("Third round of consultations in Moscow\n\nThe third round of Russian-American consultations will take place in Moscow in June.\n\nSergei Lavrov and Marco Rubio agreed to start the consultations at their meeting in Riyadh.", "2025-06-05"), []);
  });
  it("reads one at several meetings told together as in other contacts", () => {
    assert.deepEqual(people("Dmitriev met Witkoff in Miami\n\nKirill Dmitriev met Steve Witkoff in Miami on Saturday. Dmitriev took part in Witkoff's meetings with Putin in April and August.", "2025-10-26"), ["Kirill Dmitriev", "Steve Witkoff"]);
    assert.deepEqual(people("Дмитрієв зустрівся з Віткоффом у Маямі\n\nКирило Дмитрієв у суботу зустрівся зі Стівом Віткоффом у Маямі. Дмитрієв брав участь у зустрічах Віткоффа з Путіним у квітні та серпні.", "2025-10-26"), ["Kirill Dmitriev", "Steve Witkoff"]);
  });
  it("reads the host at a journey's onward end as that journey's contact", () => {
    assert.deepEqual(people("Witkoff and Kushner meet Dmitriev in Davos\n\nSteve Witkoff and Jared Kushner met Kirill Dmitriev in Davos on Tuesday, and will fly to Moscow for talks with Vladimir Putin on Thursday.", "2026-01-21"), ["Jared Kushner", "Kirill Dmitriev", "Steve Witkoff"]);
    assert.deepEqual(people("Уиткофф и Кушнер встретились с Дмитриевым в Давосе\n\nСтив Уиткофф и Джаред Кушнер во вторник встретились с Кириллом Дмитриевым в Давосе и в четверг вылетят в Москву на переговоры с Путиным.", "2026-01-21"), ["Jared Kushner", "Kirill Dmitriev", "Steve Witkoff"]);
    assert.deepEqual(people("Віткофф і Кушнер зустрілися з Дмитрієвим у Давосі\n\nСтів Віткофф і Джаред Кушнер у вівторок зустрілися з Кирилом Дмитрієвим у Давосі, а в четвер вилетять до Москви на переговори з Путіним.", "2026-01-21"), ["Jared Kushner", "Kirill Dmitriev", "Steve Witkoff"]);
    // (Where the journey is to the contact, its host takes part.)
    assert.deepEqual(people("Witkoff in Moscow\n\nSteve Witkoff arrived in Moscow on Thursday for talks with Vladimir Putin, days after meeting Rustem Umerov in Miami.", "2026-01-22"), ["Steve Witkoff", "Vladimir Putin"]);
  });
  it("reads a delegation dated before the story, beside a contact to come with no day, as an earlier one's", () => {
    assert.deepEqual(people("Уиткофф приедет в Москву\n\nСпецпосланник Стив Уиткофф приедет в Москву на следующей неделе, его примет Путин.\n\n— 23 ноября в Женеве американская и украинская делегации, которые возглавляли Марко Рубио и Рустем Умеров, переработали документ.", "2025-11-27"), ["Steve Witkoff", "Vladimir Putin"]);
  });
});

describe("the sides of three-way talks", () => {
  it("reads the talks called three-way as having all three sides, the ones named further on too", () => {
    assert.deepEqual(people("Кремль назвал состав делегации\n\nКремль назвал состав российской делегации на трехсторонней встрече в Женеве, которая начнется во вторник. Российскую делегацию возглавит Владимир Мединский. Американскую сторону представят Стив Уиткофф и Джаред Кушнер.", "2026-02-16"), ["Jared Kushner", "Steve Witkoff", "Vladimir Medinsky"]);
    assert.deepEqual(people("Кремль назвав склад делегації\n\nКремль назвав склад російської делегації на тристоронній зустрічі в Женеві, яка розпочнеться у вівторок. Російську делегацію очолить Володимир Мединський. Американську сторону представлятимуть Стів Віткофф і Джаред Кушнер.", "2026-02-16"), ["Jared Kushner", "Steve Witkoff", "Vladimir Medinsky"]);
    assert.deepEqual(people("Kremlin names its team\n\nThe Kremlin named its delegation for the trilateral meeting in Geneva, which will open on Tuesday. The Russian delegation will be led by Vladimir Medinsky. Steve Witkoff and Jared Kushner will represent the American side.", "2026-02-16"), ["Jared Kushner", "Steve Witkoff", "Vladimir Medinsky"]);
  });
});

describe("a record told of one taking part", () => {
  it("reads an English relative clause after a name with no comma as his record, not this contact's day", () => {
    assert.deepEqual(people("Next round of Ukraine-Russia-US talks moved\n\nThe next round of trilateral talks in Abu Dhabi has been moved to Feb. 11 and 12, Zelensky said.\n\nThe U.S. team will be led by Steve Witkoff, while Russia is expected to send a group led by Igor Kostyukov that attended the first round on Jan. 23.", "2026-02-07"), ["Igor Kostyukov", "Steve Witkoff"]);
  });
});

describe("a record told of one taking part, in a participle's phrase", () => {
  it("reads a past participle's phrase (and Ukrainian 'що' for 'який') after a name as his record", () => {
    assert.deepEqual(people("Кремль назвал состав делегации на переговорах в Женеве\n\nПереговоры России и США пройдут в Женеве во вторник. В делегацию войдут замминистра Михаил Галузин и адмирал Игорь Костюков, возглавлявший российскую группу на предыдущих раундах.", "2026-02-16"), ["Igor Kostyukov", "Mikhail Galuzin"]);
    assert.deepEqual(people("Кремль назвав склад делегації на переговорах у Женеві\n\nПереговори Росії та США відбудуться в Женеві у вівторок. До делегації увійдуть заступник міністра Михайло Галузін і адмірал Ігор Костюков, що очолював російську групу на попередніх раундах.", "2026-02-16"), ["Igor Kostyukov", "Mikhail Galuzin"]);
    assert.deepEqual(people("Kremlin names its team for the Geneva talks\n\nRussia and the US will hold talks in Geneva on Tuesday. The delegation will include Mikhail Galuzin and Igor Kostyukov, having led the Russian group at the previous rounds.", "2026-02-16"), ["Igor Kostyukov", "Mikhail Galuzin"]);
  });
});

describe("talks another city names as its own", () => {
  it("reads those who lead talks in another city than this contact's as that contact's", () => {
    assert.deepEqual(people("Kremlin Envoy Meets Trump Aides in Miami Ahead of New Talks\n\nKirill Dmitriev met Steve Witkoff in Miami on Saturday.\n\nThe Abu Dhabi talks, led on the Russian side by Igor Kostyukov, have focused on security.", "2026-02-01"), ["Kirill Dmitriev", "Steve Witkoff"]);
  });
});

describe("a headline's second piece of news", () => {
  it("reads the people after a comma that opens on a contact of another kind as that contact's", () => {
    assert.deepEqual(people("Встречу Лаврова и Рубио перенесли, саммит Путина и Трампа под вопросом\n\nЗапланированная на четверг встреча глав МИД России и США перенесена.", "2025-10-22"), ["Marco Rubio", "Sergei Lavrov"]);
    assert.deepEqual(people("Зустріч Лаврова і Рубіо перенесли, саміт Путіна і Трампа під питанням\n\nЗапланована на четвер зустріч глав МЗС Росії та США перенесена.", "2025-10-22"), ["Marco Rubio", "Sergei Lavrov"]);
    // (And what was done before the comma is the first contact's: "перенесли, саммит" moved the meeting.)
    assert.equal(read("Встречу Лаврова и Рубио перенесли, саммит Путина и Трампа под вопросом\n\nЗапланированная на четверг встреча глав МИД России и США перенесена.", "2025-10-22").drafts[0].status, "postponed");
    assert.equal(read("Зустріч Лаврова і Рубіо перенесли, саміт Путіна і Трампа під питанням\n\nЗапланована на четвер зустріч глав МЗС Росії та США перенесена.", "2025-10-22").drafts[0].kind, "meeting");
    assert.deepEqual(people("Rubio-Lavrov meeting off, Trump-Putin summit in doubt\n\nA planned meeting of the Russian and US foreign ministers has been postponed.", "2025-10-22"), ["Marco Rubio", "Sergei Lavrov"]);
  });
  it("reads the people after a semicolon as that clause's news", () => {
    assert.deepEqual(people("Putin meets Witkoff in Kremlin; Umerov to lead Ukraine's team at Abu Dhabi talks\n\nVladimir Putin met Steve Witkoff in the Kremlin on Thursday night.", "2026-01-23"), ["Steve Witkoff", "Vladimir Putin"]);
    assert.deepEqual(people("Путин принял Уиткоффа в Кремле; Умеров возглавит делегацию Украины в Абу-Даби\n\nВладимир Путин встретился со Стивом Уиткоффом в Кремле в четверг вечером.", "2026-01-23"), ["Steve Witkoff", "Vladimir Putin"]);
    assert.deepEqual(people("Путін прийняв Віткоффа в Кремлі; Умєров очолить делегацію України в Абу-Дабі\n\nВолодимир Путін зустрівся зі Стівом Віткоффом у Кремлі в четвер увечері.", "2026-01-23"), ["Steve Witkoff", "Vladimir Putin"]);
  });
  it("reads the people of the call or summit an agreement was reached at as its own", () => {
    assert.deepEqual(people("Ушаков анонсировал июньский визит Уиткоффа в Москву\n\nОб этом договорились в ходе телефонного разговора Путина и Трампа. Уиткоффа в Кремле примет Владимир Путин.", "2026-04-30"), ["Steve Witkoff", "Vladimir Putin"]);
    assert.deepEqual(people("Ушаков анонсував червневий візит Віткоффа до Москви\n\nПро це домовилися під час телефонної розмови Путіна і Трампа. Віткоффа в Кремлі прийме Володимир Путін.", "2026-04-30"), ["Steve Witkoff", "Vladimir Putin"]);
    assert.deepEqual(people("Kremlin announces Witkoff visit to Moscow in June\n\nThe visit was agreed during a phone call between Putin and Trump, the Kremlin said. Putin will receive Witkoff in the Kremlin.", "2026-04-30"), ["Steve Witkoff", "Vladimir Putin"]);
  });
});

describe("where no one of this contact is named", () => {
  it("reads a team told sent beside a contact moved as an earlier round's", () => {
    assert.deepEqual(people("Next round of talks postponed\n\nThe next round of talks between Russia, Ukraine and the United States, due in Abu Dhabi this week, has been postponed, officials said. There have been two rounds so far: in Geneva, Russia sent a team led by Vladimir Medinsky.", "2026-03-05"), []);
    assert.deepEqual(people("Очередной раунд переговоров отложен\n\nОчередной раунд переговоров России, Украины и США в Абу-Даби, намеченный на эту неделю, отложен. В Женеву Москва направила делегацию во главе с Владимиром Мединским.", "2026-03-05"), []);
    assert.deepEqual(people("Черговий раунд переговорів відкладено\n\nЧерговий раунд переговорів Росії, України та США в Абу-Дабі, запланований на цей тиждень, відкладено. До Женеви Москва направила делегацію на чолі з Володимиром Мединським.", "2026-03-05"), []);
  });
  it("reads the people of a body's summit (\"Большой семерки\") as that summit's", () => {
    assert.deepEqual(people("Третий раунд консультаций России и США отменен\n\nТретий раунд консультаций России и США по работе посольств не состоится. В Канаде открывается саммит «Большой семерки», Дональд Трамп уже прибыл в Кананаскис.", "2025-06-16"), []);
    assert.deepEqual(people("Третій раунд консультацій Росії та США скасовано\n\nТретій раунд консультацій Росії та США щодо роботи посольств не відбудеться. У Канаді відкривається саміт «Великої сімки», Дональд Трамп уже прибув до Кананаскіса.", "2025-06-16"), []);
  });
  it("reads \"говорил, что\", \"казав, що\" as saying, not taking part", () => {
    assert.deepEqual(people("Третий раунд консультаций России и США отменен\n\nТретий раунд консультаций России и США по работе посольств не состоится. На прошлой неделе Дарчиев говорил, что следующая встреча на этот раз пройдет в Москве.", "2025-06-16"), []);
    assert.deepEqual(people("Третій раунд консультацій Росії та США скасовано\n\nТретій раунд консультацій Росії та США щодо роботи посольств не відбудеться. Минулого тижня Дарчієв казав, що наступна зустріч цього разу відбудеться в Москві.", "2025-06-16"), []);
  });
  it("reads the one past \"after talks with us\" as the subject of the sentence's own clause", () => {
    assert.deepEqual(people("Умєров: «Ми їдемо домовлятися»\n\nСекретар РНБО — про зустріч з американцями і те, що буде після неї.\n\n— Після розмови з нами пан Віткофф на початку наступного тижня поїде до Москви, щоб зустрітися з Путіним.", "2025-11-27"), ["Steve Witkoff", "Vladimir Putin"]);
    assert.deepEqual(people("Умеров: «Мы едем договариваться»\n\nСекретарь СНБО — о встрече с американцами и о том, что будет после нее.\n\n— После разговора с нами господин Уиткофф в начале следующей недели поедет в Москву, чтобы встретиться с Путиным.", "2025-11-27"), ["Steve Witkoff", "Vladimir Putin"]);
  });
});

describe("one asked about", () => {
  it("reads one a question asks about as no participant", () => {
    assert.deepEqual(people("Брифінг речника МЗС\n\nНаступний раунд тристоронніх переговорів відбудеться 4 лютого в Абу-Дабі. Делегацію України очолить Рустем Умєров.\n\nПитання: Чи братиме участь міністр Сибіга?", "2026-02-02"), ["Rustem Umerov"]);
    assert.deepEqual(people("Брифинг МИД\n\nСледующий раунд трехсторонних переговоров пройдет 4 февраля в Абу-Даби. Делегацию Украины возглавит Рустем Умеров.\n\nВопрос: Примет ли участие министр Сибига?", "2026-02-02"), ["Rustem Umerov"]);
    assert.deepEqual(people("State Department briefing\n\nThe next round of trilateral talks will be held in Abu Dhabi on February 4. Rustem Umerov will lead Ukraine's delegation.\n\nQ: Will Secretary Rubio take part in the talks?", "2026-02-02"), ["Rustem Umerov"]);
  });
  it("reads one an indirect question asks about ('whether', 'ли', 'чи') as not said to take part", () => {
    assert.deepEqual(people("US envoy flies to Moscow for prisoner release\n\nSteve Witkoff flew to Moscow on Tuesday and left with a freed American. The White House did not say whom he met, including whether he had seen President Vladimir Putin.", "2025-02-11"), ["Steve Witkoff"]);
    assert.deepEqual(people("Уиткофф прилетел в Москву за освобожденным американцем\n\nСтив Уиткофф во вторник прилетел в Москву и улетел с освобожденным американцем. В Кремле не уточнили, встречался ли с ним Владимир Путин.", "2025-02-11"), ["Steve Witkoff"]);
    assert.deepEqual(people("Віткофф прилетів до Москви по звільненого американця\n\nСтів Віткофф у вівторок прилетів до Москви і вилетів зі звільненим американцем. У Кремлі не уточнили, чи зустрічався з ним Володимир Путін.", "2025-02-11"), ["Steve Witkoff"]);
  });
});

describe("a sentence set against earlier contacts", () => {
  it("reads one that says \"this time\" and the one after it as this contact's", () => {
    assert.deepEqual(people("Переговоры в Женеве\n\nЗавтра в Женеве начнется третий раунд трехсторонних переговоров России, Украины и США. В отличие от двух предыдущих встреч, российскую делегацию на этот раз возглавит Владимир Мединский. Американскую сторону вновь представят Стив Уиткофф и Джаред Кушнер.", "2026-02-16"), ["Jared Kushner", "Steve Witkoff", "Vladimir Medinsky"]);
    assert.deepEqual(people("Переговори в Женеві\n\nЗавтра в Женеві розпочнеться третій раунд тристоронніх переговорів Росії, України та США. На відміну від двох попередніх зустрічей, російську делегацію цього разу очолить Володимир Мединський.", "2026-02-16"), ["Vladimir Medinsky"]);
    assert.deepEqual(people("Talks in Geneva\n\nThe third round of trilateral talks between Russia, Ukraine and the US opens in Geneva tomorrow. Unlike the two previous rounds, the Russian delegation will this time be led by Vladimir Medinsky.", "2026-02-16"), ["Vladimir Medinsky"]);
  });
  it("reads a day in a comparison (\"як і на першій зустрічі 23–24 січня\") as the earlier contact's, not this sentence's", () => {
    assert.deepEqual(people("Тристоронню зустріч перенесли на середу\n\nДругий раунд тристоронніх переговорів, який мав відбутися в неділю в Абу-Дабі, перенесено на середу, 4 лютого. Українську команду, як і на першій зустрічі 23–24 січня, очолить Рустем Умєров.", "2026-01-31"), ["Rustem Umerov"]);
    assert.deepEqual(people("Трехстороннюю встречу перенесли на среду\n\nВторой раунд трехсторонних переговоров, который должен был пройти в воскресенье в Абу-Даби, перенесен на среду, 4 февраля. Украинскую делегацию, как и на первой встрече 23–24 января, возглавит Рустем Умеров.", "2026-01-31"), ["Rustem Umerov"]);
    assert.deepEqual(people("Trilateral talks moved to Wednesday\n\nThe second round of trilateral talks, due on Sunday in Abu Dhabi, has been moved to Wednesday, February 4. Ukraine's team, as at the first meeting on January 23-24, will be led by Rustem Umerov.", "2026-01-31"), ["Rustem Umerov"]);
  });
  it("reads \"as at the two previous rounds\" as a comparison, not a recall", () => {
    assert.deepEqual(people("Третий раунд переговоров завершился в Женеве\n\nВ Женеве в среду завершился третий раунд трехсторонних переговоров России, США и Украины. Российскую делегацию возглавил Владимир Мединский. Американскую сторону, как и на двух предыдущих раундах, представляли Стив Уиткофф и Джаред Кушнер.", "2026-02-18"), ["Jared Kushner", "Steve Witkoff", "Vladimir Medinsky"]);
    assert.deepEqual(people("Третій раунд переговорів завершився в Женеві\n\nУ Женеві в середу завершився третій раунд тристоронніх переговорів Росії, США та України. Російську делегацію очолив Володимир Мединський. Американську сторону, як і на двох попередніх раундах, представляли Стів Віткофф і Джаред Кушнер.", "2026-02-18"), ["Jared Kushner", "Steve Witkoff", "Vladimir Medinsky"]);
  });
});

describe("who speaks of the contact", () => {
  it("reads a speaker his title calls the head of a delegation as taking part", () => {
    assert.deepEqual(people("Новий раунд переговорів відбудеться в Женеві\n\nНаступний раунд тристоронніх переговорів відбудеться в Женеві 17 лютого. Про це заявив секретар РНБО, голова української делегації Рустем Умєров.", "2026-02-14"), ["Rustem Umerov"]);
    assert.deepEqual(people("Новый раунд переговоров пройдет в Женеве\n\nСледующий раунд трехсторонних переговоров пройдет в Женеве 17 февраля. Об этом заявил глава российской делегации Владимир Мединский.", "2026-02-14"), ["Vladimir Medinsky"]);
    assert.deepEqual(people("Next round of talks set for Geneva\n\nThe next round of trilateral talks will be held in Geneva on Feb. 17. The date was announced by Rustem Umerov, head of the Ukrainian delegation.", "2026-02-14"), ["Rustem Umerov"]);
  });
  it("reads one who promises a contact ('пообещал', 'пообіцяв', 'promised') as speaking of it", () => {
    assert.deepEqual(people("Рябков пообещал новый раунд консультаций с США\n\nНовый раунд российско-американских консультаций пройдет до конца осени, пообещал замминистра Сергей Рябков.", "2025-10-01"), []);
    assert.deepEqual(people("Рябков пообіцяв новий раунд консультацій зі США\n\nНовий раунд російсько-американських консультацій відбудеться до кінця осені, пообіцяв заступник міністра Сергій Рябков.", "2025-10-01"), []);
    assert.deepEqual(people("Ryabkov promises new round of consultations with US\n\nA new round of Russian-American consultations will be held before the end of autumn, Deputy Foreign Minister Sergei Ryabkov promised.", "2025-10-01"), []);
  });
  it("reads one speaking to the press as the source, not a participant", () => {
    assert.deepEqual(people("Тристороння зустріч в ОАЕ\n\nПрезидент Володимир Зеленський під час спілкування з журналістами в Давосі повідомив, що завтра в Абу-Дабі відбудеться тристороння зустріч за участі представників України, США та Росії. Українську делегацію очолить Рустем Умєров.", "2026-01-22"), ["Rustem Umerov"]);
    assert.deepEqual(people("Трехсторонняя встреча в ОАЭ\n\nВладимир Зеленский в интервью журналистам в Давосе сообщил, что завтра в Абу-Даби состоится трехсторонняя встреча с участием представителей Украины, США и России. Украинскую делегацию возглавит Рустем Умеров.", "2026-01-22"), ["Rustem Umerov"]);
    assert.deepEqual(people("Trilateral meeting in the UAE\n\nVolodymyr Zelensky, speaking to reporters in Davos, said a trilateral meeting with the participation of Ukraine, the US and Russia would take place in Abu Dhabi tomorrow. Rustem Umerov will lead the Ukrainian delegation.", "2026-01-22"), ["Rustem Umerov"]);
  });
  it("reads the name in an attribution opening the sentence ('Как заявил …,', 'Як заявив …,') as its source", () => {
    assert.deepEqual(people("Уиткофф прилетел в Москву и вывез освобожденного американца\n\nСпецпосланник Стив Уиткофф во вторник прилетел в Москву. Как заявил советник Дональда Трампа по национальной безопасности Майк Уолтц, самолет Уиткоффа приземлился в российской столице днем, а вечером вылетел обратно.", "2025-02-11"), ["Steve Witkoff"]);
    assert.deepEqual(people("Віткофф прилетів до Москви і вивіз звільненого американця\n\nСпецпосланець Стів Віткофф у вівторок прилетів до Москви. Як заявив радник Дональда Трампа з національної безпеки Майк Волтц, літак Віткоффа приземлився в російській столиці вдень, а ввечері вилетів назад.", "2025-02-11"), ["Steve Witkoff"]);
  });
  it("reads a name after a dash ending a headline-like line with no stop as its source", () => {
    assert.deepEqual(people("Новости Политика Сейчас ⚡️\n07.08.2025 14:52\n\n⚡️Путин и Трамп встретятся в ближайшие дни — Ушаков\n\nДоговоренность о встрече на высшем уровне достигнута, заявил помощник президента Юрий Ушаков.", "2025-08-07"), ["Donald Trump", "Vladimir Putin"]);
    assert.deepEqual(people("Новини Політика Зараз ⚡️\n07.08.2025 14:52\n\n⚡️Путін і Трамп зустрінуться найближчими днями — Ушаков\n\nДомовленості про зустріч на найвищому рівні досягнуто, заявив помічник президента Юрій Ушаков.", "2025-08-07"), ["Donald Trump", "Vladimir Putin"]);
  });
  it("reads a name after \"Trump says\" as in what was said, not its speaker", () => {
    assert.deepEqual(people("Live: Moscow talks end after three hours\n\nDonald Trump says Steve Witkoff's talks with Vladimir Putin in Moscow earlier today produced great progress.\n\nPutin's aide Yuri Ushakov, who sat in on the talks, says they lasted three hours.", "2025-08-06"), ["Steve Witkoff", "Vladimir Putin", "Yuri Ushakov"]);
  });
  it("reads the one a passive's \"headed by\" names as leading, whoever says it", () => {
    assert.deepEqual(people("Embassy talks in Istanbul on Thursday\n\nRussian and American diplomats will meet in Istanbul on Thursday. Our delegation will be led by Sonata Coulter.\n\nThe Russians say their side is headed by Alexander Darchiev.", "2025-02-26"), ["Alexander Darchiev", "Sonata Coulter"]);
  });
  it("reads \"заверил\", \"запевнив\", \"assured\" as a verb of saying", () => {
    assert.deepEqual(people("Переговоры в Женеве\n\nЗавтра в Женеве начнется раунд трехсторонних переговоров России, Украины и США.\n\nГоссекретарь США Марко Рубио заверил союзников, что «в переговорах участвуют те, кто воюет».", "2026-02-16"), []);
    assert.deepEqual(people("Переговори в Женеві\n\nЗавтра в Женеві розпочнеться раунд тристоронніх переговорів Росії, України та США.\n\nДержсекретар США Марко Рубіо запевнив союзників, що «у переговорах беруть участь ті, хто воює».", "2026-02-16"), []);
  });
  it("reads \"представят\" as who represents a side, and \"представители\" as no one's part", () => {
    assert.deepEqual(people("Переговоры в Женеве\n\nЗавтра в Женеве начнется раунд трехсторонних переговоров России, Украины и США. Американскую сторону представят Стив Уиткофф и Джаред Кушнер.", "2026-02-16"), ["Jared Kushner", "Steve Witkoff"]);
    assert.deepEqual(people("Уиткофф приедет в Москву\n\nСпецпосланник Стив Уиткофф приедет в Москву на следующей неделе, его примет Путин. Дэн Дрисколл в Абу-Даби встречался с российскими представителями.", "2025-11-27"), ["Steve Witkoff", "Vladimir Putin"]);
  });
});

describe("people named by a post in the plural", () => {
  it("reads \"the envoys\" as all the story names who are called so, and \"the envoy\" as the one", () => {
    assert.deepEqual(people("Зустріч посланців з Путіним скасовано\n\nАмериканські посланці не полетять до Москви на зустріч з Путіним, повідомив Білий дім.\n\nНагадаємо, Стів Віткофф і Джаред Кушнер востаннє були в Кремлі 22 січня.", "2026-03-02"), ["Jared Kushner", "Steve Witkoff", "Vladimir Putin"]);
    assert.deepEqual(people("Встреча посланников с Путиным отменена\n\nАмериканские посланники не полетят в Москву на встречу с Путиным, сообщил Белый дом.\n\nНапомним, Стив Уиткофф и Джаред Кушнер в последний раз были в Кремле 22 января.", "2026-03-02"), ["Jared Kushner", "Steve Witkoff", "Vladimir Putin"]);
    assert.deepEqual(people("Літак американського спецпосланника сів у Внуково\n\nАмериканський спецпосланник прибув до Москви для переговорів з Путіним.\n\nНагадаємо, Стів Віткофф і Джаред Кушнер напередодні провели переговори з українською делегацією.", "2025-12-02"), ["Steve Witkoff", "Vladimir Putin"]);
  });
});

describe("the interview and the headline around the contact", () => {
  it("reads the answer to \"how did the talks go?\" as this contact's, when it was held", () => {
    assert.deepEqual(people("Ушаков ответил на вопросы журналистов\n\nПомощник президента Юрий Ушаков ответил на вопросы СМИ по итогам переговоров Владимира Путина со Стивом Уиткоффом.\n\nВопрос: Как прошли переговоры?\n\nЮ.Ушаков: Разговор был содержательным. С американской стороны участвовали Стив Уиткофф и Джаред Кушнер, с нашей стороны – Кирилл Дмитриев и я.", "2026-01-23"), ["Jared Kushner", "Kirill Dmitriev", "Steve Witkoff", "Vladimir Putin", "Yuri Ushakov"]);
  });
  it("reads a first session that \"прошло\" as held, so its delegations are not the next one's", () => {
    assert.deepEqual(people("Переговоры в Абу-Даби продолжатся\n\nНовая встреча представителей России, США и Украины в Абу-Даби может пройти в начале февраля.\n\nПервое заседание трехсторонней рабочей группы прошло в Абу-Даби 23 и 24 января. Российскую группу возглавил Игорь Костюков, американскую — Стив Уиткофф.", "2026-01-26"), []);
  });
  it("reads \"no date for next meeting\" in a headline as the next contact's, not this one's tense", () => {
    assert.deepEqual(people("Putin says talks with Trump in Alaska useful, aide sees no date for next meeting\n\nMOSCOW, Aug. 16 -- Russian President Vladimir Putin said Saturday that his meeting with Donald Trump in Alaska the previous day was useful.\n\nThe talks, held in a three-on-three format, lasted nearly three hours. Putin was joined by Sergei Lavrov and Yuri Ushakov, while Trump was accompanied by Marco Rubio and Steve Witkoff.", "2025-08-16"), ["Donald Trump", "Marco Rubio", "Sergei Lavrov", "Steve Witkoff", "Vladimir Putin", "Yuri Ushakov"]);
  });
});

describe("names told in passing", () => {
  it("reads the one at whose request another goes as no participant", () => {
    assert.deepEqual(people("Уиткофф провел переговоры с Путиным\n\nВ среду в Кремле Путин принял Уиткоффа. Кушнер сопровождал его по просьбе Дональда Трампа.", "2026-02-05"), ["Jared Kushner", "Steve Witkoff", "Vladimir Putin"]);
    assert.deepEqual(people("Віткофф провів переговори з Путіним\n\nУ середу в Кремлі Путін прийняв Віткоффа. Кушнер супроводжував його на прохання Трампа.", "2026-02-05"), ["Jared Kushner", "Steve Witkoff", "Vladimir Putin"]);
    assert.deepEqual(people("Witkoff holds talks with Putin\n\nPutin received Witkoff in the Kremlin on Wednesday. Kushner joined him at the request of President Trump.", "2026-02-05"), ["Jared Kushner", "Steve Witkoff", "Vladimir Putin"]);
  });
  it("reads a principal between a title and its holder as no participant", () => {
    assert.deepEqual(people("Дмитриев встретился с Уиткоффом\n\nВ четверг в Майами Кирилл Дмитриев встретился со спецпосланником президента Трампа Стивом Уиткоффом.", "2026-02-05"), ["Kirill Dmitriev", "Steve Witkoff"]);
    assert.deepEqual(people("Дмитрієв зустрівся з Віткоффом\n\nУ четвер у Маямі Кирило Дмитрієв зустрівся зі спецпосланцем президента США Трампа Стівом Віткоффом.", "2026-02-05"), ["Kirill Dmitriev", "Steve Witkoff"]);
  });
  it("reads one who opens a clause counting time from his deed as no participant", () => {
    assert.deepEqual(people("Russian and US diplomats meet in Istanbul\n\nRussian and US diplomats met in Istanbul on Thursday, the latest contact since President Donald Trump took office. The Russian side was led by Alexander Darchiev. The U.S. side was headed by Sonata Coulter.", "2025-02-28"), ["Alexander Darchiev", "Sonata Coulter"]);
  });
  it("reads the one met a span of time later, after \"за … до\", as another contact's", () => {
    assert.deepEqual(people("Напередодні візиту Зеленського: Трамп поговорив із Путіним\n\nПрезидент США Дональд Трамп у середу провів телефонну розмову з президентом Росії Володимиром Путіним – за два дні до зустрічі з Володимиром Зеленським.", "2026-02-05"), ["Donald Trump", "Vladimir Putin"]);
    assert.deepEqual(people("Накануне визита Зеленского: Трамп поговорил с Путиным\n\nПрезидент США Дональд Трамп в среду провел телефонный разговор с президентом России Владимиром Путиным за день до встречи с Владимиром Зеленским.", "2026-02-05"), ["Donald Trump", "Vladimir Putin"]);
  });
});

describe("a list that names one taking part", () => {
  it("reads his fellows in the list, through their titles, as taking part", () => {
    assert.deepEqual(people("Путін зустрівся з Віткоффом\n\nУ вівторок Путін прийняв у Кремлі Стіва Віткоффа, зятя Дональда Трампа Джареда Кушнера та радника Білого дому Джоша Грюнбаума.", "2026-02-05"), ["Jared Kushner", "Josh Gruenbaum", "Steve Witkoff", "Vladimir Putin"]);
    assert.deepEqual(people("Путин встретился с Уиткоффом\n\nВо вторник Путин принял в Кремле Стива Уиткоффа, зятя Дональда Трампа Джареда Кушнера и советника Белого дома Джоша Грюнбаума.", "2026-02-05"), ["Jared Kushner", "Josh Gruenbaum", "Steve Witkoff", "Vladimir Putin"]);
    assert.deepEqual(people("Putin meets Witkoff\n\nOn Tuesday Putin received Steve Witkoff, Jared Kushner and White House adviser Josh Gruenbaum in the Kremlin.", "2026-02-05"), ["Jared Kushner", "Josh Gruenbaum", "Steve Witkoff", "Vladimir Putin"]);
  });
  it("leaves out an apposition's principal and a list told of a contact recalled", () => {
    assert.deepEqual(people("Putin meets Witkoff\n\nOn Tuesday Putin received Steve Witkoff, an envoy of President Trump, and Jared Kushner in the Kremlin.", "2026-02-05"), ["Jared Kushner", "Steve Witkoff", "Vladimir Putin"]);
    assert.deepEqual(people("Ушаков поговорил с Уолтцем\n\nВ среду Ушаков провел телефонный разговор с Майком Уолтцем. Тогда Лавров и Ушаков провели переговоры с Марко Рубио, Уолтцем и Стивом Уиткоффом.", "2025-03-20"), ["Mike Waltz", "Yuri Ushakov"]);
  });
});

describe("an office named by its planning", () => {
  it("reads \"planning of policy\" as an office, not a plan that puts its holder in another contact", () => {
    assert.deepEqual(people("У Ер-Ріяді завершилися технічні переговори США і Росії\n\nУ понеділок в Ер-Ріяді відбулися технічні переговори делегацій США та Росії. Російську делегацію очолив Григорій Карасін. Американську делегацію представляли старший директор Ради національної безпеки Ендрю Пік та директор відділу планування політики Держдепартаменту Майкл Ентон.", "2025-03-25"), ["Andrew Peek", "Grigory Karasin", "Michael Anton"]);
    assert.deepEqual(people("В Эр-Рияде завершились технические переговоры России и США\n\nВ понедельник в Эр-Рияде прошли технические переговоры делегаций России и США. Российскую делегацию возглавил Григорий Карасин. Американскую делегацию представляли старший директор Совета нацбезопасности Эндрю Пик и директор отдела планирования внешней политики Госдепартамента Майкл Антон.", "2025-03-25"), ["Andrew Peek", "Grigory Karasin", "Michael Anton"]);
  });
});

describe("one named only as 'he' in the sentence of his contact", () => {
  it("takes 'он', 'він', 'he' for the one person the sentence before names (en, ru, uk)", () => {
    const cases: string[] = [
      "Dmitriev says US business wants to return to Russia\n\nInterest of American companies in the Russian market has grown, Kirill Dmitriev told reporters on Sunday.\n\nDmitriev is in the United States on a visit. On Saturday in Miami he held talks with U.S. special envoy Steve Witkoff and Jared Kushner.",
      "Дмитриев заявил о росте интереса американского бизнеса\n\nИнтерес американских компаний к российскому рынку вырос, заявил журналистам в воскресенье Кирилл Дмитриев.\n\nДмитриев находится в США с визитом. В субботу в Майами он провел переговоры со спецпосланником президента США Стивом Уиткоффом и Джаредом Кушнером.",
      "Дмитрієв заявив про зростання інтересу американського бізнесу\n\nІнтерес американських компаній до російського ринку зріс, заявив журналістам у неділю Кирило Дмитрієв.\n\nДмитрієв перебуває у США з візитом. У суботу в Маямі він провів переговори зі спецпосланцем президента США Стівом Віткоффом і Джаредом Кушнером.",
    ];
    for (const text of cases) {
      const r = read(text, "2025-12-21");
      assert.equal(r.relevant, true, text);
      assert.deepEqual(r.drafts[0].participants.map((p) => p.name).sort(), ["Jared Kushner", "Kirill Dmitriev", "Steve Witkoff"], text);
    }
  });
  it("leaves a 'he' who does something else", () => {
    assert.deepEqual(people("Lavrov and Rubio meet in Riyadh\n\nSergei Lavrov and Marco Rubio met in Riyadh on Monday. Kirill Dmitriev stayed in Moscow. He declined to say whether the talks had touched on business.", "2025-12-16"), ["Marco Rubio", "Sergei Lavrov"]);
  });
});

describe("a relative clause on a contact set beside this one", () => {
  it("reads the people of a clause on talks 'after' or 'before' this contact as theirs", () => {
    assert.deepEqual(people("Rubio meets Lavrov in Kuala Lumpur\n\nMarco Rubio met Sergei Lavrov in Kuala Lumpur on Thursday. It was their second meeting, after talks in Riyadh in February that also included national security adviser Mike Waltz and special envoy Steve Witkoff.", "2025-07-10"), ["Marco Rubio", "Sergei Lavrov"]);
    assert.deepEqual(people("Рубио встретился с Лавровым в Куала-Лумпуре\n\nМарко Рубио в четверг встретился с Сергеем Лавровым в Куала-Лумпуре. Это была их вторая встреча после переговоров в Эр-Рияде в феврале, в которых также участвовали советник по нацбезопасности Майк Уолтц и спецпосланник Стив Уиткофф.", "2025-07-10"), ["Marco Rubio", "Sergei Lavrov"]);
    assert.deepEqual(people("Рубіо зустрівся з Лавровим у Куала-Лумпурі\n\nМарко Рубіо в четвер зустрівся із Сергієм Лавровим у Куала-Лумпурі. Це була їхня друга зустріч після переговорів в Ер-Ріяді в лютому, в яких також брали участь радник з нацбезпеки Майк Волтц і спецпосланець Стів Віткофф.", "2025-07-10"), ["Marco Rubio", "Sergei Lavrov"]);
  });
});

describe("a background sentence that opens on an earlier month", () => {
  it("reads the people of a contact told 'In February 2025,' as that contact's", () => {
    assert.deepEqual(people("Second round of Abu Dhabi talks ends\n\nThe second round of talks between Russia, Ukraine and the US ended in Abu Dhabi on Thursday. The US delegation was led by Steve Witkoff and Jared Kushner. Russia sent a team led by Igor Kostyukov.\n\nThe talks were the second in the trilateral format. In February 2025, a U.S. delegation led by Secretary of State Marco Rubio held the first high-level talks with Russian officials, in Riyadh.", "2026-02-05"), ["Igor Kostyukov", "Jared Kushner", "Steve Witkoff"]);
    assert.deepEqual(people("В Абу-Даби завершился второй раунд переговоров\n\nВторой раунд переговоров России, Украины и США завершился в четверг в Абу-Даби. Американскую делегацию возглавили Стив Уиткофф и Джаред Кушнер. Российскую группу возглавил Игорь Костюков.\n\nЭто уже второй раунд в трехстороннем формате. В феврале 2025 года американская делегация во главе с госсекретарем Марко Рубио провела в Эр-Рияде первые переговоры с российскими официальными лицами.", "2026-02-05"), ["Igor Kostyukov", "Jared Kushner", "Steve Witkoff"]);
    assert.deepEqual(people("В Абу-Дабі завершився другий раунд переговорів\n\nДругий раунд переговорів України, Росії та США завершився в четвер в Абу-Дабі. Американську делегацію очолили Стів Віткофф і Джаред Кушнер. Російську групу очолив Ігор Костюков.\n\nЦе вже другий раунд у тристоронньому форматі. У лютому 2025 року американська делегація на чолі з держсекретарем Марко Рубіо провела в Ер-Ріяді перші переговори з російськими посадовцями.", "2026-02-05"), ["Igor Kostyukov", "Jared Kushner", "Steve Witkoff"]);
  });
});

describe("a time clause after the news, on what another did", () => {
  it("reads \"the Russian leader\" as a title, not one who leads a delegation", () => {
    assert.deepEqual(people("Rubio meets Lavrov in Malaysia\n\nSecretary of State Marco Rubio met Russian Foreign Minister Sergei Lavrov in Kuala Lumpur on Thursday. The meeting comes days after Trump lashed out at Vladimir Putin, saying the Russian leader was \"very nice all the time\".", "2025-07-10"), ["Marco Rubio", "Sergei Lavrov"]);
    assert.deepEqual(people("Rubio meets Lavrov in Malaysia\n\nSecretary of State Marco Rubio met Russian Foreign Minister Sergei Lavrov in Kuala Lumpur on Thursday. The talks were held a week after Trump called the Russian leader Vladimir Putin and complained about the lack of progress.", "2025-07-10"), ["Marco Rubio", "Sergei Lavrov"]);
  });
  it("reads the people of an 'after' clause opening on a person of its own as in what he did", () => {
    assert.deepEqual(people("Rubio meets Lavrov in Malaysia\n\nSecretary of State Marco Rubio met Russian Foreign Minister Sergei Lavrov in Kuala Lumpur on Thursday. The meeting came days after Trump criticised Vladimir Putin for stalling the talks in which the delegations take part.", "2025-07-10"), ["Marco Rubio", "Sergei Lavrov"]);
    assert.deepEqual(people("Рубио встретился с Лавровым в Малайзии\n\nГоссекретарь США Марко Рубио в четверг встретился с главой МИД России Сергеем Лавровым в Куала-Лумпуре. Встреча прошла через несколько дней после того, как Трамп раскритиковал Путина за затягивание переговоров, в которых участвуют делегации.", "2025-07-10"), ["Marco Rubio", "Sergei Lavrov"]);
    assert.deepEqual(people("Рубіо зустрівся з Лавровим у Малайзії\n\nДержсекретар США Марко Рубіо в четвер зустрівся з главою МЗС Росії Сергієм Лавровим у Куала-Лумпурі. Зустріч відбулася через кілька днів після того, як Трамп розкритикував Путіна за затягування переговорів, в яких беруть участь делегації.", "2025-07-10"), ["Marco Rubio", "Sergei Lavrov"]);
    assert.deepEqual(people("Рубіо зустрівся з Лавровим у Малайзії\n\nДержсекретар США Марко Рубіо в четвер зустрівся з главою МЗС Росії Сергієм Лавровим у Куала-Лумпурі. Зустріч відбулася через кілька днів після того, як Трамп розкритикував Путіна, якого звинуватив у затягуванні переговорів, в яких бере участь делегація.", "2025-07-10"), ["Marco Rubio", "Sergei Lavrov"]);
  });
});

describe("the agent of a thing set or proposed", () => {
  it("reads the one who set a deadline or proposed a plan as no participant", () => {
    assert.deepEqual(people("Putin hosts Witkoff in the Kremlin\n\nPresident Vladimir Putin held three hours of talks with U.S. special envoy Steve Witkoff at the Kremlin on Wednesday, two days before the expiry of a deadline set by President Donald Trump.", "2025-08-06"), ["Steve Witkoff", "Vladimir Putin"]);
    assert.deepEqual(people("Путин принял Уиткоффа в Кремле\n\nПрезидент Владимир Путин в среду провел в Кремле трехчасовые переговоры со спецпосланником США Стивом Уиткоффом, за два дня до истечения срока, установленного президентом США Дональдом Трампом.", "2025-08-06"), ["Steve Witkoff", "Vladimir Putin"]);
    assert.deepEqual(people("Путін прийняв Віткоффа в Кремлі\n\nПрезидент Володимир Путін у середу провів у Кремлі тригодинні переговори зі спецпосланцем США Стівом Віткоффом, за два дні до спливу терміну, встановленого президентом США Дональдом Трампом.", "2025-08-06"), ["Steve Witkoff", "Vladimir Putin"]);
    assert.deepEqual(people("Witkoff meets Dmitriev in Miami\n\nKirill Dmitriev met Steve Witkoff in Miami on Saturday to discuss the peace plan proposed by Trump and the talks led by Jared Kushner.", "2025-08-06"), ["Jared Kushner", "Kirill Dmitriev", "Steve Witkoff"]);
  });
});

describe("a side's people after a colon", () => {
  it("reads the names listed after 'the American side:' as that side's delegation", () => {
    assert.deepEqual(people("Переговоры в Абу-Даби перенесли\n\nВторой раунд трехсторонних переговоров России, США и Украины в Абу-Даби перенесен на 4 февраля. Украинскую делегацию возглавит Рустем Умеров.\n\nПричина — в графике американской стороны: спецпосланник Стив Уиткофф и Джаред Кушнер заняты ближневосточными делами.", "2026-01-31"), ["Jared Kushner", "Rustem Umerov", "Steve Witkoff"]);
    assert.deepEqual(people("Переговори в Абу-Дабі перенесли\n\nДругий раунд тристоронніх переговорів України, США та Росії в Абу-Дабі перенесено на 4 лютого. Українську делегацію очолить Рустем Умєров.\n\nПричина — у графіку американської сторони: спецпосланець Стів Віткофф і Джаред Кушнер зайняті близькосхідними справами.", "2026-01-31"), ["Jared Kushner", "Rustem Umerov", "Steve Witkoff"]);
    assert.deepEqual(people("Abu Dhabi talks pushed back\n\nThe second round of trilateral talks between Russia, the US and Ukraine in Abu Dhabi has been moved to Feb. 4. Rustem Umerov will lead the Ukrainian delegation.\n\nThe delay is down to the American side: envoy Steve Witkoff and Jared Kushner are tied up with the Middle East.", "2026-01-31"), ["Jared Kushner", "Rustem Umerov", "Steve Witkoff"]);
  });
});

describe("a principal in an apposition after the name", () => {
  it("reads the president whose envoy a name is, set off by commas, as no participant", () => {
    assert.deepEqual(people("Путін прийняв Віткоффа\n\nПрезидент Росії Володимир Путін у середу прийняв у Кремлі Стіва Віткоффа, посланця президента Трампа, для переговорів про Україну.", "2025-08-06"), ["Steve Witkoff", "Vladimir Putin"]);
    assert.deepEqual(people("Путин принял Уиткоффа\n\nПрезидент России Владимир Путин в среду принял в Кремле Стива Уиткоффа, посланника президента Трампа, для переговоров по Украине.", "2025-08-06"), ["Steve Witkoff", "Vladimir Putin"]);
    assert.deepEqual(people("Putin receives Witkoff\n\nRussian President Vladimir Putin received Steve Witkoff, the envoy of President Trump, at the Kremlin on Wednesday for talks on Ukraine.", "2025-08-06"), ["Steve Witkoff", "Vladimir Putin"]);
    // (The holder after the president's post is the envoy himself.)
    assert.deepEqual(people("Путин принял Уиткоффа\n\nПрезидент России Владимир Путин в среду принял в Кремле спецпосланника президента США Стива Уиткоффа.", "2025-08-06"), ["Steve Witkoff", "Vladimir Putin"]);
  });
});

describe("those who prepare another contact", () => {
  it("reads the people of a clause of preparing that names no contact as no participants", () => {
    assert.deepEqual(people("Ушаков: Путин и Трамп договорились о встрече в Будапеште, подготовку начнут Лавров и Рубио\n\nВладимир Путин и Дональд Трамп в четверг провели телефонный разговор.", "2025-10-16"), ["Donald Trump", "Vladimir Putin"]);
    assert.deepEqual(people("Ушаков: Путін і Трамп домовилися про зустріч у Будапешті, підготовку розпочнуть Лавров і Рубіо\n\nВолодимир Путін і Дональд Трамп у четвер провели телефонну розмову.", "2025-10-16"), ["Donald Trump", "Vladimir Putin"]);
    assert.deepEqual(people("Putin and Trump agree to meet in Budapest; Lavrov and Rubio to begin preparations\n\nVladimir Putin and Donald Trump held a phone call on Thursday.", "2025-10-16"), ["Donald Trump", "Vladimir Putin"]);
  });
});

describe("those the story says prepare the contact", () => {
  it("reads the people a clause of preparing names, and a side's gapped list after it, as no participants", () => {
    assert.deepEqual(people("Трамп і Путін зустрінуться в Будапешті\n\nСаміт Трампа і Путіна відбудеться 20 жовтня в Будапешті. Підготовкою займаються Рубіо та Віткофф, а з російського боку — Ушаков і Лавров.", "2025-10-16"), ["Donald Trump", "Vladimir Putin"]);
    assert.deepEqual(people("Трамп и Путин встретятся в Будапеште\n\nСаммит Трампа и Путина пройдет 20 октября в Будапеште. Подготовкой саммита занимаются Рубио и Уиткофф, с российской стороны — Ушаков и Лавров.", "2025-10-16"), ["Donald Trump", "Vladimir Putin"]);
    assert.deepEqual(people("Trump and Putin to meet in Budapest\n\nThe Trump-Putin summit will take place in Budapest on October 20. Preparations are being led by Rubio and Witkoff, and on the Russian side by Ushakov and Lavrov.", "2025-10-16"), ["Donald Trump", "Vladimir Putin"]);
  });
  it("reads one in charge of preparing it as no participant, the contact named or not", () => {
    assert.deepEqual(people("Трамп и Путин встретятся в Будапеште\n\nСаммит Трампа и Путина пройдет 20 октября в Будапеште. Лавров и Рубио руководят подготовкой встречи.", "2025-10-16"), ["Donald Trump", "Vladimir Putin"]);
    assert.deepEqual(people("Трамп і Путін зустрінуться в Будапешті\n\nСаміт Трампа і Путіна відбудеться 20 жовтня в Будапешті. З російського боку за підготовку саміту відповідають Ушаков і Лавров.", "2025-10-16"), ["Donald Trump", "Vladimir Putin"]);
    assert.deepEqual(people("Trump and Putin to meet in Budapest\n\nThe Trump-Putin summit will take place in Budapest on October 20. On the Russian side, Lavrov and Ushakov are in charge of preparing the meeting.", "2025-10-16"), ["Donald Trump", "Vladimir Putin"]);
  });
});

describe("a contact recalled by the place it was held in", () => {
  it("reads the people of a sentence opening on another city as that contact's", () => {
    assert.deepEqual(people("Putin and Trump to meet in Budapest\n\nVladimir Putin and Donald Trump will meet in Budapest on October 30, with Lavrov and Rubio at their side. In Anchorage, Putin came with Lavrov and Ushakov, Trump with Rubio and Mike Waltz.", "2025-10-16"), ["Donald Trump", "Marco Rubio", "Sergei Lavrov", "Vladimir Putin"]);
    assert.deepEqual(people("Путин и Трамп встретятся в Будапеште\n\nВладимир Путин и Дональд Трамп встретятся в Будапеште 30 октября, вместе с ними будут Лавров и Рубио. В Анкоридже Путин был с Лавровым и Ушаковым, Трамп — с Рубио и Майклом Уолцем.", "2025-10-16"), ["Donald Trump", "Marco Rubio", "Sergei Lavrov", "Vladimir Putin"]);
    assert.deepEqual(people("Путін і Трамп зустрінуться в Будапешті\n\nВолодимир Путін і Дональд Трамп зустрінуться в Будапешті 30 жовтня, разом з ними будуть Лавров і Рубіо. В Анкориджі Путін був з Лавровим і Ушаковим, Трамп — з Рубіо та Майклом Волтцом.", "2025-10-16"), ["Donald Trump", "Marco Rubio", "Sergei Lavrov", "Vladimir Putin"]);
  });
  it("reads the people of a \"where\" after another city, maybe through its day, as that contact's", () => {
    assert.deepEqual(people("Putin receives Witkoff in the Kremlin\n\nVladimir Putin on Thursday received US envoy Steve Witkoff in the Kremlin. The talks lasted three hours. Before that came the talks in Riyadh on February 18, where Lavrov and Ushakov met Marco Rubio, Witkoff and Mike Waltz.", "2025-03-13"), ["Steve Witkoff", "Vladimir Putin"]);
    assert.deepEqual(people("Путин принял Уиткоффа в Кремле\n\nВладимир Путин в четверг принял в Кремле спецпосланника США Стива Уиткоффа. Переговоры шли три часа. До этого была встреча в Эр-Рияде 18 февраля, где Лавров и Ушаков разговаривали с Рубио, Уиткоффом и Майклом Уолцем.", "2025-03-13"), ["Steve Witkoff", "Vladimir Putin"]);
    assert.deepEqual(people("Путін прийняв Віткоффа в Кремлі\n\nВолодимир Путін у четвер прийняв у Кремлі спецпосланця США Стіва Віткоффа. Перемовини тривали три години. Раніше була зустріч у Ер-Ріяді 18 лютого, де Лавров і Ушаков говорили з Рубіо, Віткоффом і Майклом Волтцом.", "2025-03-13"), ["Steve Witkoff", "Vladimir Putin"]);
  });
});

describe("a speaker who tells a talk of his own", () => {
  it("reads one who says that he met the other side as taking part", () => {
    assert.deepEqual(people("Russian and US officials held talks in Davos\n\nRussian and US officials held talks on Tuesday on the sidelines of the forum in Davos. The meeting lasted two hours. Kirill Dmitriev confirmed that he had met U.S. special envoy Steve Witkoff and Jared Kushner there.", "2026-01-21"), ["Jared Kushner", "Kirill Dmitriev", "Steve Witkoff"]);
    assert.deepEqual(people("Российские и американские представители провели переговоры в Давосе\n\nРоссийские и американские представители провели во вторник переговоры на полях форума в Давосе. Встреча длилась два часа. Кирилл Дмитриев подтвердил, что встретился там со спецпосланником США Стивом Уиткоффом и Джаредом Кушнером.", "2026-01-21"), ["Jared Kushner", "Kirill Dmitriev", "Steve Witkoff"]);
    assert.deepEqual(people("Російські та американські представники провели переговори в Давосі\n\nРосійські та американські представники провели у вівторок переговори на полях форуму в Давосі. Зустріч тривала дві години. Кирило Дмитрієв підтвердив, що зустрівся там зі спецпосланцем США Стівом Віткоффом і Джаредом Кушнером.", "2026-01-21"), ["Jared Kushner", "Kirill Dmitriev", "Steve Witkoff"]);
  });
});

describe("a relative clause that tells a person's post and when he took it", () => {
  it("recalls no earlier contact: those it follows take part ('who became head of the office last month')", () => {
    assert.deepEqual(people("Talks in Geneva next week\n\nRussia, Ukraine and the US will hold talks in Geneva on Tuesday. Ukraine's team will be led by Rustem Umerov and include Kyrylo Budanov, the spy chief who became head of the presidential office last month.", "2026-02-13"), ["Kyrylo Budanov", "Rustem Umerov"]);
    assert.deepEqual(people("Переговоры в Женеве на следующей неделе\n\nРоссия, Украина и США проведут переговоры в Женеве во вторник. Украинскую делегацию возглавит Рустем Умеров, в нее войдет Кирилл Буданов, который стал главой офиса президента в прошлом месяце.", "2026-02-13"), ["Kyrylo Budanov", "Rustem Umerov"]);
    assert.deepEqual(people("Переговори в Женеві наступного тижня\n\nРосія, Україна та США проведуть переговори в Женеві у вівторок. Українську делегацію очолить Рустем Умєров, до неї увійде Кирило Буданов, який став головою Офісу президента минулого місяця.", "2026-02-13"), ["Kyrylo Budanov", "Rustem Umerov"]);
  });
});

describe("a contact recalled by the region it was held in", () => {
  it("reads the people of a sentence opening on a region that holds none of this contact's places as that contact's", () => {
    assert.deepEqual(people("Trump calls off Budapest summit with Putin\n\nDonald Trump has called off the planned summit with Vladimir Putin in Budapest. In Alaska, the two leaders talked for three hours, accompanied by Rubio, Lavrov and Ushakov.", "2025-10-22"), ["Donald Trump", "Vladimir Putin"]);
    assert.deepEqual(people("Трамп отменил саммит с Путиным в Будапеште\n\nДональд Трамп отменил запланированный саммит с Владимиром Путиным в Будапеште. На Аляске лидеры беседовали три часа в сопровождении Рубио, Лаврова и Ушакова.", "2025-10-22"), ["Donald Trump", "Vladimir Putin"]);
    assert.deepEqual(people("Трамп скасував саміт із Путіним у Будапешті\n\nДональд Трамп скасував запланований саміт із Володимиром Путіним у Будапешті. На Алясці лідери розмовляли три години у супроводі Рубіо, Лаврова та Ушакова.", "2025-10-22"), ["Donald Trump", "Vladimir Putin"]);
  });
  it("reads those of one opening on the region that holds its city as this contact's", () => {
    assert.deepEqual(people("Trump and Putin meet in Anchorage\n\nDonald Trump and Vladimir Putin met in Anchorage on Friday. In Alaska, Putin was accompanied by Lavrov and Ushakov.", "2025-08-16"), ["Donald Trump", "Sergei Lavrov", "Vladimir Putin", "Yuri Ushakov"]);
    assert.deepEqual(people("Трамп и Путин встретились в Анкоридже\n\nДональд Трамп и Владимир Путин встретились в Анкоридже в пятницу. На Аляске Путина сопровождали Лавров и Ушаков.", "2025-08-16"), ["Donald Trump", "Sergei Lavrov", "Vladimir Putin", "Yuri Ushakov"]);
  });
});

describe("a sentence that opens on the time of a contact recalled before it", () => {
  it("reads the people it names as of what was said then, in the story of a contact called off", () => {
    assert.deepEqual(people("Trump calls off Budapest summit with Putin\n\nDonald Trump has called off the planned summit with Vladimir Putin in Budapest.\n\nTrump and Putin spoke by phone on Oct. 16. At the time, Trump said advisers led by Marco Rubio would meet first.", "2025-10-22"), ["Donald Trump", "Vladimir Putin"]);
    assert.deepEqual(people("Трамп отменил саммит с Путиным в Будапеште\n\nДональд Трамп отменил запланированный саммит с Владимиром Путиным в Будапеште.\n\nТрамп и Путин поговорили по телефону 16 октября. Тогда Трамп сказал, что сначала встретятся советники во главе с Марко Рубио.", "2025-10-22"), ["Donald Trump", "Vladimir Putin"]);
    assert.deepEqual(people("Трамп скасував саміт із Путіним у Будапешті\n\nДональд Трамп скасував запланований саміт із Володимиром Путіним у Будапешті.\n\nТрамп і Путін поговорили телефоном 16 жовтня. Тоді Трамп сказав, що спершу зустрінуться радники на чолі з Марко Рубіо.", "2025-10-22"), ["Donald Trump", "Vladimir Putin"]);
  });
});

describe("a lead that tells a call under a headline on talks in person", () => {
  it("names no one of the talks: their people are those the story says were to take part", () => {
    assert.deepEqual(people("Трехсторонние переговоры снова отложены\n\nВечером Путин и Трамп впервые за год поговорили по телефону\n\nТрехсторонняя встреча России, США и Украины, которая должна была пройти на этой неделе, отложена. В ней должны были участвовать Уиткофф, Кушнер и Умеров.", "2026-03-09"), ["Jared Kushner", "Rustem Umerov", "Steve Witkoff"]);
    assert.deepEqual(people("Тристоронні переговори знову відкладено\n\nУвечері Путін і Трамп уперше за рік поговорили телефоном\n\nТристоронню зустріч Росії, США та України, яка мала відбутися цього тижня, відкладено. У ній мали взяти участь Віткофф, Кушнер і Умєров.", "2026-03-09"), ["Jared Kushner", "Rustem Umerov", "Steve Witkoff"]);
    assert.deepEqual(people("Three-way talks postponed again\n\nIn the evening Putin and Trump spoke by phone for the first time this year\n\nThe three-way meeting of Russia, the US and Ukraine that was due this week has been postponed. Witkoff, Kushner and Umerov were to take part in it.", "2026-03-09"), ["Jared Kushner", "Rustem Umerov", "Steve Witkoff"]);
  });
});

describe("a contact told apart from this one", () => {
  it("reads the people of a sentence that opens on 'separately', and of the one going on about it, as that contact's", () => {
    assert.deepEqual(people("Three-way talks in Abu Dhabi end\n\nRussian, Ukrainian and US delegations held talks in Abu Dhabi on Friday and Saturday. Kostyukov led Russia's team, Umerov Ukraine's and Witkoff the American one.\n\nSeparately, a Russian-American working group sat in Abu Dhabi those days. Dmitriev led it on the Russian side.", "2026-01-25"), ["Igor Kostyukov", "Rustem Umerov", "Steve Witkoff"]);
    assert.deepEqual(people("В Абу-Даби завершились трехсторонние переговоры\n\nДелегации России, Украины и США провели переговоры в Абу-Даби в пятницу и субботу. Российскую делегацию возглавил Костюков, украинскую — Умеров, американскую — Уиткофф.\n\nОтдельно от трехстороннего формата в эти дни в Абу-Даби заседала российско-американская рабочая группа. С российской стороны ее возглавил Дмитриев.", "2026-01-25"), ["Igor Kostyukov", "Rustem Umerov", "Steve Witkoff"]);
  });
  it("reads those of one that opens on 'in parallel' as that contact's", () => {
    assert.deepEqual(people("У Женеві завершилися тристоронні переговори\n\nДелегації Росії, України та США провели переговори в Женеві у вівторок. Російську делегацію очолив Мединський, українську — Умєров, американську — Віткофф. Паралельно відбулася двостороння зустріч за участю Віткоффа та Дмитрієва.", "2026-02-18"), ["Rustem Umerov", "Steve Witkoff", "Vladimir Medinsky"]);
    assert.deepEqual(people("В Женеве завершились трехсторонние переговоры\n\nДелегации России, Украины и США провели переговоры в Женеве во вторник. Российскую делегацию возглавил Мединский, украинскую — Умеров, американскую — Уиткофф. Параллельно прошла двусторонняя встреча с участием Уиткоффа и Дмитриева.", "2026-02-18"), ["Rustem Umerov", "Steve Witkoff", "Vladimir Medinsky"]);
    assert.deepEqual(people("Three-way talks end in Geneva\n\nRussian, Ukrainian and US delegations held talks in Geneva on Tuesday. Medinsky led Russia's team, Umerov Ukraine's and Witkoff the American one. In parallel, a bilateral meeting was held with the participation of Witkoff and Dmitriev.", "2026-02-18"), ["Rustem Umerov", "Steve Witkoff", "Vladimir Medinsky"]);
  });
  it("reads those of one told 'separately from' this contact as that contact's", () => {
    assert.deepEqual(people("Witkoff and Kushner to travel to Moscow\n\nSteve Witkoff and Jared Kushner will travel to Moscow next week to meet Vladimir Putin. Driscoll is expected to travel to Kyiv for talks with Ukrainian officials, separately from the Moscow trip.", "2026-01-25"), ["Jared Kushner", "Steve Witkoff", "Vladimir Putin"]);
    assert.deepEqual(people("Уиткофф и Кушнер поедут в Москву\n\nСтив Уиткофф и Джаред Кушнер на следующей неделе поедут в Москву на встречу с Владимиром Путиным. Дрисколл, отдельно от поездки в Москву, отправится в Киев для переговоров с украинскими чиновниками.", "2026-01-25"), ["Jared Kushner", "Steve Witkoff", "Vladimir Putin"]);
    assert.deepEqual(people("Віткофф і Кушнер поїдуть до Москви\n\nСтів Віткофф і Джаред Кушнер наступного тижня поїдуть до Москви на зустріч із Володимиром Путіним. Дрісколл, окремо від поїздки до Москви, вирушить до Києва на переговори з українськими посадовцями.", "2026-01-25"), ["Jared Kushner", "Steve Witkoff", "Vladimir Putin"]);
  });
});

describe("the same negotiators as at an earlier round", () => {
  it("is a comparison, not a recall: those it lists take part in this one", () => {
    assert.deepEqual(people("Abu Dhabi round postponed\n\nThe new round of three-way talks in Abu Dhabi, due early in March, has been postponed. The same negotiators as at the previous round were to travel: Ukraine's delegation is led by Umerov, the American one by Witkoff and Kushner, the Russian one by Medinsky.", "2026-03-05"), ["Jared Kushner", "Rustem Umerov", "Steve Witkoff", "Vladimir Medinsky"]);
    assert.deepEqual(people("Раунд в Абу-Даби отложен\n\nНовый раунд трехсторонних переговоров в Абу-Даби, намеченный на начало марта, отложен. В Абу-Даби должны были отправиться те же переговорщики, что и на предыдущий раунд: украинскую делегацию возглавляет Умеров, американскую представляют Уиткофф и Кушнер, российскую — Мединский.", "2026-03-05"), ["Jared Kushner", "Rustem Umerov", "Steve Witkoff", "Vladimir Medinsky"]);
    assert.deepEqual(people("Раунд в Абу-Дабі відклали\n\nНовий раунд тристоронніх переговорів в Абу-Дабі, запланований на початок березня, відкладено. До Абу-Дабі мали вирушити ті ж переговорники, що й на попередній раунд: українську делегацію очолює Умєров, американську представляють Віткофф та Кушнер, а російську — Мединський.", "2026-03-05"), ["Jared Kushner", "Rustem Umerov", "Steve Witkoff", "Vladimir Medinsky"]);
  });
  it("reads 'увійшов' as a delegation told done, in the story of a round moved", () => {
    assert.deepEqual(people("Раунд в Абу-Дабі відклали\n\nНовий раунд тристоронніх переговорів в Абу-Дабі відкладено. Українську делегацію мав очолити Умєров. У лютому до делегації увійшов Буданов.", "2026-03-05"), ["Rustem Umerov"]);
  });
});
