// The words that tell what happened, in the three languages. Patterns run over folded text
// (lower case; і, ї → и; є, ё, э → е; ы → и), so one pattern covers a Russian and a Ukrainian
// spelling where they agree, and word beginnings cover the inflected forms. Verbs are kept as
// beginnings on purpose: tense is in the stem (провели / проведут, відбувся / відбудеться),
// which a stemmer would throw away.
import type { Kind } from "../record/schema.ts";
import { fold, wordStem } from "./words.ts";
import type { ArticleLang } from "./language.ts";
import { memoized } from "./memo.ts";
import { sayWordStartOnce } from "./word-start.ts";

/** No letter before, no letter after: the word boundaries every pattern here is written with (exported for the other word files). */
export const B = "(?<![\\p{L}])";
export const E = "(?![\\p{L}])";
// Patterns are written as the words are spelled ("побывал", "відбудеться") and folded here
// the way the text is (words.ts), so a pattern cannot silently miss for one letter.
const FOLDED_LETTERS: Record<string, string> = { ё: "е", і: "и", ї: "и", є: "е", ґ: "г", ы: "и", э: "е" };
export const re = (body: string) => new RegExp(sayWordStartOnce(body.replace(/[ёіїєґыэ]/g, (c) => FOLDED_LETTERS[c])), "u");

/** Contact nouns, compared by Snowball stem (ru, en) or by folded beginning or whole form (uk). */
const KIND_NOUNS: Record<ArticleLang, [Kind, string[]][]> = {
  ru: [
    ["call", ["разговор", "звонок", "созвон"]],
    ["summit", ["саммит"]],
    ["round", ["раунд", "консультации", "пленарное", "заседание"]],
    ["meeting", ["встреча", "переговоры", "беседа"]],
  ],
  uk: [
    ["call", ["=розмова", "=розмови", "=розмову", "=розмовою", "=розмові", "=розмов", "=дзвінок", "=дзвінка", "=дзвінку", "=дзвінком", "=дзвінки"]],
    ["summit", ["саміт"]],
    ["round", ["раунд", "консультац", "пленарн", "засідан"]],
    ["meeting", ["зустріч", "переговор", "перемовин"]],
  ],
  en: [
    ["summit", ["summit"]],
    ["round", ["round", "consultations", "plenary"]],
    ["meeting", ["meeting", "talks"]],
  ],
};

const nounStems = new Map<ArticleLang, Map<string, Kind>>();
// Snowball has no Ukrainian; its nouns are matched by their folded beginnings instead, or
// whole where a beginning would also catch a verb ("=розмова", not "розмовляли").
const ukBeginnings: [string, Kind][] = KIND_NOUNS.uk.flatMap(([kind, words]) => words.map((w): [string, Kind] => [fold(w), kind]));
for (const lang of ["ru", "en"] as const) {
  const m = new Map<string, Kind>();
  for (const [kind, words] of KIND_NOUNS[lang]) for (const w of words) m.set(wordStem(w, lang), kind);
  nounStems.set(lang, m);
}

export const kindOfNoun = memoized(kindOfNounOnce, (word, lang) => `${lang} ${word}`, 16384);

function kindOfNounOnce(word: string, lang: ArticleLang): Kind | undefined {
  if (lang === "uk") {
    const f = fold(word);
    return ukBeginnings.find(([b]) => (b.startsWith("=") ? f === b.slice(1) : f.startsWith(b)))?.[1];
  }
  // "talks" are negotiations; "talk" (one stem with it) is chatter ("truce talk") or a verb,
  // which KIND_PHRASES reads.
  if (lang === "en" && fold(word) === "talk") return undefined;
  // Snowball stems "саммит" to "самм" and "саммита" to "саммит": the word's beginning is surer.
  if (lang === "ru" && fold(word).startsWith("саммит")) return "summit";
  return nounStems.get(lang)?.get(wordStem(word, lang));
}

/**
 * "agreed by phone to hold expert consultations", "договорились по телефону провести
 * консультации", "домовилися телефоном провести консультації": the phone is how it was agreed,
 * so the call is done, whatever it set for later.
 */
export const AGREED_BY_PHONE = re(`${B}(agree[sd]?|договорил\\p{L}*|домовил\\p{L}*)\\s+(by\\s+phone|over\\s+the\\s+phone|по\\s+телефону|телефоном)${E}`);

/** A phone or a screen: what makes a "conversation" a call. */
export const BY_PHONE = re(`телефон|phone|звонк|звонил|созвон|дзвин|дзвон|video|видео|${B}call${E}`);

/** Hours spent with someone are a meeting: "spent more than four hours with Vladimir Putin", "провел с
 * Путиным почти три часа", "провів із Путіним майже три години" (the hours before or after the name). */
const SPENT_HOURS_WITH = `${B}spent( [\\p{L}\\d-]+){0,3} (hours?|minutes) with${E}|${B}(провел|провела|провели|провив|провила) ([\\p{L}-]+ ){0,4}(час|часа|часов|годину|години|годин|минут|хвилин)\\p{L}* (с|со|з|из|зи)${E}|${B}(провел|провела|провели|провив|провила) (с|со|з|из|зи) ([\\p{L}-]+ ){1,6}(час|часа|часов|годину|години|годин)${E}`;

/** Kind cues that are phrases or verbs rather than one noun. */
export const KIND_PHRASES: [Kind, RegExp][] = [
  // ("провел ежедневный телефонный брифинг для журналистов", "a telephone briefing": a spokesman's
  // briefing by phone is no call between the sides.)
  // ("созвонились", "зідзвонилися", "зідзвоняться": to ring each other up is a call, in either
  // language, done or to come.)
  ["call", re(`${B}зідзвон|${B}(phone|telephone)${E}(?! briefing)|${B}video(-| )?(call|conference|link)|${B}videoconferenc|${B}by video${E}|${B}видеосвяз|${B}видеоконференц|${B}видеозв|${B}видеорежим|${B}видеоформат|${B}(a|the|their|first|second|third|latest|hour-long|\\d+-minute)\\s+(phone\\s+)?call${E}|${B}spoke (by|on the|over the) (phone|telephone)|${B}call (with|between)${E}|['’]s (phone )?call${E}|телефонн(?!\\p{L}* брифинг)|${B}созвонил|${B}дзвонив|${B}(позвонил|позвонила|позвонит|позвонить|позвонив|подзвонив|подзвонила|подзвонить|подзвонити|зателефонував|зателефонувала|зателефонуе|зателефонувати)${E}|${B}поговорил[аи]? по телефону|${B}по телефону|${B}телефоном${E}|${B}телефонував|${B}(speak|spoke|speaks|speaking|talk|talked|talking)( (today|yesterday|again|briefly|separately|later))? (with|to)${E}(?! (us|me|reporters|journalists|the (press|media|nation|public)|our|a reporter|correspondents?|supporters|lawmakers|students|troops)${E})|${B}поговорит|${B}поговорил|${B}поговорив|${B}поговорить|${B}поспилкуван|${B}поспилкувал`)],
  // (A phrase, too: "16:18 Саммит, напомним, пройдет …" starts a live blog's line with it.)
  ["summit", re(`на высшем уровне|на (най)?вищому ривни|${B}summit|${B}(саммит|самит)|встреч\\p{L}* в верхах`)],
  // Delegations in the plural ("переговоры делегаций России и США") make a round; "с американской
  // делегацией" (one delegation received by a president) does not.
  ["round", re(`трехсторонн|тристоронн|трехсторонк|тристоронк|${B}trilateral|${B}three-(way|party|sided)${E}|${B}round of (talks|consultations|negotiations)|${B}delegations${E}|${B}делегаци(и|й|ями|ях)${E}`)],
  ["meeting", re(`${B}(meet|meets|met|meeting|talks|negotiations)${E}|(?<!${B}(truce|peace|ceasefire|deal|trade|war|sanctions|tariff|merger|small|tough|idle|loose|big|the|such|this|that|all|no|of|on) )${B}talk${E}|${B}встрет|${B}встреч|${B}переговор|${B}зустрич|${B}зустрин|${B}зустрил|${B}зустрив|${B}зустрит|${B}(sat down|held talks) with|${SPENT_HOURS_WITH}|${B}(говорил|говорила|говорили|говорив|розмовляв|розмовляли) (с|со|з|из|зи)${E}|${B}перемовин`)],
  // A visit is a contact of kind "other" unless the story calls it talks or a meeting.
  ["other", re(`${B}(is|are) expected in${E}|${B}(ожида(ется|ются|ют)|очику(еться|ються|ють)) (в|у|во) (москв|вашингтон|киев|кийв|кремл)|${B}поездк|${B}поиздк|${B}(trip|trips|visit|visits|visited|visiting|arrived in|arrives in|arrive in|trip to|travelled to|traveled to|travel to|travels to|traveling to|travelling to|fly to|flies to|will visit)${E}|${B}побывал|${B}побував|${B}поедет в|${B}посетит|${B}прилетит в|${B}отправится в|${B}(поид|приїд)(е|уть|у|емо) до|${B}видвидае|${B}прилетить до|${B}прилетять до|${B}вируш\\p{L}* до|${B}поед(ет|ут|у) в|${B}отправ(ится|ятся) в|${B}прилет(ит|ят) в|${B}приед(ет|ут) в|${B}приїд(е|уть) до|${B}завіта(є|ють) до|${B}визит|${B}прибил|${B}прилетел|${B}посетил|${B}приехал|${B}прибув|${B}прилетив|${B}видвидав|${B}приихав`)],
];

