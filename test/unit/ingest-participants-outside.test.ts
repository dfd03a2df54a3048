// How a language marks a person as inside the main contact or outside it, in long stories whose
// background paragraphs name the people of other contacts: a title of two words or a post
// before a name given in full (the holder, not a principal), a second call "and then with",
// a comparison with an earlier round, a contact moved or called off beside the ones held before
// it, "together with" only before a person, a journey to another city, "twice" or "three times".
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readArticle as read } from "../support/ingest-cases.ts";

const people = (text: string, published: string) => read(text, published).drafts[0]?.participants.map((p) => p.name).sort();

describe("a post before a name: the holder's own or a principal's", () => {
  it("reads a secretary of state in two words as the holder", () => {
    assert.deepEqual(people("Зустріч Трампа і Путіна в Анкориджі\n\nДональд Трамп і Володимир Путін провели переговори в Анкориджі. Разом із Трампом за столом були державний секретар Марко Рубіо та Стів Віткофф.", "2025-08-16"), ["Donald Trump", "Marco Rubio", "Steve Witkoff", "Vladimir Putin"]);
    assert.deepEqual(people("Встреча Трампа и Путина в Анкоридже\n\nДональд Трамп и Владимир Путин провели переговоры в Анкоридже. Вместе с Трампом за столом сидели государственный секретарь Марко Рубио и Стив Уиткофф.", "2025-08-16"), ["Donald Trump", "Marco Rubio", "Steve Witkoff", "Vladimir Putin"]);
    assert.deepEqual(people("Trump and Putin meet in Anchorage\n\nDonald Trump and Vladimir Putin held talks in Anchorage. Alongside Trump at the table were Secretary of State Marco Rubio and Steve Witkoff.", "2025-08-16"), ["Donald Trump", "Marco Rubio", "Steve Witkoff", "Vladimir Putin"]);
  });
  it("reads one named in full right after an adviser's post as the adviser, a leader after it as his principal", () => {
    assert.deepEqual(people("Дмитрієв зустрівся з Віткоффом у Маямі\n\nКирило Дмитрієв у середу провів у Маямі переговори з американською делегацією у складі Стіва Віткоффа та старшого радника Джоша Грюнбаума.", "2026-03-12"), ["Josh Gruenbaum", "Kirill Dmitriev", "Steve Witkoff"]);
    assert.deepEqual(people("Дмитриев встретился с Уиткоффом в Майами\n\nКирилл Дмитриев в среду провел в Майами переговоры с американской делегацией в составе Стива Уиткоффа и старшего советника Джоша Грюнбаума.", "2026-03-12"), ["Josh Gruenbaum", "Kirill Dmitriev", "Steve Witkoff"]);
    assert.deepEqual(people("Dmitriev meets Witkoff in Miami\n\nKirill Dmitriev held talks in Miami on Wednesday with a U.S. delegation of Steve Witkoff and senior adviser Josh Gruenbaum.", "2026-03-12"), ["Josh Gruenbaum", "Kirill Dmitriev", "Steve Witkoff"]);
    assert.deepEqual(people("Дмитрієв зустрівся з Віткоффом у Маямі\n\nСпецпредставник Кирило Дмитрієв у середу провів у Маямі переговори зі Стівом Віткоффом. Радник Дональда Трампа прокоментував зустріч.", "2026-03-12"), ["Kirill Dmitriev", "Steve Witkoff"]);
  });
});

