// The words by which a story says who takes part in a contact, and who does not: a side's
// people listed ("с российской стороны"), those beside one taking part ("вместе с Путиным"),
// those sent or travelling for it, "without its participation", a presence told done "then",
// "several times" or "at meetings", whose aide a name is ("an aide to President Putin"), an
// agreement reached "at the meeting", a contact told "this time". participants.ts reads
// sentences with them.

/** "an aide to President Vladimir Putin", "adviser to the Russian president", "envoy of President Trump": whose man, not who. */
export const PRINCIPAL_OF = /(?<![\p{L}])(aide|aides|adviser|advisers|advisor|advisors|assistant|envoy|envoys|spokesman|spokeswoman|spokesperson|representative|emissary|son in law|son-in-law)\s+(to|of)\s+((the|russian|us|u\.s\.|american|ukrainian|president|prime|minister|secretary|of|state)\s+){0,3}$/u;

/** "at the request of President Trump", "по просьбе Дональда Трампа", "на прохання Трампа", "on behalf of
 * Trump", "по поручению Путина", "за дорученням Путіна": the one who asked or sent, not one taking part
 * (folded, the text before the name, maybe through a title). */
export const AT_REQUEST_OF = /(?<![\p{L}])(at the (request|behest|direction|instruction|instructions) of|on (the )?(behalf|orders|instructions) of|by order of|по (просьбе|поручению|указанию|распоряжению)|на (прохання|вимогу|доручення)|за (дорученням|вказивкою))\s+((the|us|u\.s\.|american|russian|president|президента|лидера|сша|\p{L}+ого)\s+){0,3}$/u;

/** "підготовкою займаються Рубіо та Віткофф", "подготовкой саммита руководят", "за підготовку відповідають",
 * "preparations are led by", "Rubio is handling the preparations", "in charge of preparing the meeting": those
 * named prepare the contact, they are not said to sit in it (folded). */
const PREP_NOUN = "(?:подготовк\\p{L}*|пидготовк\\p{L}*)";
const IN_CHARGE = "(?:занима\\p{L}*|займа\\p{L}*|руковод\\p{L}*|керу\\p{L}*|отвеча\\p{L}*|видповида\\p{L}*|куриру\\p{L}*)";
export const PREPARERS = new RegExp(`(?<![\\p{L}])(?:${PREP_NOUN}\\s+(?:\\p{L}+\\s+){0,2}${IN_CHARGE}|${IN_CHARGE}\\s+(?:за\\s+)?(?:\\p{L}+\\s+)?${PREP_NOUN}|preparations?\\s+(?:\\p{L}+\\s+){0,4}(?:led|handled|overseen|run|coordinated|managed|headed)\\s+by|(?:handl|lead|oversee|oversaw|coordinat|head|manag|runn)\\p{L}*\\s+(?:the\\s+)?(?:\\p{L}+\\s+)?(?:preparations?|preparatory)|(?:in charge of|responsible for)\\s+(?:the\\s+)?prepar\\p{L}*)(?![\\p{L}])`, "u");

/** A clause opened by a side's phrase, its verb left out: "а з російського боку — …", "с российской стороны — …", "and on the Russian side by …" (folded). */
export const SIDE_OPENING = /^(?:(?:а|и|та|й|and|while|but)\s+)?(?:с|со|з|зи|вид|от|from|on|for)\s+(?:the\s+)?(?:росси|роси|американ|украин|russian|american|us|u\.s\.|ukrainian)\p{L}*(?:\s+(?:сторони|стороны|боку|side))?(?![\p{L}])/u;

/** "and", "и", "і", "та", "й" (folded): what joins the names of a list. */
export const AND = /^(and|и|та|й)$/u;

/** "тогда", "тоді", "then", "at the time": told of a contact recalled. */
export const THEN = /(?<![\p{L}])(тогда|тоди|then|at the time|at that time)(?![\p{L}])/u;