/** "Карелину встретил в аэропорту директор ЦРУ", "зустрів у аеропорту", "met her at the airport":
 * one who greets an arrival, no contact. */
export const GREETED = re(`${B}(встретил|встретила|встретили|встречал|встречала|встречали|зустрів|зустріла|зустріли|зустрічав|зустрічала|зустрічали|met|greeted|welcomed)${E}[^.;]{0,60}?${B}(в|у|at|in) (the )?(аэропорт|аеропорт|airport|трапа|трапу|tarmac)`);

/** "director of policy planning", "отдел политического планирования": an office, no plan. */
const NOT_AN_OFFICE = "(?<!(policy|политического|политичного) )";
/** "директор відділу планування політики", "отдел планирования внешней политики": the office named with
 * policy after it (folded), no plan. */
const NOT_AN_OFFICE_AFTER = "(?!\\p{L}*\\s+((внешней|зовнишньои)\\s+)?политики)";
/** "its plan to end the war", "the 20-point plan", "мирный план", "план урегулирования", "мирного плану":
 * a plan that is a document, no contact planned (unless it is one to meet: "their plan to meet in Vienna"). */
const NOT_A_DOCUMENT = "(?<!(?<![\\p{L}])(its|his|her|their|our|the|a|an|this|that|peace|point|мирн\\p{L}*|этот|этого|цей|цього|американск\\p{L}*|американськ\\p{L}*) )";
const NOT_A_DOCUMENT_AFTER = "(?!\\p{L}*\\s+(урегулирован|врегулюван|завершени|завершенн|прекращени|припиненн|to end|for ending|for peace|(из|з|of)\\s+\\d))";
/** The endings of the noun "план" (folded): "плана", "плани", "планов"; a longer word is a verb ("планирует", "планували"). */
const PLAN_NOUN_ENDING = "(а|у|ом|е|и|ов|ив|ами|ах)?";
const PLAN_TO_MEET = `${B}(its|his|her|their|our|the|a|this)\\s+plans?\\s+(to|for)\\s+(\\p{L}+\\s+){0,2}(meet|hold|talk|speak|call|visit|summit|meeting|talks)`;

/**
 * "Москва и Вашингтон договорились о встрече президентов", "домовилися про зустріч", "agreed on
 * a summit", "договорились провести третий раунд", "домовився про проведення третього раунду":
 * an agreement whose object is the contact itself sets a contact to come (where "agreed on a
 * ceasefire in the call" tells of the call held). So does the noun ("домовленість щодо нового
 * раунду", "договоренность о встрече"); the other side may be named before its object: "домовився з
 * Рубіо про …", "agreed with Lavrov on a meeting". PROMISED: so does a promise of a contact ("Рябков пообещал третий раунд", "пообіцяв провести зустріч", "promised to hold talks"; not "as promised", "the promised summit").
 */
const AGREED_ON = `${B}(договорил\\p{L}*|условил\\p{L}*|домовил\\p{L}*|домовився|договоренност\\p{L}*|домовленост\\p{L}*|домовленист\\p{L}*|agreed|agree|agreement)( (с|со|з|зи|with) [^,.;:]{1,60}?)? ((о|об|про|щодо|on) (a |an |the )?(проведен\\p{L}* |holding (a |an |the )?)?(\\p{L}+ )?(встреч|саммит|переговор|разговор|раунд|консультац|зустрич|самит|перемовин|розмов|meeting|summit|talks|call|round)|(провести|организовать|организувати|встретиться|зустритися|созвониться|зидзвонитися))`;
const PROMISED = `(?<!(как и|как|як и|як|as|the|a|an|its|his|her|their) )${B}((по)?обещал\\p{L}*|обещает|обещают|(по)?обицяв|(по)?обицял\\p{L}*|обицяе|обицяють|promised|promises|pledged|vowed)${E}[^,.;:!?]{0,40}?${B}(встреч|саммит|переговор|разговор|раунд|консультац|зустрич|самит|перемовин|розмов|meeting|summit|talks|call|round|провести|встретиться|зустритися|созвониться|зидзвонитися|hold|meet)`;

/** A contact shifted to another day: "сдвинули на среду", "зсунули на середу", "moved to December 8",
 * "shifted to next week" (as "перенесли", "postponed"). The English verbs count only before a day,
 * a month or "later": "moved to Istanbul" moves a place, "moved to the next stage" nothing.
 * (A known entry moved to a new day stays scheduled on it in the record: see changesOf in
 * src/drafts/merge.ts.) */
const MOVED_TO_A_DAY = `${B}(сдвинул|сдвинут|сдвигают|сдвигает|зсунул|зсунут|посунул|пересунул|пересунут)\\p{L}*|${B}(moved|shifted|bumped|slipped|slips|pushed)( back| forward| up)? to (a later|later|the following|next|the next (day|week|month)|(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)${E}|\\d)`;