describe("a second contact in the same sentence or the lead", () => {
  it("reads the one named after \"and then with\" as the next contact's", () => {
    assert.deepEqual(people("Трамп у понеділок поговорить з Путіним, а потім — із Зеленським\n\nДональд Трамп у понеділок проведе телефонну розмову з Володимиром Путіним.", "2025-05-17"), ["Donald Trump", "Vladimir Putin"]);
    assert.deepEqual(people("Трамп в понедельник поговорит с Путиным, а затем — с Зеленским\n\nДональд Трамп в понедельник проведет телефонный разговор с Владимиром Путиным.", "2025-05-17"), ["Donald Trump", "Vladimir Putin"]);
    assert.deepEqual(people("Trump to speak with Putin on Monday, and then with Zelensky\n\nDonald Trump will hold a phone call with Vladimir Putin on Monday.", "2025-05-17"), ["Donald Trump", "Vladimir Putin"]);
  });
  it("reads a lead line that tells only a phone call, beside talks put off, as that call's", () => {
    assert.deepEqual(people("Тристоронні переговори знову відклали\nУвечері Путін і Трамп поговорили телефоном\n\nТристоронню зустріч у Стамбулі відклали. У переговорах мали взяти участь Стів Віткофф, Рустем Умєров і Володимир Мединський.", "2026-03-10"), ["Rustem Umerov", "Steve Witkoff", "Vladimir Medinsky"]);
    assert.deepEqual(people("Трехсторонние переговоры вновь отложены\nВечером Путин и Трамп поговорили по телефону\n\nТрехстороннюю встречу в Стамбуле отложили. В переговорах должны были участвовать Стив Уиткофф, Рустем Умеров и Владимир Мединский.", "2026-03-10"), ["Rustem Umerov", "Steve Witkoff", "Vladimir Medinsky"]);
    assert.deepEqual(people("Three-way talks put off again\nPutin and Trump spoke by phone in the evening\n\nThe trilateral meeting in Istanbul has been postponed. Steve Witkoff, Rustem Umerov and Vladimir Medinsky were expected to take part in the talks.", "2026-03-10"), ["Rustem Umerov", "Steve Witkoff", "Vladimir Medinsky"]);
  });
});

describe("a contact moved or called off, and those held before it", () => {
  it("reads a team compared with the last round's as this contact's", () => {
    assert.deepEqual(people("Переговори в Абу-Дабі відклали\n\nНовий раунд переговорів України, США та Росії в Абу-Дабі відкладено. До Абу-Дабі мали вирушити ті ж переговорники, що й на попередній раунд: українську делегацію очолює Рустем Умєров, американську — Стів Віткофф.", "2026-03-05"), ["Rustem Umerov", "Steve Witkoff"]);
    assert.deepEqual(people("Переговоры в Абу-Даби отложены\n\nНовый раунд переговоров России, США и Украины в Абу-Даби отложен. В Абу-Даби должны были отправиться те же переговорщики, что и на прошлом раунде: украинскую делегацию возглавляет Рустем Умеров, американскую — Стив Уиткофф.", "2026-03-05"), ["Rustem Umerov", "Steve Witkoff"]);
    assert.deepEqual(people("Abu Dhabi talks postponed\n\nA new round of talks between Russia, Ukraine and the U.S. in Abu Dhabi has been postponed. The same negotiators as at the last round were to travel: the Ukrainian delegation is led by Rustem Umerov, the American one by Steve Witkoff.", "2026-03-05"), ["Rustem Umerov", "Steve Witkoff"]);
  });
  it("reads the delegations of a round held before one called off as that round's", () => {
    assert.deepEqual(people("Третій раунд консультацій скасовано\n\nТретій раунд консультацій Росії та США в Москві скасовано.\n\nПерший раунд відбувся 27 лютого у Стамбулі. Делегації очолювали Соната Култер і Олександр Дарчієв. До делегації увійшов також Кирило Дмитрієв.", "2025-06-17"), []);
    assert.deepEqual(people("Третий раунд консультаций отменен\n\nТретий раунд консультаций России и США в Москве отменен.\n\nПервый раунд прошел 27 февраля в Стамбуле. Делегации возглавляли Соната Култер и Александр Дарчиев.", "2025-06-17"), []);
    assert.deepEqual(people("Third round of consultations called off\n\nThe third round of Russia-U.S. consultations in Moscow has been cancelled.\n\nThe first round took place in Istanbul on February 27. The delegations were led by Sonata Coulter and Alexander Darchiev.", "2025-06-17"), []);
  });
});

