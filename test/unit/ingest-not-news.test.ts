// Stories that name a contact between the followed sides in the headline or the lead and still
// report none as news: the contact named to say there is none, one recalled from weeks before.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { understand } from "../../src/ingest/extract.ts";
import { loadNames } from "../support/ingest-corpus.ts";

const names = loadNames();
const read = (text: string, published: string) => understand({ text, published }, names, { today: published });

describe("a contact named to say there is none", () => {
  it("drops 'no … talks', 'никаких консультаций', 'жодних переговорів'", () => {
    const cases: [string, string][] = [
      ["Kremlin aide: no arms control talks with Washington\n\nMoscow has held no arms control talks with Washington since the spring, a Kremlin aide told reporters on Tuesday.", "2025-11-04"],
      ["Рябков: никаких консультаций с США по посольствам нет\n\nКонсультации с США по работе посольств не проводятся с апреля, когда в Стамбуле прошел второй раунд, заявил Рябков во вторник.", "2025-11-04"],
      ["Жодних переговорів між США та Росією щодо посольств наразі немає\n\nКонсультації щодо роботи дипмісій не проводяться з квітня, коли у Стамбулі відбувся другий раунд, повідомили у вівторок у Держдепі.", "2025-11-04"],
    ];
    for (const [text, published] of cases) {
      const r = read(text, published);
      assert.equal(r.relevant, false, text);
      assert.match(r.reason, /only to say there is none/, text);
    }
  });
  it("drops 'no' with up to three words that say which talks (en, ru, uk)", () => {
    const cases: [string, string][] = [
      ["The treaty lapses\n\nThe arms treaty between Russia and the United States lapsed on Thursday, with no formal arms control negotiations under way between Moscow and Washington.", "2026-02-05"],
      ["Договор истек\n\nДоговор между Россией и США истек в четверг, и никаких официальных российско-американских переговоров о вооружениях не ведется.", "2026-02-05"],
      ["Договір сплив\n\nДоговір між Росією та США сплив у четвер, і жодних офіційних російсько-американських перемовин щодо озброєнь не ведеться.", "2026-02-05"],
    ];
    for (const [text, published] of cases) assert.equal(read(text, published).relevant, false, text);
  });
  it("keeps a contact held with no deal, and one held where the other is said to be none", () => {
    const r = read("No deal at Rubio-Lavrov talks in Riyadh\n\nSecretary of State Marco Rubio and Foreign Minister Sergei Lavrov held talks in Riyadh on Tuesday without reaching a deal.", "2025-02-18");
    assert.equal(r.relevant, true);
  });
});

describe("a contact only supposed", () => {
  it("drops an analysis whose only word of what became of the contact is 'even if it never takes place'", () => {
    const cases: [string, string][] = [
      ["Why a second Trump-Putin summit is still only talk\n\nThree weeks after Anchorage, where Donald Trump and Vladimir Putin see each other again remains an open question.\n\nFor Moscow the invitation alone is a win, even if the summit never takes place, one analyst said.", "2025-09-08"],
      ["Почему второй саммит Трампа и Путина пока остается разговорами\n\nСпустя три недели после Анкориджа вопрос о том, где Дональд Трамп и Владимир Путин увидятся снова, остается открытым.\n\nДля Москвы само приглашение уже победа, даже если саммит так и не состоится, считает один аналитик.", "2025-09-08"],
      ["Чому другий саміт Трампа і Путіна поки лишається розмовами\n\nЧерез три тижні після Анкориджа питання, де Дональд Трамп і Володимир Путін побачаться знову, лишається відкритим.\n\nДля Москви саме запрошення вже перемога, навіть якщо саміт ніколи не відбудеться, вважає один аналітик.", "2025-09-08"],
    ];
    for (const [text, published] of cases) {
      const r = read(text, published);
      assert.equal(r.relevant, false, text);
      assert.match(r.reason, /reports none held, set, announced, moved or called off/, text);
    }
  });
});

describe("a contact another one was told of", () => {
  it("drops a call with a third leader who was briefed on the summit held days before", () => {
    const cases: [string, string][] = [
      ["Putin calls Lula\n\nRussian President Vladimir Putin spoke by phone with Brazilian President Luiz Inacio Lula da Silva on Monday.\n\nPutin briefed Lula on the results of his meeting with U.S. President Donald Trump, which took place in Anchorage on Friday.", "2025-08-18"],
      ["Путин позвонил Лукашенко\n\nПрезидент России Владимир Путин в понедельник провел телефонный разговор с Александром Лукашенко.\n\nПутин поделился оценками своей встречи с президентом США Дональдом Трампом, которая состоялась в пятницу на Аляске.", "2025-08-18"],
      ["Путін зателефонував Лукашенку\n\nПрезидент Росії Володимир Путін у понеділок провів телефонну розмову з Олександром Лукашенком.\n\nПутін поділився оцінками своєї зустрічі з президентом США Дональдом Трампом, яка відбулася в пʼятницю на Алясці.", "2025-08-18"],
    ];
    for (const [text, published] of cases) {
      const r = read(text, published);
      assert.equal(r.relevant, false, text);
      assert.match(r.reason, /a call between (\w+) and Russia, not a contact between the parties the record follows/, text);
    }
  });
});

describe("a contact whose outcome another one discussed", () => {
  it("drops a meeting with a third minister who discussed the talks held two days before, and the story's later word on them", () => {
    const cases: [string, string][] = [
      ["Lavrov and Wang Yi meet in Johannesburg\n\nRussian Foreign Minister Sergei Lavrov met Chinese Foreign Minister Wang Yi in Johannesburg on Thursday.\n\nThe ministers exchanged views on Ukraine and discussed the outcome of the Russian-American talks that the two delegations held in Riyadh on Tuesday.\n\nLavrov and Rubio talked for four hours in Riyadh. Kyiv was not invited to the meeting.", "2025-02-20"],
      ["Лавров и Ван И встретились в Йоханнесбурге\n\nМинистр иностранных дел России Сергей Лавров в четверг встретился в Йоханнесбурге с главой МИД Китая Ван И.\n\nМинистры обменялись оценками ситуации и обсудили итоги российско-американских переговоров, которые делегации провели во вторник в Эр-Рияде.\n\nЛавров и Рубио говорили в Эр-Рияде четыре часа. Киев на встречу не пригласили.", "2025-02-20"],
      ["Лавров і Ван І зустрілися в Йоганнесбурзі\n\nМіністр закордонних справ Росії Сергій Лавров у четвер зустрівся в Йоганнесбурзі з главою МЗС Китаю Ван І.\n\nМіністри обмінялися оцінками ситуації та обговорили підсумки російсько-американських переговорів, які делегації провели у вівторок в Ер-Ріяді.\n\nЛавров і Рубіо говорили в Ер-Ріяді чотири години. Київ на зустріч не запросили.", "2025-02-20"],
    ];
    for (const [text, published] of cases) {
      const r = read(text, published);
      assert.equal(r.relevant, false, text);
      assert.match(r.reason, /a meeting between (China and Russia|Russia and China)/, text);
    }
  });
});