export const STATUS_CUES = {
  cancelled: re(`${B}cancel|${B}call(s|ed)? off|${B}(is|are) off${E}|${B}scrap|(will not|won't) take place(?! (as (scheduled|planned)|on (time|schedule)|at the (set|planned|scheduled) time))|${B}отмен|не (состоится|состоятся)(?! (в|во) (назначенн|запланированн|установленн|оговоренн)\\p{L}* (срок|время|дату|день))|${B}сорван|${B}сорвал|${B}скасов|${B}скасув|не (видбудеться|видбудуться)(?! (у|в) (визначен|запланован|встановлен|обумовлен)\\p{L}* (термин|строк|час|дату|день))|${B}зирван|${B}зирвал|${B}зирвав`),
  // "не відбудеться у визначені терміни", "won't take place as scheduled": a contact missing
  // its day is moved, not called off; so is one whose "new date" is still to be set, and one that
  // "так і не відбулася", "так и не состоялась", "never took place": awaited and still not held (a
  // call-off says so itself; a bare "did not take place" may be a part of a contact held, its lunch).
  // A contact shelved or put on ice waits for a day, as one on hold does.
  postponed: re(`(will not|won't) take place (as (scheduled|planned)|on (time|schedule)|at the (set|planned|scheduled) time)|не (состоится|состоятся) (в|во) (назначенн|запланированн|установленн|оговоренн)\\p{L}* (срок|время|дату|день)|не (видбудеться|видбудуться) (у|в) (визначен|запланован|встановлен|обумовлен)\\p{L}* (термин|строк|час|дату|день)|${B}(new|нова|новая|нову|новую) (date|дата|дату)${E}[^.]{0,30}${B}(not (yet )?(been )?(set|fixed|agreed|announced)|не (определен|визначен|назначен|призначен|установлен|встановлен|согласован|погоджен))|${B}postpon|${B}delay|${MOVED_TO_A_DAY}|${B}put off|${B}pushed back|${B}reschedul|${B}on hold${E}|${B}shelv(e|ed|es|ing)${E}|${B}(put|kept|placed) on ice${E}|${B}перенес|${B}перенос|${B}отлож|${B}отклад|${B}видклад|${B}видклал|${B}видклав|${B}перенесл|${B}так (и|і) не (состоялся|состоялась|состоялись|состоялось|відбувся|відбулася|відбулась|відбулися|відбулись|відбулося)${E}|${B}never took place`),
  // A negated one tells none held ("так і не відбулася", "не состоялась", "never took place").
  // The imperfective past tells a contact done as surely as the perfective ("встречался с
  // Уиткоффом", "зустрічався з Віткоффом", "летал в США", "встречи проходили 17 и 18 февраля",
  // as "met" and "flew" do in English).
  // So does a participle beside the contact's noun ("переговоры, состоявшиеся позавчера",
  // "прошедшие в Абу-Даби консультации", "проведенной встречи", "проведені в Женеві переговори"), unless it names a time gone by
  // ("на прошедшей неделе").
  // The Ukrainian masculine past ends in -в where the Russian one ends in -л ("розмовляв",
  // "проводив"; "разговаривал"); the verbs of talking by phone tell a call done ("созвонились",
  // "зідзвонилися"), and so does a past "had" with the contact's noun ("мали телефонну розмову",
  // "имели разговор", as "had a call"). Talks that went on, or the participle of their start, are
  // under way ("начавшиеся во вторник, в среду продолжились", "продовжилися", "talks continued").
  // Hours spent in talks are hours they lasted ("spent about 12 hours locked in talks", as
  // "провели почти четыре часа", "провів три години").
  // Headlines tell what happened in the present tense ("Putin and Trump hold call"); "to hold"
  // and "will hold" come earlier in the sentence and win (see tenseOf). ("Talks have reached a dead
  // end": a dead end is no end of talks.)
  // A contact judged in the past tense was held ("the talks had been constructive", "разговор был
  // конструктивным", "розмова була "конструктивною"").
  held: re(`(?<!${B}(не|not|never) )(?:${B}(was|were|had been|has been|have been) ["«“]?(very |quite |highly |extremely )?(constructive|productive|useful|positive|substantive|fruitful)${E}|${B}(был|была|были|было|був|була|були|було) ["«“]?(очень |весьма |дуже |досить )?(конструктивн|продуктивн|полезн|позитивн|содержательн|плодотворн|корисн|змистовн|плидн)\\p{L}*|${B}(вели|вел|говорил|говорили|проводил|проводила|проводили)${E}|${B}(проговорил|разговаривал|беседовал|розмовлял|поговорил|поговорив|поговорили|побеседовал)|${B}(informed|dealt with|focused on|proposed|suggested|travelled|traveled|visited)${E}|${B}касал|${B}стосувал|${B}проинформировал|${B}поинформував|${B}проинформував|${B}побывал|${B}побував|${B}обсуждали|${B}обговорювали|${B}предложил|${B}запропонував|${B}(arrived|прибил|прибила|прилетел|прибув|прибула|прилетив)${E}|${B}(received|hosted|принял|приняла|приняли|принимал|принимала|прийняв|прийняла|прийняли|приймав|приймала)${E}|${B}(held|met|spoke|spoken|phoned|talked|lasted|ended|concluded|wrapped up|took place|took part|had talks|discussed|exchanged|had (a|an|their))${E}|(?<!(to|will|would|could|may|might|must|shall|not|dead) )${B}(hold|holds|meets|speaks|discuss|discusses|end|ends|conclude|concludes)${E}|${B}длил|${B}продолжал(ся|ась|ись)|${B}проводят|${B}проводит${E}|${B}проводять|${B}состоял|${B}прош(ел|ла|ли|ло)${E}|${B}пройш(ов|ла|ли|ло)${E}|${B}провел|${B}провели|${B}встретил|${B}продлил|${B}завершил|${B}закончил|${B}обсудил|${B}обменял|${B}видбул|${B}видбув|${B}провив|${B}провела|${B}зустрил|${B}зустрив|${B}тривал|${B}тривав|${B}завершив|${B}обговорил|${B}обговорив|${B}обминял|${B}обминяв|${B}розпочал|${B}начал(ись|ась|ся)|${B}(почался|почалась|почались|почався|почалася|почалися|розпочався|розпочалася|розпочалися|стартовал\\p{L}*|стартував\\p{L}*|стартувал\\p{L}*|проходит|проходят|проходить|проходять|проходил|проходила|проходили|проходило|проходив|began|begun|started|opened|got under way|under way|underway)${E}|в ходе переговор|в ходи переговор|за пидсумками|по итогам|${B}(hours?|minutes) of (talks|negotiations|discussions|meetings?)${E}|${B}spent( [\\p{L}\\d-]+){0,3} (hours?|minutes)${E}|${B}(часов|часа|минут) (переговоров|беседы|разговора)|${B}(годин|години|хвилин) (переговорив|розмови|зустричи)|${B}described${E}|${B}(встречался|встречалась|встречались|зустрічався|зустрічалася|зустрічалися|летал|летала|летали|літав|літала|літали)${E}|${B}(продолжились|продолжилась|продолжился|продолжилось|продовжилися|продовжились|продовжилася|продовжився|продовжилось|continued|resumed)${E}|${B}(начавш|почавш|розпочавш)\\p{L}*|${B}(розмовляв|проводив|обговорював|обговорювала|спілкувався|спілкувалася|спілкувалися|поспілкувався|поспілкувалася|поспілкувалися|зідзвонився|зідзвонилася|зідзвонилися|зідзвонились|созвонился|созвонилась|созвонились|переговорил|переговорила|переговорили|пообщался|пообщалась|пообщались)${E}|${B}(говорив|говорила) (с|со|з|із|зі)${E}|${B}(мав|мала|мали|имел|имела|имели) (телефонн\\p{L}* )?(розмову|зустріч|переговори|разговор|встречу|переговоры|беседу)${E}|${B}состоявш\\p{L}*|${B}прошедш\\p{L}*(?! (недел|выходн|год|месяц|сутк|дн|врем))|${B}проведенн(ий|ая|ое|ие|их|им|ими|ой|ую|ом|ого|ому)${E}|${B}проведен(у|и|ои|их|ий|им|ими|а)${E})`),
  // A contact planned, due or set down is to come ("встреча намечена на пятницу", "переговоры
  // должны пройти", "переговори мають відбутися", "очікується", "talks are slated to open"); "was
  // to" ("должна была пройти", "мала відбутися") tells neither. Delegations that will gather are to
  // meet ("делегации соберутся", "делегації зберуться", "will convene").
  // The Ukrainian imperfective future is one word ("чекатиме", "проводитимуть", "зустрічатиметься").
  // A perfective verb of coming or visiting is the future in Russian and Ukrainian alike
  // ("посетит Москву", "приїде до Москви", "відвідає Москву"): a visit to come.
  future: re(`${B}(will|would)${E}|${B}(могут|может|можуть|може|could|may|might)${E}|${B}(is|are) (to|set to|expected to|due to|scheduled to|planned)|${B}(примет|примут|прийме|приймуть|поиде|поидуть|приїде|приїдуть|вирушить|вирушать|прибуде|прибудуть|прилетить|прилетять|поедет|поедут|отправится|отправятся|прилетит|прилетят|приедет|приедут|прибудет|прибудут|посетит|посетят|приїде|приїдуть|відвідає|відвідають|завітає|завітають)${E}|${B}to (hold|meet|be held|take place|speak|resume)${E}|${B}(возобновят|возобновятся|возобновится|возобновит|відновлять|відновляться|відновиться|відновить)${E}|${B}${NOT_AN_OFFICE}plan(?=\\p{L})(?!s${E})|${B}${NOT_AN_OFFICE}${NOT_A_DOCUMENT}plans?${E}${NOT_A_DOCUMENT_AFTER}|${PLAN_TO_MEET}|${B}${NOT_AN_OFFICE}план(?!${PLAN_NOUN_ENDING}${E})${NOT_AN_OFFICE_AFTER}|${B}${NOT_AN_OFFICE}${NOT_A_DOCUMENT}план${PLAN_NOUN_ENDING}${E}${NOT_AN_OFFICE_AFTER}${NOT_A_DOCUMENT_AFTER}|${B}(set|scheduled) for${E}|${B}(назначил|назначен|призначил|призначен|призначено)|${B}expect|${B}upcoming|${B}next (week|round|meeting)|${B}пройдет|${B}пройдут|${B}состоится|${B}состоятся|${B}проведут|${B}встретятся|${B}встретится|${B}проведет|${B}поговорит|${B}созвонится|${B}(созвонятся|поговорят|переговорят|поговорять|зателефонуе|зателефонують|зидзвоняться|созвонимся)${E}|${B}зустринеться|${B}проведе${E}|${B}поговорить|${B}${NOT_AN_OFFICE}планир${NOT_AN_OFFICE_AFTER}|${B}запланир|${B}намерен(а|ы|о)?${E}|${B}ожида|${B}рассчитыва|${B}будет|${B}будут|${B}предстоящ|${B}начнется|${B}начнутся|${B}возглавит|${B}видбудеться|${B}видбудуться|${B}пройде${E}|${B}пройдуть|${B}проведуть|${B}зустринуться|${B}планую|${B}заплан|${B}очолить|${B}розпочнеться|${B}триватиме|\\p{L}{2,}(тиме|тимуть|тимемо|тиметься|тимуться)${E}|${B}буде${E}|${B}будуть|${B}майбутн|${B}може (пройти|видбутися)|${B}может (пройти|состояться)|${B}(полетит|полетят|полечу|полетим|поеду|поедем|встречусь|встретимся|проведу|проведем|поговорю|поговорим)${E}|${B}(визьме|визьмуть) участь${E}|${B}(мае|мають|имеет|имеют) (зустрич|розмову|переговори|встречу|разговор|переговоры)${E}|${B}(мае|мають) (зустритися|зустритись|провести|поговорити|відбутися|відбутись|пройти|розпочатися|розпочатись|початися|початись)${E}|${B}должн(а|о|ы|ен)? (пройти|состояться|начаться|встретиться|провести|поговорить|созвониться)${E}|${B}(намечен|намічен|заплановано|предполагается|передбачається)\\p{L}*|${B}(соберутся|соберется|зберуться|збереться|convene|convenes|продолжатся|продолжится|продовжаться|продовжиться|продовжуться)${E}|${B}очіку|${B}(is|are) (slated|supposed|likely) to${E}|${B}(полетить|полетять|полечу|полетимо|поїду|поїдемо|зустрінуся|зустрінемося|проведу|проведемо|поговорю|поговоримо)${E}|${AGREED_ON}|${PROMISED}`),
  // ("a deadline for Russia to agree to a ceasefire": an agreement asked for, none made.)
  agreed: re(`(?<!${B}to )${B}agree|${B}договорил|${B}условил|${B}условлено|${B}согласовал|${B}домовил|${B}домовився|${B}погодил|${B}погодився|${B}поддержали проведение|${B}пидтримали проведення`),
};