describe("background sentences that name people of other contacts", () => {
  it("reads \"together with\" as a mark of taking part only before a person", () => {
    assert.deepEqual(people("Дрісколл провів переговори з росіянами в Абу-Дабі\n\nМіністр армії США Ден Дрісколл провів в Абу-Дабі переговори з російською делегацією. Зеленський заявив, що Україна разом з партнерами працює над планом і готова до зустрічі з Трампом.", "2025-11-25"), ["Dan Driscoll"]);
    assert.deepEqual(people("Дрисколл провел переговоры с россиянами в Абу-Даби\n\nМинистр армии США Дэн Дрисколл провел в Абу-Даби переговоры с российской делегацией. Зеленский заявил, что Украина вместе с партнерами работает над планом и готова к встрече с Трампом.", "2025-11-25"), ["Dan Driscoll"]);
    assert.deepEqual(people("Driscoll holds talks with Russians in Abu Dhabi\n\nU.S. Army Secretary Dan Driscoll held talks with a Russian delegation in Abu Dhabi. Zelensky said Ukraine was working along with its partners on the plan and was ready for a meeting with Trump.", "2025-11-25"), ["Dan Driscoll"]);
  });
  it("reads a journey to another city than this contact's as for a contact there", () => {
    assert.deepEqual(people("Дрісколл провів переговори з росіянами в Абу-Дабі\n\nМіністр армії США Ден Дрісколл провів в Абу-Дабі переговори з російською делегацією. Трамп доручив Стіву Віткоффу поїхати до Москви на зустріч з Путіним.", "2025-11-26"), ["Dan Driscoll"]);
    assert.deepEqual(people("Дрисколл провел переговоры с россиянами в Абу-Даби\n\nМинистр армии США Дэн Дрисколл провел в Абу-Даби переговоры с российской делегацией. Трамп поручил Стиву Уиткоффу поехать в Москву на встречу с Путиным.", "2025-11-26"), ["Dan Driscoll"]);
    assert.deepEqual(people("Driscoll holds talks with Russians in Abu Dhabi\n\nU.S. Army Secretary Dan Driscoll held talks with a Russian delegation in Abu Dhabi. Trump said Steve Witkoff would travel to Moscow for a meeting with Putin.", "2025-11-26"), ["Dan Driscoll"]);
  });
  it("reads one who took part \"three times\" or \"twice\" as in other contacts", () => {
    assert.deepEqual(people("Тристоронні переговори у Стамбулі відклали\n\nТристоронню зустріч України, США та Росії у Стамбулі відклали. Українську делегацію мав очолити Рустем Умєров. Володимир Мединський уже тричі брав участь у таких переговорах.", "2026-03-10"), ["Rustem Umerov"]);
    assert.deepEqual(people("Трехсторонние переговоры в Стамбуле отложены\n\nТрехстороннюю встречу России, США и Украины в Стамбуле отложили. Украинскую делегацию должен был возглавить Рустем Умеров. Владимир Мединский уже трижды участвовал в таких переговорах.", "2026-03-10"), ["Rustem Umerov"]);
    assert.deepEqual(people("Three-way talks in Istanbul postponed\n\nThe trilateral meeting of Russia, Ukraine and the U.S. in Istanbul has been postponed. Rustem Umerov was to lead the Ukrainian delegation. Vladimir Medinsky has taken part in such talks thrice.", "2026-03-10"), ["Rustem Umerov"]);
  });
  it("reads the name after an attribution set off by commas as no speaker", () => {
    assert.deepEqual(people("Перша тристороння зустріч відбудеться в Абу-Дабі\n\nПерша тристороння зустріч України, США і Росії відбудеться в Абу-Дабі в п'ятницю. Американську сторону, як зазначив президент, представлятимуть Стів Віткофф і Джаред Кушнер.", "2026-01-22"), ["Jared Kushner", "Steve Witkoff"]);
    assert.deepEqual(people("Первая трехсторонняя встреча пройдет в Абу-Даби\n\nПервая трехсторонняя встреча России, США и Украины пройдет в Абу-Даби в пятницу. Американскую сторону, как отметил президент, представят Стив Уиткофф и Джаред Кушнер.", "2026-01-22"), ["Jared Kushner", "Steve Witkoff"]);
    assert.deepEqual(people("First three-way meeting to be held in Abu Dhabi\n\nThe first trilateral meeting of Russia, Ukraine and the U.S. will be held in Abu Dhabi on Friday. The American side, as the president noted, will be represented by Steve Witkoff and Jared Kushner.", "2026-01-22"), ["Jared Kushner", "Steve Witkoff"]);
  });
  it("reads the one met in a relative clause as that contact's, one beside the antecedent as this one's", () => {
    assert.deepEqual(people("Перша тристороння зустріч відбудеться в Абу-Дабі\n\nПерша тристороння зустріч України, США і Росії відбудеться в Абу-Дабі в п'ятницю. Американську сторону представлятимуть Стів Віткофф і Джаред Кушнер, які ввечері мають зустрітися з Путіним у Москві.", "2026-01-22"), ["Jared Kushner", "Steve Witkoff"]);
    assert.deepEqual(people("Первая трехсторонняя встреча пройдет в Абу-Даби\n\nПервая трехсторонняя встреча России, США и Украины пройдет в Абу-Даби в пятницу. Американскую сторону представят Стив Уиткофф и Джаред Кушнер, которые вечером должны встретиться с Путиным в Москве.", "2026-01-22"), ["Jared Kushner", "Steve Witkoff"]);
    assert.deepEqual(people("First three-way meeting to be held in Abu Dhabi\n\nThe first trilateral meeting of Russia, Ukraine and the U.S. will be held in Abu Dhabi on Friday. The American side will be represented by Steve Witkoff and Jared Kushner, who are to meet with Putin in Moscow tonight.", "2026-01-22"), ["Jared Kushner", "Steve Witkoff"]);
    assert.deepEqual(people("Віткофф провів переговори з Путіним у Кремлі\n\nСтів Віткофф провів у Кремлі переговори з Володимиром Путіним. Про це повідомив Юрій Ушаков, який разом із спецпредставником Кирилом Дмитрієвим також брав участь у зустрічі.", "2025-04-25"), ["Kirill Dmitriev", "Steve Witkoff", "Vladimir Putin", "Yuri Ushakov"]);
  });
  it("reads a leader whose \"point man\" one is as his principal", () => {
    assert.deepEqual(people("Dmitriev calls Miami talks with Witkoff constructive\n\nKirill Dmitriev said his talks in Miami with Steve Witkoff had been constructive. Dmitriev, who heads the fund and is one of President Vladimir Putin's point men on Washington, flew into Florida on Friday.", "2025-12-20"), ["Kirill Dmitriev", "Steve Witkoff"]);
  });
});