describe("a sports story", () => {
  it("drops a match called a meeting, and the leaders' call told below a headline about a league (en, ru, uk)", () => {
    const cases: [string, string][] = [
      ["Russian-American meeting in the tennis final\n\nA Russian and an American will meet in the final of the tournament in Riyadh on Saturday, the organisers said.", "2025-11-07"],
      ["League ready for hockey 'meeting' with the NHL\n\nThe league said it was ready for games with NHL clubs next season. The idea came up during Tuesday's phone call between Vladimir Putin and Donald Trump.", "2025-03-19"],
      ["Российско-американская встреча в финале турнира\n\nРоссиянка и американка сыграют в финале турнира в Эр-Рияде в субботу, сообщили организаторы.", "2025-11-07"],
      ["В лиге готовы к матчам с клубами НХЛ\n\nЛига готова провести матчи с клубами НХЛ в следующем сезоне. Идея прозвучала во вторник после телефонного разговора Владимира Путина и Дональда Трампа.", "2025-03-19"],
      ["Російсько-американська зустріч у фіналі турніру\n\nРосіянка та американка зіграють у фіналі турніру в Ер-Ріяді в суботу, повідомили організатори.", "2025-11-07"],
      ["Russian and American grandmasters to meet in Moscow\n\nA Russian and an American chess player will meet in Moscow on Friday, the organisers said.", "2025-11-07"],
      ["Российский и американский гроссмейстеры встретятся в Москве\n\nРоссийский и американский шахматисты встретятся в Москве в пятницу, сообщили организаторы.", "2025-11-07"],
      ["Російський і американський гросмейстери зустрінуться в Москві\n\nРосійський і американський шахісти зустрінуться в Москві в п'ятницю, повідомили організатори.", "2025-11-07"],
      ["Russian and US boxers to meet in Riyadh\n\nA Russian and an American boxer will meet in Riyadh on Saturday, the promoters said.", "2025-11-07"],
      ["У лізі готові до матчів із клубами НХЛ\n\nЛіга готова провести матчі з клубами НХЛ наступного сезону. Ідея прозвучала у вівторок після телефонної розмови Володимира Путіна і Дональда Трампа.", "2025-03-19"],
    ];
    for (const [text, published] of cases) {
      const r = read(text, published);
      assert.equal(r.relevant, false, text);
      assert.match(r.reason, /sports story/, text);
    }
  });
  it("keeps a call whose headline names the call, whatever sport it discussed", () => {
    const cases: [string, string][] = [
      ["Putin and Trump discuss hockey matches in phone call\n\nVladimir Putin and Donald Trump spoke by phone on Tuesday and discussed hockey matches between the leagues.", "2025-03-19"],
      ["Путин и Трамп в телефонном разговоре обсудили хоккейные матчи\n\nВладимир Путин и Дональд Трамп во вторник провели телефонный разговор и обсудили матчи между лигами.", "2025-03-19"],
      ["Путін і Трамп у телефонній розмові обговорили хокейні матчі\n\nВолодимир Путін і Дональд Трамп у вівторок провели телефонну розмову та обговорили матчі між лігами.", "2025-03-19"],
    ];
    for (const [text, published] of cases) assert.equal(read(text, published).relevant, true, text);
  });
});

describe("a meeting of one followed side with a third country", () => {
  it("takes the other followed country, named only as context, for no side", () => {
    const cases: [string, string][] = [
      ["Lavrov hosts Indian minister as U.S. tariffs loom\n\nRussian Foreign Minister Sergei Lavrov held talks with his Indian counterpart in Moscow on Thursday, days before new U.S. tariffs on Indian goods take effect.", "2025-08-21"],
      ["Лавров провел переговоры с главой МИД Индии на фоне пошлин США\n\nМинистр иностранных дел России Сергей Лавров в четверг провел в Москве переговоры с индийским коллегой за несколько дней до вступления в силу новых пошлин США на индийские товары.", "2025-08-21"],
      ["Лавров провів переговори з главою МЗС Індії на тлі мит США\n\nМіністр закордонних справ Росії Сергій Лавров у четвер провів у Москві переговори з індійським колегою за кілька днів до набуття чинності нових мит США на індійські товари.", "2025-08-21"],
    ];
    for (const [text, published] of cases) {
      const r = read(text, published);
      assert.equal(r.relevant, false, text);
      assert.match(r.reason, /a meeting between India and Russia, not a contact between the parties the record follows/, text);
    }
  });
});

describe("talks named as what could be spoiled", () => {
  it("drops 'new sanctions could derail the talks' with no day of the talks", () => {
    const cases: [string, string][] = [
      ["Rubio: new sanctions could derail the talks\n\nSecretary of State Marco Rubio told senators on Tuesday that new sanctions against Russia could drive Moscow away from the table.", "2025-05-21"],
      ["Рубио: новые санкции против России могут сорвать переговоры\n\nГоссекретарь США Марко Рубио во вторник заявил сенаторам, что новые санкции могут заставить Москву уйти из-за стола.", "2025-05-21"],
      ["Рубіо: нові санкції проти Росії можуть зірвати переговори\n\nДержсекретар США Марко Рубіо у вівторок заявив сенаторам, що нові санкції можуть змусити Москву піти з-за столу.", "2025-05-21"],
    ];
    for (const [text, published] of cases) assert.equal(read(text, published).relevant, false, text);
  });
});