/** "Вот что известно о встрече и что будет дальше", "що буде далі", "what will happen next": an
 * explainer's look ahead, whose "will" tells no contact's tense. (Matched right after a cue.) */
export const WHAT_COMES_NEXT = re(`^ (happen |come )?(next|дальше|далее|далі|потом|потім)${E}`);

/** The sentence talks of an earlier contact, not the one reported. */
export const BACKGROUND = re(`${B}(previous|earlier|last time|last (met|spoke|talked|held|saw|visited)|prior|the day before(?! yesterday)|a day earlier|most recently|yesterday['’]s|last (week|month|year|weekend|spring|summer|autumn|fall|winter))${E}|${B}(вчерашн|вчорашн)|${B}(недавно|нещодавно)${E}|${B}(накануне|напередодни|днем ранее|днем раньше|днем ранише)${E}|${B}ранее${E}|${B}прежде|${B}предыдущ|${B}последний раз|${B}прошл(ый|ом|ая|ой)${E}|${B}попередн|${B}ранише|${B}минул(ий|ого|ому|а|ои)${E}|${B}востаннє|${B}востанне|${B}(напомним|напомню|нагадаемо|нагадаю)${E}|${B}(как|як) (сообщал|повидомлял|писал|писав)|${B}as (was |had been )?(previously |earlier )?reported${E}`);

/** "як і минулого разу", "как и на предыдущих раундах", "как и прежде", "as in previous rounds",
 * "те же переговорщики, что и на предыдущем раунде", "ті ж переговорники, що й на попередній раунд",
 * "the same negotiators as at the previous round": the contact reported is compared with earlier
 * ones, not an earlier one recalled. */
export const COMPARISON = new RegExp(
  re(`${B}(як и|как и|as|like|as in|as at|as during|as with) (минулого разу|в прошлый раз|last time|before|previously|прежде|раньше|ранише|(пид час |на |в |у |во время |the )?((двух|двох|трех|трьох|обоих|обох|всех|усих|two|three|both|all) )?(попередних|предидущих|прошлих|минулих|previous|earlier|past|prior) (раундах|раундив|раундов|переговорах|переговорив|встречах|зустричах|консультациях|консультациях|rounds|talks|meetings|consultations))${E}|${B}(те|та|тот|то|ти|той) (же|ж|сами|самий|сама|саме)( [\\p{L}-]+){1,3},? (что и|що й|що и|как и|як и) ((на|в|у|во время|пид час) )?(предидущ|попередн|прошл|минул)\\p{L}* (раунд|встреч|зустрич|переговор|перемовин|консультац)\\p{L}*|${B}the same( [\\p{L}-]+){1,3} as ((at|for|in|during) )?(the )?(previous|last|earlier|prior) (rounds?|talks|meetings?|sessions?)${E}|${B}(що й|що и|что и|as at|as in|as for|as during) (на |в |у |для |пид час |the )?(попередн|предыдущ|прошл|минул|previous|last|earlier|prior)\\p{L}* (раунд|зустрич|встреч|переговор|перемовин|консультац|round|talks|meeting|consultation)\\p{L}*`).source,
  "gu",
);