describe("a contact with no one named, and one in another city", () => {
  it("takes no one from a sentence that puts its contact in another city", () => {
    assert.deepEqual(people("США скасували раунд консультацій у Москві\n\nЧерговий раунд консультацій Росії та США, який мав відбутися в Москві, скасовано. Консультації стали одним із підсумків зустрічі Сергія Лаврова і Марко Рубіо в Ер-Ріяді.", "2025-06-17"), []);
    assert.deepEqual(people("США отменили раунд консультаций в Москве\n\nОчередной раунд консультаций России и США, который планировалось провести в Москве, отменен. Консультации стали одним из итогов встречи Сергея Лаврова и Марко Рубио в Эр-Рияде.", "2025-06-17"), []);
    assert.deepEqual(people("U.S. calls off consultations in Moscow\n\nThe next round of Russia-U.S. consultations, which was to be held in Moscow, has been cancelled. The consultations were one of the results of the meeting between Sergei Lavrov and Marco Rubio in Riyadh.", "2025-06-17"), []);
  });
});

describe("marks of taking part beside a recalled contact (guards for the rules above)", () => {
  it("reads \"також взяли участь\", \"с российской стороны присутствовали\", \"also present\" as this contact's, \"тоді\" as the recalled one's", () => {
    assert.deepEqual(people("Путін прийняв Віткоффа в Кремлі\n\nВолодимир Путін у вівторок прийняв у Кремлі Стіва Віткоффа. У зустрічі також взяли участь Юрій Ушаков і Кирило Дмитрієв.\n\nПопередня зустріч Віткоффа з Путіним відбулася в серпні. Тоді в ній брав участь також Сергій Лавров.", "2025-12-03"), ["Kirill Dmitriev", "Steve Witkoff", "Vladimir Putin", "Yuri Ushakov"]);
    assert.deepEqual(people("Путин принял Уиткоффа в Кремле\n\nВладимир Путин во вторник принял в Кремле Стива Уиткоффа. С российской стороны присутствовали Юрий Ушаков и Кирилл Дмитриев.\n\nПредыдущая встреча Уиткоффа с Путиным прошла в августе. Тогда в ней участвовал также Сергей Лавров.", "2025-12-03"), ["Kirill Dmitriev", "Steve Witkoff", "Vladimir Putin", "Yuri Ushakov"]);
    assert.deepEqual(people("Putin receives Witkoff in the Kremlin\n\nVladimir Putin received Steve Witkoff in the Kremlin on Tuesday. Also present on the Russian side were Yuri Ushakov and Kirill Dmitriev.\n\nTheir previous meeting took place in August. Sergei Lavrov also took part then.", "2025-12-03"), ["Kirill Dmitriev", "Steve Witkoff", "Vladimir Putin", "Yuri Ushakov"]);
  });
});