describe("a court's session", () => {
  it("drops the next hearing of a court told beside diplomats' notes", () => {
    const cases: [string, string][] = [
      ["Посольство требует консульского доступа к задержанному россиянину\n\nПосольство России в Вашингтоне направило в Государственный департамент ноту с требованием консульского доступа к задержанному гражданину России.\n\nВ пятницу суд предъявил ему обвинения. Следующее заседание назначено на 12 марта.", "2026-02-23"],
      ["Посольство вимагає консульського доступу до затриманого росіянина\n\nПосольство Росії у Вашингтоні надіслало до Державного департаменту США ноту з вимогою консульського доступу до затриманого громадянина Росії.\n\nУ пʼятницю суд висунув йому обвинувачення. Наступне засідання призначено на 12 березня.", "2026-02-23"],
    ];
    for (const [text, published] of cases) assert.equal(read(text, published).relevant, false, text);
    assert.match(read(cases[1][0], cases[1][1]).reason, /court's hearing/);
  });
});

describe("a contact recalled from weeks before", () => {
  it("drops an analysis that opens on a contact done months before, in each language", () => {
    const cases: [string, string][] = [
      ["Half a year after Riyadh: what is left of the thaw\n\nSix months ago, on February 18, Sergei Lavrov and Marco Rubio met in Riyadh for the first talks in years. Little of that mood remains.", "2025-08-20"],
      ["Полгода после Эр-Рияда: что осталось от оттепели\n\nРовно полгода назад, 18 февраля, Сергей Лавров и Марко Рубио встретились в Эр-Рияде. С тех пор от того настроя мало что осталось.", "2025-08-20"],
      ["Пів року після Ер-Ріяда: що лишилося від відлиги\n\nРівно пів року тому, 18 лютого, Сергій Лавров і Марко Рубіо зустрілися в Ер-Ріяді. Відтоді від того настрою мало що лишилося.", "2025-08-20"],
    ];
    for (const [text, published] of cases) {
      const r = read(text, published);
      assert.equal(r.relevant, false, text);
      assert.match(r.reason, /recalls a meeting of 2025-02/, text);
    }
  });
  it("keeps a contact done days before the story", () => {
    const r = read("Lavrov and Rubio met in Riyadh\n\nSergei Lavrov and Marco Rubio met in Riyadh on February 18, the State Department said.", "2025-02-20");
    assert.equal(r.relevant, true);
  });
});

describe("what a sentence going on with a recall tells", () => {
  it("drops a summit called off weeks before, told after 'The last call was on …' with 'At the time', 'Тогда', 'Тоді' (en, ru, uk)", () => {
    const cases: [string, string][] = [
      ["Kremlin: no Putin-Trump call is planned\n\nNo phone call between Vladimir Putin and Donald Trump is planned for now, Kremlin spokesman Dmitry Peskov said on Thursday.\n\nThe last call between Putin and Trump took place on 16 October. At the time the presidents agreed on a summit in Budapest, but on 22 October Trump said he had called the meeting off.", "2025-11-06"],
      ["Песков: разговор Путина и Трампа не планируется\n\nТелефонный разговор Владимира Путина и Дональда Трампа пока не планируется, заявил в четверг Дмитрий Песков.\n\nПоследний разговор Путина и Трампа состоялся 16 октября. Тогда президенты договорились о саммите в Будапеште, однако 22 октября Трамп заявил, что отменил встречу.", "2025-11-06"],
      ["Пєсков: розмова Путіна і Трампа не планується\n\nТелефонна розмова Володимира Путіна і Дональда Трампа поки не планується, заявив у четвер Дмитро Пєсков.\n\nОстання розмова Путіна і Трампа відбулася 16 жовтня. Тоді президенти домовилися про саміт у Будапешті, однак 22 жовтня Трамп заявив, що скасував зустріч.", "2025-11-06"],
    ];
    for (const [text, published] of cases) assert.equal(read(text, published).relevant, false, text);
  });
});

describe("one received", () => {
  it("is named close after the verb, not in the possessive", () => {
    const r = read("Kremlin: still no reply from Washington\n\nRussia has received no written reply from Washington to President Vladimir Putin's proposal on the treaty, Kremlin spokesman Dmitry Peskov said on Monday.", "2025-11-17");
    assert.equal(r.relevant, false);
    assert.match(r.reason, /no call, meeting, round or summit/);
  });
  it("is named after the place and the post that introduce him", () => {
    const r = read("Зеленський прийняв міністра армії США\n\nПрезидент Володимир Зеленський у четвер прийняв у Києві делегацію Пентагону на чолі з міністром армії США Деном Дрісколлом.", "2025-11-20");
    assert.equal(r.relevant, false);
    assert.match(r.reason, /a meeting between (Ukraine and United States|United States and Ukraine)/);
  });
});

describe("an opinion poll", () => {
  it("drops a story whose headline and lead name the contact only as what a poll asked about (en, ru, uk)", () => {
    const cases: [string, string][] = [
      ["Survey: most Americans back a Trump-Putin meeting\n\nMost Americans back a meeting between Donald Trump and Vladimir Putin, a survey released on Monday found.", "2025-11-18"],
      ["Соцопрос: россияне ждут встречи Путина и Трампа\n\nБольшинство россиян ждут встречи Владимира Путина и Дональда Трампа, показал опрос, опубликованный в понедельник.", "2025-11-18"],
      ["Опитування: українці не чекають нічого від зустрічі Путіна і Трампа\n\nБільшість українців не чекають нічого від зустрічі Володимира Путіна і Дональда Трампа, показало опитування, оприлюднене в понеділок.", "2025-11-18"],
    ];
    for (const [text, published] of cases) {
      const r = read(text, published);
      assert.equal(r.relevant, false, text);
      assert.match(r.reason, /poll/, text);
    }
  });
  it("keeps a contact whose lead reports it, whatever the headline says of polls", () => {
    const r = read("Putin and Trump speak as polls show support for talks\n\nVladimir Putin and Donald Trump spoke by phone on Monday, the Kremlin said.", "2025-11-18");
    assert.equal(r.relevant, true);
  });
});

describe("private people of the two countries", () => {
  it("drops a meeting of the countries' people as such, named by no one (en, ru, uk)", () => {
    const cases: [string, string][] = [
      ["Russian and American scientists meet in Vienna\n\nRussian and American scientists met in Vienna on Monday to compare notes on Arctic ice.", "2025-11-18"],
      ["Российские и американские студенты встретились в Вене\n\nСтуденты из России и США в понедельник встретились в Вене на летней школе.", "2025-11-18"],
      ["Російські та американські ветерани зустрілися у Відні\n\nРосійські та американські ветерани в понеділок зустрілися у Відні.", "2025-11-18"],
    ];
    for (const [text, published] of cases) {
      const r = read(text, published);
      assert.equal(r.relevant, false, text);
      assert.match(r.reason, /private people/, text);
    }
  });
  it("keeps officials' talks about such people", () => {
    const r = read("Russian and US diplomats discuss journalists' visas\n\nRussian and U.S. diplomats met in Istanbul on Monday to discuss visas for journalists.", "2025-11-18");
    assert.equal(r.relevant, true);
  });
});

describe("an opinion column", () => {
  it("drops a column's argument about a contact with no day (en, ru, uk)", () => {
    const cases: [string, string][] = [
      ["Opinion: A Trump-Putin summit would settle nothing\n\nA summit between Donald Trump and Vladimir Putin would settle nothing, and Europe knows it.", "2025-11-18"],
      ["Мнение: встреча Путина и Трампа ничего не решит\n\nВстреча Владимира Путина и Дональда Трампа ничего не решит, и в Европе это понимают.", "2025-11-18"],
      ["Думка: зустріч Путіна і Трампа нічого не вирішить\n\nЗустріч Володимира Путіна і Дональда Трампа нічого не вирішить, і в Європі це розуміють.", "2025-11-18"],
    ];
    for (const [text, published] of cases) {
      const r = read(text, published);
      assert.equal(r.relevant, false, text);
    }
  });
});

describe("stories that share the names of a contact and report none", () => {
  // Analyses of stalled talks, denials, exchanges of prisoners or of the dead, and market reports:
  // real outlets publish them with the same people and words as a contact's news.
  it("drops an analysis that names a new summit and a call only to say there is neither", () => {
    const cases: [string, string][] = [
      ["Trump's Russia reset runs aground\n\nThree months after the Alaska summit, there is neither a new summit nor a phone call between Trump and Putin on the horizon.\n\nThe leaders last spoke by phone on October 16, when they agreed on a summit in Budapest that was later called off.", "2025-11-12"],
      ["Перезагрузка забуксовала\n\nСпустя три месяца после саммита на Аляске ни новой встречи, ни телефонного разговора Путина и Трампа не предвидится.\n\nВ последний раз лидеры говорили по телефону 16 октября, тогда они договорились о саммите в Будапеште, который позже отменили.", "2025-11-12"],
      ["Перезавантаження забуксувало\n\nЧерез три місяці після саміту на Алясці ні нової зустрічі, ні телефонної розмови Путіна і Трампа не передбачається.\n\nВостаннє лідери говорили телефоном 16 жовтня, тоді вони домовилися про саміт у Будапешті, який згодом скасували.", "2025-11-12"],
    ];
    for (const [text, published] of cases) {
      const r = read(text, published);
      assert.equal(r.relevant, false, text);
    }
  });
  it("drops an analysis of stalled talks whose only word of a contact recalls weeks before", () => {
    const cases: [string, string][] = [
      ["Analysis: US-Russia talks stall\n\nThe negotiation process between Moscow and Washington has reached a dead end, and talks between Witkoff and Dmitriev have stalled since October.\n\nIn late October, Trump said he had cancelled the planned summit with Putin in Budapest.", "2025-11-12"],
      ["Аналитика: диалог Москвы и Вашингтона буксует\n\nПереговорный процесс между Россией и США зашел в тупик: встреч Уиткоффа и Дмитриева не было с октября.\n\nВ конце октября Трамп заявил, что отменил запланированную встречу с Путиным в Будапеште.", "2025-11-12"],
      ["Аналітика: діалог Москви і Вашингтона забуксував\n\nПереговорний процес між Росією і США зайшов у глухий кут: зустрічей Віткоффа і Дмитрієва не було з жовтня.\n\nНаприкінці жовтня Трамп заявив, що скасував заплановану зустріч із Путіним у Будапешті.", "2025-11-12"],
    ];
    for (const [text, published] of cases) {
      const r = read(text, published);
      assert.equal(r.relevant, false, text);
      assert.match(r.reason, /reports none held/, text);
    }
  });
  it("drops a word that no contact is planned, over the summit called off told below it", () => {
    const cases: [string, string][] = [
      ["Kremlin: no new Putin-Trump contacts planned\n\nNo contacts between Putin and Trump are planned for now, Kremlin spokesman Dmitry Peskov told reporters on Wednesday.\n\nIn late October, Trump said he had cancelled the planned meeting with Putin in Budapest.", "2025-11-05"],
      ["Песков: контактов Путина и Трампа пока не планируется\n\nПланов по новым контактам Путина и Трампа пока нет, заявил в среду Дмитрий Песков.\n\nВ конце октября Трамп заявил, что отменил запланированную встречу с Путиным в Будапеште.", "2025-11-05"],
      ["Пєсков: розмова Путіна і Трампа не планується\n\nПланів щодо нових контактів Путіна і Трампа поки немає, заявив у середу Дмитро Пєсков.\n\nНаприкінці жовтня Трамп заявив, що скасував заплановану зустріч із Путіним у Будапешті.", "2025-11-05"],
      ["Kremlin: no new Putin-Trump contacts planned\n\nThere are no plans for new contacts between Putin and Trump, Kremlin spokesman Dmitry Peskov told reporters on Wednesday.\n\nTrump called off the planned summit with Putin in Budapest, saying it did not feel right.", "2025-11-05"],
      ["Песков: планов по контактам Путина и Трампа нет\n\nПланов по новым контактам Путина и Трампа пока нет, заявил в среду Дмитрий Песков.\n\nТрамп отменил запланированную встречу с Путиным в Будапеште, заявив, что она не казалась правильной.", "2025-11-05"],
      ["Пєсков: планів щодо контактів Путіна і Трампа немає\n\nПланів щодо нових контактів Путіна і Трампа поки немає, заявив у середу Дмитро Пєсков.\n\nТрамп скасував заплановану зустріч із Путіним у Будапешті, заявивши, що вона не здавалася правильною.", "2025-11-05"],
    ];
    for (const [text, published] of cases) {
      const r = read(text, published);
      assert.equal(r.relevant, false, text);
    }
  });
  it("keeps a contact to come, with its day, told below the word that no other is planned", () => {
    const r = read("Песков: планов по контактам Путина и Трампа нет\n\nПланов по новым контактам Путина и Трампа пока нет, заявил в среду Дмитрий Песков.\n\nПри этом Лавров и Рубио проведут телефонный разговор в четверг, уточнил он.", "2025-11-05");
    assert.equal(r.relevant, true, r.reason);
    assert.deepEqual([r.drafts[0].kind, r.drafts[0].status, r.drafts[0].date], ["call", "scheduled", "2025-11-06"]);
  });
  it("drops an exchange of prisoners or of the dead, with the talks that agreed it", () => {
    const cases: [string, string][] = [
      ["Russia and Ukraine swap 185 prisoners each\n\nRussia and Ukraine exchanged 185 prisoners of war each on Thursday, the defence ministry said.\n\nThe swap was agreed when Witkoff met Dmitriev in Miami on Tuesday.", "2025-10-02"],
      ["Россия и Украина провели обмен пленными\n\nРоссия и Украина в четверг обменялись 185 военнопленными, сообщило Минобороны.\n\nОбмен согласовали во вторник на встрече Уиткоффа и Дмитриева в Майами.", "2025-10-02"],
      ["Україна і Росія провели обмін полоненими\n\nУкраїна і Росія в четвер обмінялися 185 полоненими, повідомив Координаційний штаб.\n\nОбмін погодили у вівторок на зустрічі Віткоффа і Дмитрієва в Маямі.", "2025-10-02"],
      ["Россия передала Украине тела погибших\n\nРоссия передала Украине 1000 тел погибших военнослужащих, получив взамен 24 тела, сообщил Мединский в четверг.\n\nОбмены телами были согласованы на переговорах в Стамбуле 2 июня.", "2025-10-02"],
      ["Russia hands over 1,000 bodies to Ukraine\n\nRussia handed over the bodies of 1,000 soldiers to Ukraine on Thursday and received 24 in return, Medinsky said.\n\nThe repatriation of bodies was agreed at talks in Istanbul on June 2.", "2025-10-02"],
      ["Україна повернула тіла 1000 загиблих\n\nУкраїна в четвер повернула тіла 1000 загиблих військових, повідомив Координаційний штаб.\n\nРепатріацію тіл погодили на переговорах у Стамбулі 2 червня.", "2025-10-02"],
    ];
    for (const [text, published] of cases) {
      const r = read(text, published);
      assert.equal(r.relevant, false, text);
      assert.match(r.reason, /exchange of prisoners/, text);
    }
  });
  it("drops a speech at a club's session that names the United States", () => {
    const cases: [string, string][] = [
      ["Putin speaks at Valdai\n\nOn Thursday Putin, speaking at the Valdai club's plenary session in Sochi, said Russia would watch the United States closely.", "2025-10-02"],
      ["Путин выступил на «Валдае»\n\nВ четверг Путин, выступая на заседании клуба «Валдай» в Сочи, заявил, что Россия будет следить за действиями США.", "2025-10-02"],
      ["Путін виступив на «Валдаї»\n\nУ четвер Путін, виступаючи на засіданні клубу «Валдай» у Сочі, заявив, що Росія стежитиме за діями США.", "2025-10-02"],
    ];
    for (const [text, published] of cases) {
      const r = read(text, published);
      assert.equal(r.relevant, false, text);
      assert.match(r.reason, /session of a body/, text);
    }
  });
  it("drops a market report that names a contact only as what traders hope for", () => {
    const cases: [string, string][] = [
      ["Rouble firms as call hopes lift sentiment\n\nThe rouble firmed on Tuesday as hopes for a phone call between Putin and Trump lifted sentiment on the Moscow exchange.\n\nThe currency gained 0.8% against the dollar.", "2025-10-14"],
      ["Рубль укрепился на фоне ожиданий разговора Путина и Трампа\n\nРубль во вторник укрепился на фоне ожиданий телефонного разговора Путина и Трампа, следует из данных Мосбиржи.\n\nДоллар подешевел на 80 копеек.", "2025-10-14"],
      ["Рубль зміцнився на тлі очікувань розмови Путіна і Трампа\n\nРосійський рубль у вівторок зміцнився на тлі очікувань телефонної розмови Путіна і Трампа.\n\nДолар подешевшав на 80 копійок.", "2025-10-14"],
      ["Oil rises as Trump-Putin summit hopes fade\n\nOil prices rose on Thursday as hopes for a summit between Trump and Putin faded and investors weighed new sanctions.", "2025-10-23"],
    ];
    for (const [text, published] of cases) {
      const r = read(text, published);
      assert.equal(r.relevant, false, text);
      assert.match(r.reason, /market story/, text);
    }
  });
  it("keeps a market report of a call held the evening before", () => {
    const cases: [string, string][] = [
      ["Rouble firms after Putin-Trump call\n\nThe rouble firmed on Friday after Putin and Trump held a phone call on Thursday evening.\n\nThe currency gained 0.8% against the dollar.", "2025-10-17"],
      ["Рубль укрепился после телефонного разговора Путина и Трампа\n\nРубль в пятницу укрепился после того, как накануне вечером Путин и Трамп провели телефонный разговор.", "2025-10-17"],
      ["Рубль зміцнився після телефонної розмови Путіна і Трампа\n\nРосійський рубль у пʼятницю зміцнився після того, як напередодні ввечері Путін і Трамп провели телефонну розмову.", "2025-10-17"],
    ];
    for (const [text, published] of cases) {
      const r = read(text, published);
      assert.equal(r.relevant, true, text);
      assert.deepEqual([r.drafts[0].kind, r.drafts[0].status], ["call", "held"], text);
    }
  });
  it("drops an analysis that says the talks are at a dead end, over the contacts done months before", () => {
    const cases: [string, string][] = [
      ["Analysis: why the Trump-Putin channel has gone quiet\n\nThe back channel between Witkoff and Dmitriev has gone quiet, and no new summit is in sight, analysts say.\n\nTrump and Putin met in Anchorage on August 15, and spoke by phone on October 16.", "2025-11-12"],
      ["Анализ: почему диалог Москвы и Вашингтона забуксовал\n\nПереговорный процесс между Россией и США зашел в тупик, считают эксперты.\n\nПутин и Трамп встретились в Анкоридже 15 августа, а 16 октября провели телефонный разговор.", "2025-11-12"],
      ["Аналіз: чому діалог Вашингтона і Москви забуксував\n\nПереговорний процес між США і Росією зайшов у глухий кут, вважають експерти.\n\nПутін і Трамп зустрілися в Анкориджі 15 серпня, а 16 жовтня провели телефонну розмову.", "2025-11-12"],
    ];
    for (const [text, published] of cases) {
      const r = read(text, published);
      assert.equal(r.relevant, false, text);
      assert.match(r.reason, /reports none held/, text);
    }
  });
  it("drops a word that no new meeting is expected", () => {
    const cases: [string, string][] = [
      ["Kremlin says no Putin-Trump call is being prepared\n\nThe Kremlin said on Wednesday that no phone call between Putin and Trump was being prepared.\n\nThe two leaders last spoke on October 16.", "2025-11-05"],
      ["Ushakov: no new meetings with Witkoff expected soon\n\nNo new meetings with US envoy Steve Witkoff in Moscow are expected in the near future, Kremlin aide Yuri Ushakov said.", "2025-11-05"],
      ["Ушаков: новых встреч с Уиткоффом в ближайшее время не ожидается\n\nНовых встреч со спецпосланником Стивом Уиткоффом в Москве в ближайшее время не ожидается, сообщил Юрий Ушаков.", "2025-11-05"],
      ["Ушаков: нових зустрічей з Віткоффом найближчим часом не очікується\n\nНових зустрічей зі спецпосланцем Стівом Віткоффом у Москві найближчим часом не очікується, повідомив Юрій Ушаков.", "2025-11-05"],
    ];
    for (const [text, published] of cases) {
      const r = read(text, published);
      assert.equal(r.relevant, false, text);
    }
  });
  it("keeps a meeting set for a day, whatever is not expected of it", () => {
    const r = read("Уиткофф и Дмитриев встретятся в пятницу в Майами\n\nСпецпосланник Стив Уиткофф и Кирилл Дмитриев встретятся в пятницу в Майами, прорыва на переговорах не ожидается.", "2025-11-05");
    assert.deepEqual([r.relevant, r.drafts[0]?.status, r.drafts[0]?.date], [true, "scheduled", "2025-11-07"]);
  });
  it("drops a return from captivity, with the meeting that agreed it", () => {
    const cases: [string, string][] = [
      ["Украина вернула из российского плена 84 человека\n\nУкраина в четверг вернула из плена 84 человека, сообщил Зеленский.\n\nОбмен согласовали при посредничестве США на встрече в Майами во вторник, где Уиткофф встретился с Дмитриевым.", "2025-10-02"],
      ["Україна повернула з полону 84 людини\n\nУкраїна в четвер повернула з російського полону 84 людини, повідомив Зеленський.\n\nОбмін погодили за посередництва США на зустрічі в Маямі у вівторок, де Віткофф зустрівся з Дмитрієвим.", "2025-10-02"],
    ];
    for (const [text, published] of cases) {
      const r = read(text, published);
      assert.equal(r.relevant, false, text);
      assert.match(r.reason, /exchange of prisoners/, text);
    }
  });
  it("drops a market report on hopes for, optimism over or doubts about a summit", () => {
    const cases: [string, string][] = [
      ["Russian stocks rally on Putin-Trump summit optimism\n\nRussian stocks rallied on Tuesday on optimism over a summit between Putin and Trump in Alaska.", "2025-08-12"],
      ["Индекс Мосбиржи вырос на надеждах на саммит Путина и Трампа\n\nИндекс Мосбиржи во вторник вырос на 2% на надеждах на саммит Путина и Трампа на Аляске.", "2025-08-12"],
      ["Гривня зміцнилася на тлі надій на зустріч Путіна і Трампа\n\nГривня у вівторок зміцнилася на тлі надій на зустріч Путіна і Трампа на Алясці.", "2025-08-12"],
      ["Rouble slips as Putin-Trump summit doubts grow\n\nThe rouble slipped on Thursday as doubts grew over a summit between Putin and Trump in Budapest.", "2025-10-23"],
      ["Рубль ослаб на фоне сомнений в саммите Путина и Трампа\n\nРубль в четверг ослаб на фоне сомнений в проведении саммита Путина и Трампа в Будапеште.", "2025-10-23"],
      ["Рубль послабився на тлі сумнівів щодо саміту Путіна і Трампа\n\nРубль у четвер послабився на тлі сумнівів щодо проведення саміту Путіна і Трампа в Будапешті.", "2025-10-23"],
    ];
    for (const [text, published] of cases) {
      const r = read(text, published);
      assert.equal(r.relevant, false, text);
      assert.match(r.reason, /market story/, text);
    }
  });
  it("keeps a market report on a summit set for a day", () => {
    const r = read("Rouble firms after Trump sets Alaska summit with Putin\n\nThe rouble firmed on Saturday after Trump said he would meet Putin in Alaska on August 15.", "2025-08-09");
    assert.deepEqual([r.relevant, r.drafts[0]?.kind, r.drafts[0]?.status, r.drafts[0]?.date], [true, "summit", "scheduled", "2025-08-15"]);
  });
});

describe("stories of a kind that reports no contact as news", () => {
  const dropped = (cases: [string, string][], reason: RegExp) => {
    for (const [text, published] of cases) {
      const r = read(text, published);
      assert.equal(r.relevant, false, text);
      assert.match(r.reason, reason, text);
    }
  };
  const kept = (cases: [string, string][]) => {
    for (const [text, published] of cases) assert.equal(read(text, published).relevant, true, text);
  };
  it("drops a column its signature or disclaimer marks, or its label before a bar (en, ru, uk)", () => {
    dropped([
      ["Trump keeps calling Putin, and nothing changes\n\nDonald Trump has spoken to Vladimir Putin more often than any of his predecessors. None of the calls has brought peace closer.\n\nThe author is a senior fellow at a Washington think tank.", "2025-11-13"],
      ["Встречи ради встреч: почему переговоры Москвы и Вашингтона буксуют\n\nПутин и Трамп за год несколько раз говорили по телефону. Но ни один разговор не приблизил мир.\n\nМнение автора может не совпадать с позицией редакции.", "2025-11-13"],
      ["Розмови Трампа з Путіним нічого не змінюють\n\nДональд Трамп знову поговорив з Володимиром Путіним, і знову нічого не змінилося.\n\nАвтор — колишній посол України в США.", "2025-11-13"],
      ["Opinion | Trump's Russia diplomacy is all meetings and no map\n\nThe president has spoken to Vladimir Putin on the phone more often than any predecessor.", "2025-11-13"],
    ], /opinion column/);
  });
  it("drops a look back a year or months after a contact (en, ru, uk)", () => {
    dropped([
      ["Six months since Anchorage: what the Putin-Trump summit changed\n\nSix months ago Vladimir Putin and Donald Trump met at a military base in Anchorage.\n\nIn the spring, diplomats of the two countries met twice in Istanbul.", "2026-02-15"],
      ["Как изменились отношения России и США\n\nРовно год назад Владимир Путин и Дональд Трамп встретились на Аляске. Вспоминаем, что произошло за это время.\n\nВесной дипломаты двух стран дважды встречались в Стамбуле.", "2026-08-15"],
      ["Річниця Ер-Ріяду: хронологія контактів Вашингтона і Москви\n\nРік тому в Ер-Ріяді Марко Рубіо і Сергій Лавров провели першу зустріч після початку вторгнення.\n\nНавесні дипломати двох країн двічі зустрічалися в Стамбулі.", "2026-02-18"],
    ], /looks back|recalls/);
  });
  it("keeps a contact of the news days that a look back's headline reports (en, ru, uk)", () => {
    kept([
      ["A year after Riyadh, Lavrov and Rubio meet again\n\nSergei Lavrov and Marco Rubio met in Riyadh on Monday, a year after their first talks there, the State Department said.", "2026-02-18"],
      ["Год спустя после Эр-Рияда Лавров и Рубио снова встретились\n\nСергей Лавров и Марко Рубио в понедельник провели переговоры в Эр-Рияде, сообщили в МИД России.", "2026-02-18"],
      ["Рік після Ер-Ріяду: Лавров і Рубіо знову зустрілися\n\nСергій Лавров і Марко Рубіо в понеділок провели переговори в Ер-Ріяді, повідомили в МЗС Росії.", "2026-02-18"],
    ]);
  });
  it("drops a spokesman's 'nothing to announce' and the contacts he names further on (en, ru, uk)", () => {
    dropped([
      ["Kremlin: nothing to announce yet on a new Putin-Trump meeting\n\nThere is nothing to announce yet about a new meeting between Vladimir Putin and Donald Trump, Kremlin spokesman Dmitry Peskov told reporters on Thursday.", "2025-11-13"],
      ["Песков: анонсировать пока нечего\n\nАнонсировать новые контакты Кремля со спецпосланником президента США Стивом Уиткоффом пока нечего, заявил пресс-секретарь президента России Дмитрий Песков.\n\n\"Мы неоднократно говорили, что встречи ради встреч не нужны. Нужна хорошая подготовка\", — добавил он.", "2025-11-13"],
      ["Пєсков: нових контактів з Віткоффом поки не заплановано\n\nНових контактів Кремля зі спецпосланцем президента США Стівом Віткоффом поки не заплановано, заявив речник президента Росії Дмитро Пєсков.\n\n\"Ми неодноразово казали, що зустрічі заради зустрічей не потрібні. Потрібна ретельна підготовка\", — додав він.", "2025-11-13"],
    ], /nothing|planned|in passing|reports none/);
  });
  it("drops an envoy's trip on another file whose other side comes up only further on (en, ru, uk)", () => {
    dropped([
      ["Witkoff arrives in Doha for hostage talks\n\nUS special envoy Steve Witkoff arrived in Doha on Tuesday to join negotiations between Israel and Hamas on a hostage deal.\n\nWitkoff has also been the president's main channel to Vladimir Putin.", "2025-10-08"],
      ["Уиткофф прибыл в Каир на переговоры по Газе\n\nСпецпосланник президента США Стив Уиткофф во вторник прибыл в Каир, чтобы принять участие в переговорах Израиля и ХАМАС.\n\nУиткофф также отвечает за контакты с Москвой: в августе он встречался с Владимиром Путиным в Кремле.", "2025-10-08"],
      ["Віткофф прибув до Маскату на переговори з Іраном\n\nСпецпосланець президента США Стів Віткофф у суботу прибув до Оману на непрямі переговори з Іраном.\n\nВіткофф також веде переговори з Росією і кілька разів зустрічався з Володимиром Путіним.", "2025-10-08"],
    ], /third|not a contact between the parties/);
  });
  it("keeps an envoy's trip to the other side after talks on another file (en, ru, uk)", () => {
    kept([
      ["After Gaza talks, Witkoff flies to Moscow to meet Putin\n\nSteve Witkoff, fresh from the Gaza ceasefire talks in Egypt, will meet Vladimir Putin in the Kremlin on Thursday, the Kremlin said.", "2025-10-13"],
      ["После переговоров по Газе Уиткофф прилетит в Москву\n\nСпецпосланник президента США Стив Уиткофф после переговоров по Газе в Египте в четверг встретится в Кремле с Владимиром Путиным.", "2025-10-13"],
      ["Після переговорів щодо Гази Віткофф прилетить до Москви\n\nСпецпосланець президента США Стів Віткофф після переговорів щодо Гази в Єгипті в четвер зустрінеться в Кремлі з Володимиром Путіним.", "2025-10-13"],
    ]);
  });
  it("drops a game the headline calls a meeting and the lead a match (en, ru, uk), not the leaders' summit with a game beside it", () => {
    dropped([
      ["Russia v USA in Dubai: Rublev and Shelton to meet on Saturday\n\nAndrey Rublev will play American Ben Shelton at an exhibition tournament in Dubai on Saturday, the organisers said.", "2025-12-17"],
      ["Россия — США в Дубае. Овечкин и Мэтьюс встретятся в субботу\n\nАлександр Овечкин сыграет против американца Остона Мэтьюса в благотворительном хоккейном матче в Дубае.", "2025-12-17"],
      ["Росія — США в Ер-Ріяді: Медведєв і Фріц зустрінуться в пʼятницю\n\nДанило Медведєв зіграє з американцем Тейлором Фріцом у виставковому турнірі в Ер-Ріяді.", "2025-12-17"],
    ], /sports story/);
    kept([
      ["Putin and Trump to meet in Budapest\n\nVladimir Putin and Donald Trump will meet in Budapest on 20 November and may attend a hockey match between their countries' veterans.", "2025-11-13"],
      ["Путин и Трамп встретятся в Будапеште\n\nВладимир Путин и Дональд Трамп встретятся в Будапеште 20 ноября и, возможно, посетят хоккейный матч ветеранов двух стран.", "2025-11-13"],
      ["Путін і Трамп зустрінуться в Будапешті\n\nВолодимир Путін і Дональд Трамп зустрінуться в Будапешті 20 листопада і, можливо, відвідають хокейний матч ветеранів двох країн.", "2025-11-13"],
    ]);
  });
});

describe("a call in which a contact was agreed, recalled by an analysis", () => {
  // "agreed by phone to hold consultations": the phone is how it was agreed, so the call is done
  // and the day before it is the call's, not the consultations'. An analysis whose only such
  // call is months back reports no contact.
  const analyses: [string, string][] = [
    ["en", "Analysis: why the embassy talks stalled\n\nNine months on, the practical track is stuck. The track was born on Feb. 15, when Marco Rubio and Sergei Lavrov agreed by phone to hold expert consultations on embassies. The first round in Istanbul lasted six hours."],
    ["ru", "Анализ: почему застрял посольский трек Москвы и Вашингтона\n\nДевять месяцев спустя этот трек застрял. Всё началось 15 февраля, когда Марко Рубио и Сергей Лавров договорились по телефону провести консультации экспертов по посольствам. Первый раунд в Стамбуле длился шесть часов."],
    ["uk", "Аналіз: чому застряг посольський трек Москви й Вашингтона\n\nДев'ять місяців потому цей трек застряг. Усе почалося 15 лютого, коли Марко Рубіо та Сергій Лавров домовилися телефоном провести консультації експертів щодо посольств. Перший раунд у Стамбулі тривав шість годин."],
  ];
  for (const [lang, text] of analyses) {
    it(`drops the analysis (${lang})`, () => assert.equal(read(text, "2025-11-14").relevant, false));
  }
  const talks: [string, string][] = [
    ["ru", "Анализ: почему заглохли переговоры о посольствах\n\nВсё началось 15 февраля, когда Марко Рубио и Сергей Лавров договорились по телефону провести консультации экспертов по посольствам. Первый раунд в Стамбуле длился шесть часов."],
    ["uk", "Аналіз: чому заглухли переговори про посольства\n\nУсе почалося 15 лютого, коли Марко Рубіо та Сергій Лавров домовилися телефоном провести консультації експертів щодо посольств. Перший раунд у Стамбулі тривав шість годин."],
  ];
  for (const [lang, text] of talks) {
    it(`does not date the consultations by the call's day (${lang})`, () => {
      assert.ok(read(text, "2025-11-14").drafts.every((d) => d.date === null || d.date <= "2025-11-14"));
    });
  }
  const news: [string, string][] = [
    ["en", "Rubio and Lavrov agree by phone to hold embassy talks\n\nMarco Rubio and Sergei Lavrov agreed by phone on Tuesday to hold expert consultations on embassies."],
    ["ru", "Рубио и Лавров договорились по телефону о консультациях\n\nМарко Рубио и Сергей Лавров во вторник договорились по телефону провести консультации по посольствам."],
    ["uk", "Рубіо і Лавров домовилися телефоном про консультації\n\nМарко Рубіо та Сергій Лавров у вівторок домовилися телефоном провести консультації щодо посольств."],
  ];
  for (const [lang, text] of news) {
    it(`keeps the call as held on its day (${lang})`, () => {
      const r = read(text, "2025-11-14");
      assert.deepEqual([r.relevant, r.drafts[0]?.kind, r.drafts[0]?.status, r.drafts[0]?.date], [true, "call", "held", "2025-11-11"]);
    });
  }
});

describe("an interview in which contacts are recalled", () => {
  // "recalled his meetings with Putin", "вспомнил свои встречи", "згадав свої зустрічі": the lead's
  // contacts are what someone remembers; the day the interview aired is not theirs.
  const cases: [string, string][] = [
    ["en", "Witkoff on his talks with Putin: 'We had five meetings'\n\nIn an interview with Tucker Carlson aired on Saturday, Steve Witkoff recalled his meetings with Vladimir Putin in Moscow in February, March and April."],
    ["ru", "Уиткофф о переговорах с Путиным: «У нас было пять встреч»\n\nВ интервью Такеру Карлсону, вышедшем в субботу, Стив Уиткофф вспомнил свои встречи с Владимиром Путиным в Москве в феврале, марте и апреле."],
    ["uk", "Віткофф про переговори з Путіним: «У нас було п'ять зустрічей»\n\nВ інтерв'ю Такеру Карлсону, що вийшло в суботу, Стів Віткофф згадав свої зустрічі з Володимиром Путіним у Москві в лютому, березні та квітні."],
  ];
  for (const [lang, text] of cases) {
    it(`drops the interview (${lang})`, () => assert.equal(read(text, "2025-11-22").relevant, false));
  }
  it("keeps a meeting told done on the story's day", () => {
    assert.equal(read("Witkoff meets Putin in Moscow\n\nSteve Witkoff met Vladimir Putin in the Kremlin on Saturday, the Kremlin said.", "2025-11-22").relevant, true);
  });
});