/**
 * "There are no plans for a call": a contact that is explicitly not happening. Russian and
 * Ukrainian put the plans first and their absence last ("Планов по новым контактам Путина и Трампа
 * пока нет", "Планів щодо нових контактів поки немає"); English says the contacts are not planned
 * ("No new contacts between the leaders are planned"). So is one not expected: "Новых встреч с
 * Уиткоффом в ближайшее время не ожидается", "Нових зустрічей … не очікується" (with the contact
 * first and no comma between, not after a preposition: "Встреча пройдет в пятницу, прорыва не
 * ожидается", "прорыва на переговорах не ожидается" set one).
 */
export const NOT_PLANNED = re(`(?<!${B}(на|в|у|от|від|по|о|об|про|від) )${B}(встреч|разговор|контакт|переговор|саммит|визит|зустріч|розмов|перемовин|саміт|візит)\\p{L}*( [\\p{L}-]+){0,8} (не ожида|не предвид|не очіку|не передбача)|${B}(конкретных |новых )?планов( [\\p{L}-]+){0,8} нет${E}|${B}(конкретних |нових )?планів( [\\p{L}-]+){0,8} (немає|нема)${E}|${B}no( [\\p{L}-]+){0,3} (contacts?|meetings?|calls?|talks|summits?|visits?|negotiations)( [\\p{L}-]+){0,6} (are|is|were|was) (planned|scheduled|in the works|being prepared)${E}|${B}no (concrete |immediate |specific )?plans?${E}|${B}no such (meeting|call|talks|summit|visit|contact)s?${E}|${B}(никаких|такой|таких) (встреч|разговор|контакт|переговор)\\p{L}* (не|нет)|${B}(жодних|такои|таких) (зустрич|розмов|контакт|переговор)\\p{L}* (не|немае)|not (being )?(planned|scheduled|on the agenda)|${B}не планир|${B}не заплан|${B}не плану|${B}нет (конкретных )?планов|${B}немае (конкретних )?планив|${B}не обсуждается|${B}не обговорюеться|${B}не стоит на повестке`);

/** The headline or the lead denies the contact it names. */
export const DENIED = re(`${B}(denies|denied|deny|dismissed|dismisses|refuted|refutes|rejected (a |the )?(media )?reports?)${E}|${B}(опроверг|опровергл|опровергает|опровергают|опроверж|заперечи|заперечу|заперечув|спростува|спростову)`);

/** "Путин принял в Кремле …", "Trump hosted …": receiving someone is meeting him. */
export const RECEIVED = re(`${B}(received|hosted|hosts|receives|receive|host|принял|приняла|приняли|принимал|принимала|принимает|примет|принять|прийняв|прийняла|прийняли|приймав|приймала|приймае|прийме|прийняти)${E}`);
/**
 * "Jared and I will be in Moscow", "полетять до Москви", "поедет в Вашингтон", "heads to Moscow":
 * a verb of going (or "be" after "will") right before "to", "in", "в", "до" and a place is a trip
 * there. (Not "returns to": going home is no visit.)
 */
export const GOES = re(`^(go|goes|going|went|head|heads|heading|headed|fly|flies|flying|flew|travel|travels|traveling|travelling|travelled|traveled|land|lands|landed|landing|be|едет|едут|еду|едем|поедет|поедут|поеду|поедем|летит|летят|лечу|летим|полетит|полетят|полечу|полетим|вылетит|вылетят|вылетел|вылетели|вылетает|вылетают|направится|направятся|направляется|направляются|отправляется|отправляются|будет|будут|буду|будем|приземлил\\p{L}*|їде|їдуть|їду|їдемо|поїде|поїдуть|поїду|поїдемо|приїде|приїдуть|приїдемо|летить|летять|летимо|полетить|полетять|полетимо|полетів|полетіли|вилетить|вилетять|вилетів|вилетіли|вилітає|вилітають|прямує|прямують|вирушить|вирушать|вирушає|вирушають|буде|будуть|будемо|приземлив\\p{L}*)$`);
/** "будем в Москве", "будемо в Москві": a stay to come, told by the future of "to be" alone. */
export const WILL_BE = re(`^(будет|будут|буду|будем|буде|будуть|будемо)$`);
/** The prepositions between a verb of going and the place it goes to. */
export const TOWARD = new Set(["to", "in", "в", "во", "у", "до", "на"]);

/** Verbs of visiting whose object is the place: "посетить Москву", "visit Moscow", "відвідає Москву". */
export const VISITS = re(`^(visit|visits|visited|visiting|посет|посещ|видвида|видвидув|видвида)`);

/** Asked about, wondered about, set as a condition, left unsaid: "asked whether he would speak with Putin", "на вопрос, состоится ли", "nothing will happen until he meets Putin", "пока он не встретится", "доки він не зустрінеться", "did not say when the next round might happen", "не уточнил, когда", "не уточнив, коли". */
export const HYPOTHETICAL = re(`${B}(not|n['’]t) (say|specify|disclose|indicate) (when|where)${E}|${B}не (уточн|сказа|сообщи|назва|повидоми|повидомля)\\p{L}*,? (когда|где|коли|де)${E}|${B}(until|unless|till)${E}[^.;:!?]{0,40}?${B}(meet|meets|speak|speaks|talk|talks|sit|sits|sat|call|calls)${E}|${B}(пока|покуда|доки|поки|допоки)${E}[^.;:!?]{0,30}? не (встрет|встреч|поговор|созвон|увид|провед|зустрин|зустрит|зидзвон|побач)|${B}(whether|asked|if|hope|hopes|hoped|hoping)${E}|${B}надеет|${B}надеют|${B}надеял|${B}сподива|${B}на вопрос|${B}на питання|${B}(ли|чи)${E}|${B}спросили|${B}запитали|${B}(выгляд|вигляда|кажется|здаеться|seems|looks like|unlikely|маловероятн|малоймовирн|фантаз)`);

/** "Putin will receive him", "would receive the two Americans", "примет американскую делегацию":
 * the ones received named a sentence earlier, or by their side. */
export const RECEIVED_PRONOUN = re(`${B}(received|receive|receives|will receive|host|hosted|примет|принял|принять|прийме|прийняв|прийняти)\\s+(him|her|them|его|ее|их|його|ии|их|the (two |three )?(americans|russians|envoys|visitors|guests|delegation)|(американск|российск|американськ|российськ)\\p{L}* (делегаци|гост|посланц|посланник)\\p{L}*|(американцев|американцив|гостей|посланцев|посланцив|делегацию))${E}`);

/** A name right after one of these is someone's principal, not a participant: "помощник Путина
 * Юрий Ушаков", "спецпосланника Трампа", "команда Трампа", "Putin's aide". Also a name after "ahead of" or "после"
 * belongs to another event ("ahead of Zelensky visit"). So does one whose deadline it is ("ультиматума Трампа",
 * "дедлайну Трампа", "Trump's deadline"). */