/** "several times", "six times", "неоднократно", "не раз", "кілька разів", "тричі", "трижды": told of several contacts, none of them this one. */
export const REPEATED = /(?<![\p{L}])(several|many|multiple|\d+|two|three|four|five|six|seven|eight|nine|ten) times(?![\p{L}])|(?<![\p{L}])(twice|thrice|repeatedly|неоднократно|неодноразово|не раз|дважды|трижды|двичи|тричи)(?![\p{L}])|(?<![\p{L}])(несколько|много|\d+|два|три|четыре|пять|шесть|семь|килька|декилька|багато|чотири|п'ять|шисть|сим) раз(а|ив|и)?(?![\p{L}])/u;

/** "took part in Witkoff's meetings with Putin", "участвовал во встречах", "брав участь у зустрічах": a presence at several contacts, none of them this one. */
export const AT_SEVERAL = /(?<![\p{L}])(took part|take part|taking part|participated|attended|sat in|участвовал\p{L}*|участвует|участвуют|(принимал|принимала|принимали|брав|брала|брали) (участие|участь))\s+((in|во|в|у)\s+)?(\p{L}+\s+){0,2}(meetings|rounds|summits|встречах|раундах|саммитах|зустричах|самитах)(?![\p{L}])/u;

/** "this time", "на этот раз", "цього разу" (folded: э is е): the sentence tells this contact, set against earlier ones. */
export const THIS_TIME = /(?<![\p{L}])(this time|на етот раз|в етот раз|на сей раз|цього разу|на цей раз)(?![\p{L}])/u;

/** "agreed … at the meeting in Riyadh", "домовилися … на зустрічі", "договорились в ходе встречи": the contact an agreement was reached at, whose people are its own. */
export const AT_CONTACT = /(?<![\p{L}])(at|during|on the sidelines of|на|во время|в ходе|пид час|в ходи|у ходи)\s+(\p{L}+\s+){0,2}(meeting|talks|summit|встрече|переговорах|саммите|зустричи|перемовинах|самити)(?![\p{L}])/u;

/** "договоренность достигнута", "домовленості досягнуто", "reached an agreement": an agreement told by its noun (folded). */
export const AGREEMENT_REACHED = /(?<![\p{L}])(договоренност\p{L}*\s+(\p{L}+\s+)?(достигнут\p{L}*|достигли)|(достигнут\p{L}*|достигли)\s+(\p{L}+\s+)?договоренност|домовленост\p{L}*\s+(\p{L}+\s+)?(досягнут\p{L}*|досягли)|(досягнут\p{L}*|досягли)\s+(\p{L}+\s+)?домовленост|reached\s+(an?\s+|the\s+)?(\p{L}+\s+)?(agreement|understanding|deal)|(agreement|understanding)\s+(was\s+|has\s+been\s+)?reached)/u;

/** "не исключил, что в состав войдет Грюнбаум", "did not rule out that Rubio would join", "можливо, до делегації увійде": a part only thought possible. */
export const HEDGED = /(?<![\p{L}])(не исключ\p{L}*|не виключ\p{L}*|(not|n['’]t) rul\p{L}* out|возможно|можливо|possibly|perhaps)(?![\p{L}])/u;

/** "did not say … whether he had seen Putin", "не уточнили, встречался ли он с Путиным", "не уточнили, чи
 * бачився він з Путіним": an indirect question, which tells no one met (folded, the text before the name). */
export const ASKED_WHETHER = /(?<![\p{L}])(whether|ли)\s+(\p{L}+\s+){0,6}$|[,:—–]\s*чи\s+(\p{L}+\s+){0,6}$/u;

/** "without its participation", "без участия Украины", "will not take part", "участия не примет": no one's part. */
export const NO_PART = /(?<![\p{L}])((without|not|never|без|не)\s+(\p{L}+['’]?\s+){0,2}(participation|participat\p{L}*|take part|took part|taking part|attend\p{L}*|участ\p{L}*)|участ\p{L}*\s+((в|у|во)\s+\p{L}+\s+)?не(?![\p{L}]))/gu;

/** Verbs of a journey: "fly", "arrived", "прилетит", "приехать", "прибуде", "вирушить". */
const JOURNEY = "(fly|flies|flew|flying|travel\\p{L}*|arriv\\p{L}*|head(s|ed|ing)? to|прилет\\p{L}*|прилит\\p{L}*|прибу\\p{L}*|прибы\\p{L}*|приед\\p{L}*|приеха\\p{L}*|прииха\\p{L}*|поед\\p{L}*|поиде\\p{L}*|поиха\\p{L}*|вылет\\p{L}*|вилет\\p{L}*|отправ\\p{L}*|вируш\\p{L}*)";
export const JOURNEY_WORD = new RegExp(`(?<![\\p{L}])${JOURNEY}(?![\\p{L}])`, "u");

/** "would fly to Riyadh for the meeting", "прилетит в Эр-Рияд на переговоры", "прибуде до Женеви для участі в перемовинах": a journey for the contact. */
export const TRAVEL_FOR = new RegExp(`(?<![\\p{L}])${JOURNEY}\\s([^\\s,;:.]+\\s){0,5}(for|на|для)\\s(the\\s|участи\\p{L}*\\s(в|у)\\s)?(meeting|talks|summit|negotiations|round|consultations|переговор\\p{L}*|встреч\\p{L}*|зустрич\\p{L}*|перемовин\\p{L}*|саммит\\p{L}*|самит\\p{L}*|консультац\\p{L}*)`, "u");

/** "Washington will send Witkoff and Kushner", "Трамп направит Уиткоффа": the one sent (a name right after, maybe through a title) takes part. */
export const SENT = /(?<![\p{L}])(send|sends|sending|sent|направит|направят|направил\p{L}*|направить|пошлет|пошлют|отправит|отправят|отправил\p{L}*|надишле|надишлють|надислав|видправить|видправлять|видправив)\s+(\p{L}+\s+){0,3}$/u;

/** "С российской стороны", "з американського боку", "від української сторони", "on the US side": one side's people follow
 * (the side's word may be left out after a dash, the other side told before: "С американской — Уиткофф и Кушнер").
 * So do a country's name after "from" opening the sentence, or after "со стороны", "з боку" ("От США за столом были
 * Уиткофф и Кушнер", "Від США участь взяли …", "Від Америки – Віткофф і Кушнер", "For the U.S., Witkoff and Kushner attended", "з боку США"). */
export const SIDE_LIST = /(?<![\p{L}])(с|со|з|зи|вид|от|from|on|for) (the )?(росси|роси|американ|украин|russian|american|us|u\.s\.|ukrainian)\p{L}* ((сторони|боку|side)(?![\p{L}])|[—–] )|(^(от|вид|from|for)|(?<![\p{L}])(со стороны|з боку)) (the )?(сша|рф|росси\p{L}*|роси\p{L}*|украин\p{L}*|америк\p{L}*|us|u\.s|united states|america|russia|ukraine)(?![\p{L}])/u;

/** "вместе с Путиным", "разом із президентом Трампом", "along with Trump": right before a name, maybe through a title. */
export const WITH_ONE = /(?<![\p{L}])(вместе со?|разом (з|зи|из)|together with|along with|alongside)\s+(\p{L}+\s+){0,3}$/u;

/** "to meet", "встретиться", "зустрітися": a verb of meeting whose object the name is. */
export const MEET_VERB = /^(meet|met|встретиться|встретится|встретятся|встречаться|зустритися|зустринеться|зустринуться|зустричатися)$/u;

/** Words of a title that may stand between the contact and the name, capitalised in English ("Russian President"). */
export const TITLE_WORD = /^(president|russian|american|us|u\.s\.|ukrainian|secretary|minister|foreign|envoy|special|state|of)$/u;

// Presence denied: "Dmitriev was not at the table", "Зеленского на встрече не было", "участі в
// переговорах не брав", "за столом так и не оказались Белоусов и Силуанов", "without Zelensky"
// (folded). absence.ts reads them beside a name. (Not "was not formally part of the delegation":
// one there without a title was still there.)
const EN_BEING = "(?:(?:was|were|is|are|has|have|had|will|would|did|does|do|could|can)(?:n['’]?t| not| never)|wont|cant)";
const EN_PRESENT = "(?:at the table|in the room|on (?:the|either|any|that|his|her|their) (?:\\p{L}+ )?list|present|involved|among (?:them|those)|(?:a )?part of (?:the|either|any|his|her|its|their) (?:\\p{L}+ )?(?:delegation|team|group|talks|meeting)|included|invited|in attendance|attend\\p{L}*|take part|taking part|took part|participat\\p{L}*|join\\p{L}*)";
const RU_PRESENT = "(?:участвовал\\p{L}*|участвует|участвуют|участвовавш\\p{L}*|присутствовал\\p{L}*|присутствует|присутствуют|присутствовавш\\p{L}*|оказал\\p{L}*|вошел|вошла|вошли|вошедш\\p{L}*|входил\\p{L}*|входит|входят|сидел\\p{L}*|приглашен\\p{L}*|пригласил\\p{L}*|(?:принимал\\p{L}*|принял\\p{L}*|примет|примут) участи\\p{L}*|(?:бил|била|били|било|будет|будут) (?:\\p{L}+ )?(?:за столом|на встрече|на переговорах|на саммите|в составе|среди|в зале|в комнате|в списке))";
const UK_PRESENT = "(?:(?:брав|брала|брали|братиме|братимуть|взяв|взяла|взяли|визьме|визьмуть) участ\\p{L}*|присутн\\p{L}*|опинил\\p{L}*|увийшов|увийшла|увийшли|увийде|увийдуть|входив|входила|входили|входить|входять|сидив|сидила|сидили|запрошен\\p{L}*|запросил\\p{L}*|(?:був|була|були|було|буде|будуть) (?:\\p{L}+ )?(?:за столом|на зустричи|на переговорах|на перемовинах|на самити|у склади|в склади|серед|у зали|в зали|у списку|в списку))";
/** "участия в переговорах не принимал", "участі в перемовинах не брав": the noun before the denied verb. */
const PART_NOT = "участ\\p{L}* (?:\\p{L}+ ){0,3}не (?:брав|брала|брали|братиме|братимуть|взяв|взяла|взяли|визьме|визьмуть|принимал\\p{L}*|принял\\p{L}*|примет|примут)";
/** After the name, in its own clause: a presence denied ("was not at the table", "в переговорах не участвовал", "участі не брав"). */
export const ABSENT_AFTER = new RegExp(`^(?:\\p{L}+ ){0,4}?(?:${EN_BEING} (?:been |be |even |yet |also |actually )?${EN_PRESENT}|(?:never|not) (?:been )?${EN_PRESENT}|(?:was|were|is|are|remained) absent|stayed (?:away|home|behind)|sat out|skipped|(?:так (?:и )?)?не (?:\\p{L}+ )?(?:${RU_PRESENT}|${UK_PRESENT})|(?:не било|не будет|не було|не буде|нет|немае|нема)|отсутствовал\\p{L}*|отсутствует|видсутн\\p{L}*|${PART_NOT})(?![\\p{L}])`, "u");
/** Before the name, in its clause: "так и не оказались", "не брали участі", "absent were", "without", "без" (the name, maybe a list's later one). */
export const ABSENT_BEFORE = new RegExp(`(?<![\\p{L}])(?:(?:так (?:и )?)?не (?:\\p{L}+ )?(?:${RU_PRESENT}|${UK_PRESENT})|${PART_NOT}|not (?:at the table|in the room|present|among (?:them|those))|(?:absent|missing) (?:from (?:\\p{L}+ ){1,3})?(?:were|was))(?![\\p{L}])`, "u");
/** Right before the name, maybe through its title: "without Zelensky", "без Зеленского", "без держсекретаря Марко Рубіо",
 * "without Secretary of State Marco Rubio" (folded). */
export const WITHOUT = /(?<![\p{L}])(without|без)\s+((the|us|u\.s\.|ukrainian|russian|american|president|secretary|of|state|envoy|minister|foreign|президента|лидера|главы|украины|украини|сша|россии|росии|госсекретаря|держсекретаря|министра|посла|спецпосланника|спецпосланця|помощника|помичника|советника|радника|\p{L}+ого)\s+){0,3}$/u;
/** The names a deed's "by" or a participle's instrumental gives for its author, not one taking part: "a deadline set by Trump",
 * "the rapprochement pursued by President Trump", "дедлайна, установленного Трампом", "плану, запропонованого Віткоффом" (folded, the text before the name). */
export const AUTHOR_OF = /(?<![\p{L}])((set|proposed|pursued|imposed|issued|drafted|demanded|offered|floated|backed|championed|promised|sought|ordered|endorsed|threatened|initiated|launched|unveiled|signed|introduced|put forward|approved|outlined) by|(установленн|предложенн|выдвинут|поставленн|введенн|подписанн|инициированн|одобренн|разработанн|запропонован|встановлен|висунут|поставлен|запроваджен|пидписан|инициийован|схвален|розроблен)\p{L}*)\s+((the|us|u\.s\.|american|russian|president|президентом|лидером|главой|сша|россии|росии)\s+){0,3}$/u;

/** "Also in the room were Dmitriev and Ushakov", "Across the table sat Lavrov", "В зале также находились …", "За столом
 * напротив сидели …", "У залі також були …": those present where the contact is held (folded). */
const ROOM = "(?:in the room|at the table|across the table|around the table|за столом|в зале|в комнате|у зали|в зали|у кимнати|в кимнати|напротив|навпроти)";
const BEING_THERE = "(?:were|was|sat|sitting|seated|сидел\\p{L}*|находил\\p{L}*|бил|била|били|сидив|сидила|сидили|перебував\\p{L}*|перебувал\\p{L}*|був|була|були)";
export const PRESENT_THERE = new RegExp(`(?<![\\p{L}])(?:${ROOM} (?:(?:also|также|тоже|також|теж|же) )?${BEING_THERE}|${BEING_THERE} (?:(?:also|также|тоже|також|теж) )?${ROOM}|(?:also )?present (?:were|was)|sat (?:across|opposite)(?: the table)? from)(?![\\p{L}])`, "u");

/** A sentence that names only a side and, after a dash, its people, the verb left out from the sentence before: "Українську делегацію
 * очолював Умєров. Російську — Костюков.", "Российскую, по данным СМИ, — Костюков", "Russia's, by Kostyukov" (folded). */
export const GAPPED_SIDE = /^(?:(?:росси|роси|американ|украин)\p{L}*|(?:the )?(?:russian|american|ukrainian|us|u\.s\.) (?:one|side|team|delegation)|russias|ukraines|americas)(?:\s*,[^—–]*,)?\s*,?\s*(?:[—–]|by\s)/u;

/** "должны были участвовать", "мали взяти участь", "were expected to join": a part planned; in the story of a contact
 * done, one who did not come after all (folded). */
export const EXPECTED_ONLY = /(?<![\p{L}])(?:должн\p{L}* (?:бил\p{L}*|бул\p{L}*)|мали|мав|мала|планировал\p{L}*сь|планувал\p{L}*ся|предполагал\p{L}*сь|передбачал\p{L}*ся|(?:were|was) (?:originally |initially )?(?:supposed|expected|due|scheduled|slated|set) to|had been (?:expected|scheduled|slated|due|set) to)\s(?:\p{L}+\s){0,3}(?:участ\p{L}*|присутств\p{L}*|присутн\p{L}*|войти|увийти|приехать|приихати|приихати|прилететь|прилетити|сопровождать|супроводжувати|attend|join|take part|travel|fly|accompany|be part|sit in)(?![\p{L}])/u;

/**
 * "a strictly U.S.–Ukrainian format, with no Russian representatives present", "без участия
 * российской стороны", "без участі російської делегації", "without Russia": a followed side said
 * absent from the contact (folded). Each side's pattern, by its code.
 */
export const SIDE_ABSENT: [string, RegExp][] = [
  ["RU", /(?<![\p{L}])((no|without)\s+(any\s+)?russian\s+(representatives?|officials?|delegat\p{L}*|participation|side|team|negotiators?)|without\s+(russia|moscow|the\s+russians)(?![\p{L}'’])|без\s+(участия\s+|участи\s+)?(российск\p{L}*|россии|росии|москви|москвы|россиян|росиян)(?![\p{L}]))/u],
  ["US", /(?<![\p{L}])((no|without)\s+(any\s+)?(american|u\.s\.|us)\s+(representatives?|officials?|delegat\p{L}*|participation|side|team|negotiators?)|without\s+(the\s+united\s+states|washington|the\s+americans|the\s+u\.s\.)(?![\p{L}'’])|без\s+(участия\s+|участи\s+)?(американск\p{L}*|сша|вашингтона)(?![\p{L}]))/u],
  ["RU", sideNotThere("russia|moscow|the kremlin|the russians|russian|россия|москва|кремль|российск\\p{L}*|россии|москвы|кремля|росия|росийськ\\p{L}*|росии|москви")],
  ["US", sideNotThere("the united states|washington|the americans|american|u\\.s\\.|us|сша|вашингтон|вашингтона|американск\\p{L}*|американськ\\p{L}*")],
];

/**
 * "Russian officials did not attend", "Российская сторона участия не принимала", "Американські
 * представники участі не брали", "на встрече не было представителей США": a side named, then said
 * not to have taken part (or the reverse), in one clause; not one named as whom the others met
 * ("with the Russian delegation", "із російською делегацією") (folded).
 */
function sideNotThere(side: string): RegExp {
  const people = "(\\s+(officials?|representatives?|side|delegat\\p{L}*|negotiators?|team|сторон\\p{L}*|представител\\p{L}*|представник\\p{L}*|делегац\\p{L}*|чиновник\\p{L}*|посадовц\\p{L}*|переговорщик\\p{L}*|переговорник\\p{L}*))?";
  const named = `((представител\\p{L}*|представник\\p{L}*|делегац\\p{L}*)\\s+)?(${side})${people}`;
  const not = "(did not|didn't|was not|were not|wasn't|weren't)\\s+(take part|attend|participate|join|present|represented|involved)|took no part|stayed away|участия(\\s+\\p{L}+){0,2}\\s+не принима\\p{L}*|не принима\\p{L}* участия|не участвова\\p{L}*|не присутствова\\p{L}*|участи(\\s+\\p{L}+){0,2}\\s+не бра\\p{L}*|не бра\\p{L}* участи|не був присутни\\p{L}*|не були присутни\\p{L}*";
  return new RegExp(`(?<![\\p{L}])(?<!(with|с|со|з|из|зи) )(${named}(\\s+[\\p{L}-]+){0,5}\\s+(${not})|(не било|не було)\\s+(\\p{L}+\\s+){0,2}?${named})(?![\\p{L}])`, "u");
}