export const NOT_A_PARTICIPANT_BEFORE = /^((посланник|посланц|посланец|посланець|спецпосланник|спецпосланц|спецпосланец|спецпосланець|спецпредставител|спецпредставник|представител|представник|помощник|помичник|советник|радник|секретар|речник|администрац|звонк|дзвинк|зят|команд|ультиматум|дедлайн)\p{L}*)$/u;
/** A name after these, a word or two on, is another event's: "ahead of Zelensky visit", "после звонка Трампа";
 * so is one opening a clause that counts time from his deed ("since President Donald Trump took office",
 * "відколи Трамп повернувся"). */
export const ANOTHER_EVENT_BEFORE = /^(ahead|after|before|since|перед|после|писля|напередодни|накануне|видколи)$/u;
/** After a possessive ("Trump's son-in-law", "Putin's top aide"): the name is the principal. */
export const POSSESSED_TITLE = /^(son|daughter|aide|aides|adviser|advisers|advisor|advisors|envoy|envoys|emissary|special|spokesman|spokeswoman|spokesperson|press|foreign|national|top|chief|senior|negotiator|negotiators|team|representative|investment|economic|deputy|former|longtime|close|friend|ally|deadline|ultimatum|point|pointman|right|go)$/u;
export const NOT_A_PARTICIPANT_AFTER = /^(envoy|envoys|aide|aides|adviser|advisers|advisor|spokesman|spokeswoman|administration|team|visit|call)$/u;

/** Where a statement was made, not where the contact is: "said at a press conference in New York". */
// ("Speaking at the White House", "выступая в Госдуме", "виступаючи у Давосі": where one spoke.)
export const STATEMENT_VENUE = /^(press|briefing|interview|reporters|journalists|news|пресс|брифинг|интервью|интерв|журналист|пресконференц|speaking|выступая|виступаючи)/u;
/** "a source in the White House", "источник в Кремле", "джерела в Офісі президента": whose
 * source, not where the contact is (a word right before the place's preposition). Not
 * "officials": "U.S. officials in Riyadh held talks" are at the table. */
export const SOURCE_IN = /^(source|sources|insider|insiders|источник\p{L}*|собеседник\p{L}*|инсайдер\p{L}*|джерел\p{L}*|спиврозмовник\p{L}*)$/u;

/** "days after meeting Rubio", "после встречи с Рубио", "перед визитом Зеленского": another contact.
 * So is one being prepared: "обсудили подготовку встречи Трампа и Путина", "обговорили підготовку
 * зустрічі Трампа і Путіна", "discussed preparations for a Trump-Putin summit". */
export const ANOTHER_CONTACT_BEFORE = /^(after|before|ahead|during|while|preparation|preparations|preparing|после|перед|писля|накануне|напередодни|время|час|пока|поки|подготовк\p{L}*|пидготовк\p{L}*|подготов\p{L}*|пидготу\p{L}*)$/u;

/** Public events that are no contact, folded word beginnings: "the forum in Davos", "сесії Генасамблеї", "инаугурации". */
export const PUBLIC_EVENT = /^(forum|conference|session|assembly|congress|festival|ceremony|inauguration|funeral|parade|exhibition|election|olympics|форум|конференц|сесси|сеси|генасамбле|ассамбле|асамбле|съезд|зизд|фестивал|церемони|инаугурац|инавгурац|похорон|парад|виставк|вибор|олимпиад)/u;

/** Verbs of saying: a date or a name right next to one belongs to the statement. */
export const SPEECH = re(`${B}(said|says|say|told|announced|stated|added|wrote|noted|confirmed|according|explained|revealed|disclosed)${E}|${B}(раскрил|раскрили|раскрила|розкрив|розкрили|розкрила|объявил|объявила|объявили|оголосив|оголосила|оголосили)${E}|${B}(объяснил|объяснила|объяснили|пояснил|пояснила|пояснили|пояснив|пояснила|пояснили)${E}|${B}заявил|${B}сообщил|${B}сказал|${B}отметил|${B}подчеркнул|${B}рассказал|${B}написал|${B}подтвердил|${B}добавил|${B}уточнил|${B}уточнив|${B}цитиру|${B}цитуе|${B}цитую|${B}цитува|${B}quoted${E}|${B}заявив|${B}заявила|${B}повидомив|${B}повидомила|${B}повидомили|${B}сказав|${B}сказала|${B}зазначив|${B}наголосив|${B}пидтверд|${B}повидомля|${B}сообщают|${B}заявляют|${B}заявляют|${B}додав|${B}написав|${B}за словами|${B}по словам|${B}по его словам|${B}по ее словам|${B}за його словами|${B}за ии словами|${B}(suggested|hinted|predicted|expects|believes)${E}|${B}допустил|${B}допустив|${B}допускает|${B}допускае|${B}не исключ|${B}не виключ|${B}предположил|${B}припустив|${B}спрогнозировал|${B}спрогнозував|${B}анонсировал|${B}анонсував|${B}(promised|promises|pledged|vowed|пообещал|пообещала|пообещали|обещает|пообицяв|пообицяла|пообицяли|обицяе|заверил|заверила|заверив|запевнив|запевнила|assured|признал|признала|визнав|визнала|admitted)${E}|${B}(назвал|назвала|назвав|назвала|described|охарактеризовал|охарактеризував|оценил|оцинив|оцинила)${E}`);

/** Someone leading a delegation or taking part: a participant, not a commentator ("NATO membership" is no member). */
export const PARTICIPATION = re(`${B}(led|lead(?!er)|leads|headed|heads|took part|tak(e|es|en|ing) part|(sit|sits|sat|sitting) in|joined|accompanied|attended|participat|delegation|represented|represent|represents|included|members(?!hip))|${B}представля|${B}представлен|${B}(представит|представят)${E}|${B}вошли|${B}вошел|${B}увийшл|${B}увийшов|${B}в состав|${B}до складу|${B}в сопровождении|${B}у супроводи|${B}сопровожда|${B}супроводжу|${B}супроводжув|${B}возглав|${B}во главе|${B}под руководством|${B}участ|${B}присутств|${B}присутн|${B}очол|${B}учасни|${B}взяли участь|${B}взяв участь|${B}делегац|${B}on the (\\p{L}+ )?team${E}|${B}alongside${E}`);

/** "The Russian delegation was led by", "the U.S. side was represented by", "российскую делегацию
 * возглавил", "делегацію США очолив": a side sent as a delegation and who leads it (folded). */
export const DELEGATION_NOUN = re(`^(delegation|team|side|делегаци\\p{L}*|команд\\p{L}*|сторон\\p{L}*|бик|боку)$`);
export const DELEGATION_LED = re(`${B}(led|headed|represented|chaired)${E}|${B}возглав|${B}во главе|${B}под руководством|${B}представля|${B}очол|${B}на чоли|${B}пид керивництвом`);

/** Russia, Ukraine and the United States at one table ("three-way talks" in English as often as "trilateral"). */
export const TRILATERAL = /трехсторонн|тристоронн|трехсторонк|тристоронк|trilateral|three-(way|party|sided)/u;

/** "US-brokered talks between Ukraine and Russia", "переговоры России и Украины при посредничестве
 * США", "за посередництва США": the one who brokers talks between two others sits at their table. */
export const BROKERED = re(`${B}(brokered|mediated|mediation)${E}|${B}(при|за) (посредничеств|посередництв|участии|участи)`);

/** "confirmed that he had held talks with Witkoff", "подтвердил, что провел переговоры с Уиткоффом", "підтвердив, що
 * зустрівся з Віткоффом": the speaker tells a talk of his own, so he sat in it (folded). */
export const SELF_MET = re(`${B}(that|что|що)\\s+((he|she|i|we|он|она|вин|вона|я|мы|ми)\\s+)?((had|has|have|also|также|тоже|також|теж)\\s+)?(held|met|spoke|talked|провел\\p{L}*|провив|провела|провели|встретил\\p{L}*|встречал\\p{L}*|зустрив\\p{L}*|зустрил\\p{L}*|зустричал\\p{L}*|поговорил\\p{L}*|поговорив|беседовал\\p{L}*|розмовляв|розмовляла)${E}`);
/** "участвовали он сам и Дмитриев", "he himself took part": the speaker is one of them. */
export const SELF = re(`${B}(он|она|вин|вона|я) (сам|сама)${E}|${B}(himself|herself|myself)${E}`);

/** "Разом зі спецпосланцем прилетів зять президента", "together with": one more of the party, in a sentence about the contact or the trip. */
export const ACCOMPANYING = re(`${B}(вместе со?|разом (з|зи|из)|together with|along with)${E}`);

/** "зустріч з Путіним", "talks with Putin", "встреча с Путиным": a contact and the one met (folded words). */
export const CONTACT_WITH = /^(meeting|meetings|talks|call|negotiations|встреч\p{L}*|переговор\p{L}*|разговор\p{L}*|бесед\p{L}*|зустрич\p{L}*|перемовин\p{L}*|розмов\p{L}*)$/u;
export const WITH_WORD = /^(with|с|со|з|зи|из)$/u;

/** What came of it. */
export const OUTCOME = re(`${B}(agreed|exchanged|identified|reached|signed|outlined|determined)${E}|${B}договорил|${B}обменял|${B}определили|${B}наметили|${B}согласовал|${B}подписал|${B}домовил|${B}обминял|${B}визначили|${B}пидписал|${B}погодил`);

/** Speaks of a further contact: "the next meeting", "очередной раунд", "наступна зустріч". */
// "new" and "новый" are another contact's only before one ("a new round", "новую встречу"):
// "face new sanctions" is about sanctions.
// So are "отдельный", "окремий" ("окрему зустріч"): talks held "в отдельных группах" are one contact.
const CONTACT_AHEAD = `(\\s+\\p{L}+)?\\s+(meeting|talks|round|call|summit|consultations|contacts?|встреч|переговор|раунд|разговор|звонок|саммит|консультац|контакт|зустрич|перемовин|розмов|самит|дзвин)`;
const NEW_CONTACT_SOURCE = `${B}new${CONTACT_AHEAD}|${B}нов(ый|ую|ая|ого|ой|ий|у|а|ои|ими|ых|ие|и)${CONTACT_AHEAD}`;
export const ANOTHER = re(`${B}(next|another|further|follow-up|separate)${E}|${B}(meet|talk|speak) again${E}|${B}(снова|вновь|ещё раз|еще раз|знову|ще раз)${E}|${B}(отдельн|окрем)\\p{L}*${CONTACT_AHEAD}|${B}следующ|${B}очередн|${NEW_CONTACT_SOURCE}|${B}наступн|${B}черговн|${B}черговий|${B}чергов`);
/** "a new meeting", "новая встреча", "нова зустріч": of a contact moved, the same one on its new day. */
export const NEW_CONTACT = re(NEW_CONTACT_SOURCE);

/**
 * The next of a series: "the next round", "очередной раунд", "наступна зустріч", "черговий раунд".
 * Said of a contact to come in a story on one to come, it is that one: the series' next is
 * the one the story reports (not "separate", "снова": those set a contact beside it).
 */
// (Before the contact's noun: "next week", "на следующей неделе", "наступного тижня" are a time.)
export const NEXT_OF_SERIES = re(`${B}(next|another|следующ\\p{L}*|очередн\\p{L}*|наступн\\p{L}*|чергов\\p{L}*)${CONTACT_AHEAD}`);

/** Sets a contact beside another: "separate", "again", "отдельно", "снова", "окремо", "знову". */
export const SEPARATE_CONTACT = re(`${B}(separate|separately|again)${E}|${B}(отдельн|окрем)|${B}(снова|вновь|ещё раз|еще раз|знову|ще раз)${E}`);

/** Speaks of the parties' own teams: "experts", "delegations". */
export const EXPERTS = re(`${B}(experts?|expert-level|working group|advisers|advisors)|${B}советник|${B}радник|${B}эксперт|${B}експерт|рабоч(ая|ей|ие) групп|робоч(а|ои|и) груп`);

/** Locative prepositions: a place after one is where something happens. */
export const LOCATIVE = new Set(["в", "во", "у", "на", "in", "at", "near", "под", "поблизу", "біля", "около", "до", "to", "sidelines", "margins", "полях", "кулуарах"]);

/**
 * Words that may stand between a preposition and a place, folded: "у турецькому Стамбулі",
 * "in the Kremlin", "на военной базе Элмендорф", "at the residence in Arnavutkoy".
 */
export const PLACE_FILLER = /^(the|a|of$|un$|турецк|турецьк|угорськ|венгерск|швейцарск|швейцарськ|саудовск|саудивськ|американськ|американск|российск|российськ|китайск|китайськ|японск|японськ|столиц|city|capital|hungarian|turkish|swiss|saudi|emirati|alaskan|мист|город|base|air|military|joint|военн|военно|виськов|баз|residence|резиденц|hotel|отел|готел|palace|дворц|дворец|палац|consulate|консульств|embassy|посольств|mission|миси|представительств|представництв|villa|вилл|вил)/u;

export const ORDINALS: [RegExp, number][] = [
  [re(`${B}(first|1st|перв|перш)`), 1],
  [re(`${B}(second|2nd|втор|друг)`), 2],
  [re(`${B}(third|3rd|трет)`), 3],
  [re(`${B}(fourth|4th|четверт)`), 4],
  [re(`${B}(fifth|5th|пят|пят)`), 5],
  [re(`${B}(sixth|6th|шест|шост)`), 6],
  [re(`${B}(seventh|7th|седьм|сьом)`), 7],
];

/** "second round", "второй раунд", "другого раунду", "round 2", "раунд 3". */
export const SEQUENCE = re(`${B}(first|second|third|fourth|fifth|sixth|seventh|1st|2nd|3rd|4th|5th|6th|7th|перв\\p{L}*|втор\\p{L}*|трет\\p{L}*|четверт\\p{L}*|пят\\p{L}*|шест\\p{L}*|седьм\\p{L}*|перш\\p{L}*|друг\\p{L}*|шост\\p{L}*|сьом\\p{L}*)\\s+(\\p{L}+\\s+)?(round|раунд|тур${E})|${B}(round|раунд)\\s+(\\d)${E}`);

/** Relative words chrono does not know, in days from publication. */
export const RELATIVE_DAYS: [RegExp, number][] = [
  [re(`${B}(накануне|напередодни|the day before)${E}(?! yesterday)`), -1],
  // ("позавчерашний разговор", "позавчорашня розмова": chrono reads the adverb, not the adjective.)
  [re(`${B}(the day before yesterday|позавчерашн\\p{L}*|позавчорашн\\p{L}*)${E}`), -2],
  // After a vowel Ukrainian writes "учора" for "вчора"; chrono knows only the second.
  [re(`${B}учора${E}`), -1],
];

/** "since Dmitriev's last trip in March", "впервые с февраля": the point a span is counted
 * from, another event's day (tested on the words before a date, up to it, within a clause). */
export const SINCE = re(`${B}(since|впервые с|впервые со|впервые после|вперше з|вперше зи|вперше писля)${E}[^,;:!?—–()]*$`);

/** "Зустріч у Кремлі — ввечері", "talks tonight": a contact to come this evening is on the day of
 * publication, when the sentence names no other day ("в четверг вечером", "накануне вечером" name theirs). */
export const THIS_EVENING = re(`${B}(tonight|this evening|later today|ввечери|увечери|вечером|сегодня вечером|сьогодни ввечери)${E}`);

/** Vague future: never a made-up day. */
export const VAGUE = re(`${B}(next week|this week|last week|coming (days|weeks)|in the near future|soon|this weekend|next weekend|over the weekend|at the weekend|on the weekend)${E}|на (этих |следующих |прошлых )?выходных|в (эти |следующие )?выходные|на (цих |наступних |минулих )?вихидних|у (ци )?вихидни|на прошлой неделе|минулого тижня|на минулому тижни|на следующей неделе|на этой неделе|на наступному тижни|наступного тижня|цього тижня|в ближайшие|найближчим часом|найближчи|в ближайшем будущем|незабаром|вскоре|${B}скоро${E}`);

export const ZONE_PHRASES: [RegExp, string][] = [
  [re(`по московскому времени|за московським часом|${B}мск${E}|${B}msk${E}|moscow time`), "Europe/Moscow"],
  [re(`по киевскому времени|за киивським часом|kyiv time|kiev time`), "Europe/Kyiv"],
  [re(`${B}(gmt|utc)${E}|по гринвичу`), "UTC"],
  [re(`${B}(et|edt|est|eastern time)${E}|по вашингтонскому времени|за вашингтонським часом`), "America/New_York"],
  [re(`по местному времени|за мисцевим часом|local time`), "local"],
];

/**
 * "on Thursday evening Moscow time" in an English report, "за московським часом" in a Ukrainian
 * one: the clock of a capital abroad, named for an in-person contact that names no place, is
 * the clock where it is held. (Each outlet's own capital is its readers' clock, which says nothing.)
 */
export const ZONE_CAPITALS: { zone: string; city: string; home: ArticleLang[] }[] = [
  { zone: "Europe/Moscow", city: "Moscow", home: ["ru"] },
  { zone: "Europe/Kyiv", city: "Kyiv", home: ["uk"] },
];

/** "накануне", "the day before": an earlier day, in a story told the next day often the news itself. */
export const DAY_BEFORE = new RegExp(re(`${B}(накануне|напередодни|the day before(?! yesterday)|a day earlier|днем ранее|днем раньше|днем ранише|вчерашн\\p{L}*|вчорашн\\p{L}*|yesterday['’]s)${E}`).source, "gu");

/** "як раніше заявляв Держдеп", "как ранее сообщал Кремль", "as the State Department said earlier": a source aside. */
export const EARLIER_SOURCE = new RegExp(re(`${B}(как|як|as) (ранее |ранише |earlier |previously )?(\\p{L}+ ){0,2}(сообщал|заявлял|писал|повидомля|повидомив|повидомила|повидомили|заявля|заявив|заявила|заявили|писав|said|stated|reported|announced)\\p{L}*( \\p{L}+){0,2}? ?(ранее|ранише|earlier|previously)?${E}`).source, "gu");

/** "earlier this week", "ранее сегодня": when the reported contact happened, not an earlier one. */
export const RECENT = new RegExp(re(`${B}(earlier (this week|today|on (monday|tuesday|wednesday|thursday|friday|saturday|sunday))|ранее (на этой неделе|сегодня|в этот день)|ранише (цього тижня|сьогодни|на цьому тижни))${E}`).source, "gu");

// "накануне саммита", "напередодні переговорів": a preposition before a noun (the eve of
// another event), not the adverb "the day before" ("накануне вечером", "Накануне Путин провел",
// "накануне сообщил"). Read on the text as written, where a capital tells a name.
// ("состоявшиеся накануне консультации": after a participle agreeing with the noun, the adverb.)
const EVE_OF = /(?<!\p{L}(еся|ися|ие|ые|ий|ый|ое|ую|ых|ого)\s)(?<![\p{L}])([Нн]акануне|[Нн]апередодні|[Нн]апередодни)\s+(?!(вечером|утром|днем|днём|ночью|ввечері|увечері|вранці|вдень|вночі|уночі|в|во|на|у|и|і|а|же|ж|ранее|раньше|раніше|стало|было|було)(?![\p{L}]))(?!\p{L}*(л|ла|ли|ло|лся|лась|лись|лось|вся|лася|лися)(?![\p{L}]))\p{Ll}[\p{L}'’]*/gu;

/** The text without "накануне саммита": what is left may still say "накануне" as "the day before". */
export function withoutEveOf(text: string): string {
  return text.replace(EVE_OF, "");
}

/** "в Кремле … не комментировали", "у Кремлі оприлюднили": an institution speaking in the
 * impersonal plural of a verb of saying, publishing or commenting. */
export const INSTITUTION_SAYS = re(`^(заяв|сообщ|подтверд|опроверг|ответ|оприлюдн|обнарод|опубликова|опублику|прокомментир|комментир|прокоментув|коментув|повидом|пидтверд|заперечи|видпов|уточн|отмет|зазнач|рассказа|розповил|объяв|оголос|анонсир|анонсув)\\p{L}*ли$`);

/** Words that open a second clause in a headline ("… as talks move to Abu Dhabi"). */
export const CLAUSE = /^(as|while|amid|whereas|пока|поки|тогда|тоди)$/u;

/** Verbs of proposing a venue, folded word beginnings: "proposed", "offered", "предложил", "запропонувала", "пропонує". */
export const PROPOSED = /^(propos|offer|suggest|предлож|предлага|запропон|пропону)/u;

/** "to prepare a summit", "to lay the groundwork for talks", "для подготовки саммита", "для
 * підготовки зустрічі", "to discuss preparations for", "обсудили подготовку": what follows is the contact being prepared, not the one reported. */
export const PREPARING = re(`${B}(to prepare|preparing|in preparation for|(to lay|laying) the groundwork for|to pave the way for|для подготовки|для пидготовки|в рамках подготовки|в рамках пидготовки|чтобы подготовить|щоб пидготувати|готовя|готуючи|(to discuss|discussed|discussing|discuss) (the )?preparations? for|(обсудить|обсудили|обсуждали|обговорити|обговорили|обговорювали) подготовку|(обсудить|обсудили|обсуждали|обговорити|обговорили|обговорювали) пидготовку)${E}`);

/** Clauses that count time from an event: "since Trump returned", "с тех пор как", "з моменту повернення". */
/** "since", "after", "после того, как", "після того, як" (folded): a clause that tells from when
 * ("the first visit since Trump called off the summit"). */
export const SINCE_OR_AFTER = /(?<![\p{L}])(since|after|после того,? как|писля того,? як|с тех пор,? как|видтоди,? як)(?![\p{L}])/u;

export const SINCE_CLAUSE = re(`${B}(since|с тех пор как|с момента|со времени|з моменту|з часу|видтоди як|писля того як)${E}`);

/** "он", "він", "he": a subject that stands for one named before (folded). */
export const SUBJECT_PRONOUN = /^(he|she|they|он|она|они|вин|вона|вони)$/u;
