// Who took part in a contact: the people its headline and lead name, by name or by post, and
// those a later sentence says led a delegation, joined, accompanied it, were sent or travelled
// for it; not those a sentence places in another contact (other-contacts.ts) nor those who only
// speak of it. The words it reads them by are in participation-words.ts.
import type { Kind } from "../record/schema.ts";
import type { EventReading } from "./draft.ts";
import { ofABody, secondClauseAt } from "./events.ts";
import type { ArticleLang } from "./language.ts";
import type { Mention, Person, PlaceEntry } from "./names.ts";
import { asideTellsPart, inAside, inClauseOfAnother, ofCallOrSummit, recallsOnlyInAside, toldTakingPart, withoutAsides } from "./other-contacts.ts";
import { AGREEMENT_REACHED, ASKED_WHETHER, AT_REQUEST_OF, AT_CONTACT, AT_SEVERAL, HEDGED, JOURNEY_WORD, EXPECTED_ONLY, MEET_VERB, NO_PART, PRESENT_THERE, PRINCIPAL_OF, REPEATED, SENT, SIDE_LIST, THEN, THIS_TIME, TITLE_WORD, TRAVEL_FOR, WITH_ONE } from "./participation-words.ts";
import { perPair } from "./memo.ts";
import { gapAfter, isLocative } from "./places.ts";
import { notThere } from "./absence.ts";
import { gapsASideList } from "./gapped.ts";
import { isAside } from "./asides.ts";
import { reactsToIt } from "./reactions.ts";
import { joinedTo, sideColonList } from "./name-lists.ts";
import { anchorVenues, cityOf, journeyElsewhere, placedElsewhere } from "./places-elsewhere.ts";
import { personMentions, type ReadSentence } from "./reading.ts";
import { isSpeaker, objectOfWith, relativeClauseAfter } from "./name-syntax.ts";
import { FIRST_PERSON, quotedPerson, speaks, titledHead, WITH_ME } from "./speakers.ts";
import type { Token } from "./words.ts";
import { ACCOMPANYING, ANOTHER, BACKGROUND, BY_PHONE, CONTACT_WITH, KIND_PHRASES, kindOfNoun, PARTICIPATION, SELF, SELF_MET, TRILATERAL, WITH_WORD } from "./vocabulary.ts";

/**
 * Who took part: the people the anchors name (less those who only speak of it, unless the
 * speaker is the other side of the contact: "Trump says he will speak with Putin"), and
 * anyone a later sentence says led a delegation or took part. Spokespeople never count.
 */
export function findParticipants(event: EventReading, told: ReadSentence[], lang: ArticleLang): { people: Person[]; evidence: string[] } {
  const detail = withAsideRecalls(event, told);
  const people: Person[] = [];
  const evidence: string[] = [];
  const byPost = new Set<Person>();
  const add = (p: Person, s: ReadSentence) => {
    if (p.reports || people.includes(p)) return;
    people.push(p);
    if (!evidence.includes(s.text)) evidence.push(s.text);
  };
  // A post stands for its holder only on a side no name stands for: "a meeting between Rubio
  // and Lavrov … casting doubt on a summit between the two countries' presidents".
  const mentioned = (s: ReadSentence) => {
    const all = personMentions(s).filter((m) => !pairOfAnother(s, m, event.kind) && !ofCallOrSummit(s, m, event.kind, lang));
    const named = new Set([...all.filter((m) => !m.byPost && !aside(s, m) && !speaks(s, m)).map((m) => m.named.person.side), ...people.filter((p) => !byPost.has(p)).map((p) => p.side)]);
    const out = all.filter((m) => !m.byPost || !named.has(m.named.person.side));
    for (const m of out) if (m.byPost && !people.includes(m.named.person)) byPost.add(m.named.person);
    return out;
  };
  const speakers: { person: Person; s: ReadSentence }[] = [];
  // "Трехсторонние переговоры отложены. Вечером Путин и Трамп поговорили по телефону", "Talks put
  // off" over "Putin and Trump spoke by phone in the evening": a headline or lead line that tells
  // only a phone call, beside talks in person, is that call's news; neither its people nor its
  // tense are this contact's. So, under a headline, is a lead that tells a contact in person where
  // this one is a call: a contact of its own, saying nothing of this one's people, place or state.
  const callLine = (x: ReadSentence) => event.kind !== "call" && x.kinds.has("call") && [...x.kinds].every((k) => k === "call" || k === "other") && BY_PHONE.test(x.folded);
  const anchors = event.anchors.filter((s) => !callLine(s) && (s.headline || !event.anchors.some((a) => a.headline) || !otherKindOfLead(s, event.kind)));
  const venues = anchorVenues(anchors);
  for (const s of anchors) {
    // A headline that names both sides has named the principals; a lead that names none of
    // them recalls another contact ("after the presidents' call on 12 February").
    const persons = mentioned(s);
    const named = persons.map((m) => m.named.person);
    // A call has its two principals; others in its lead are in another contact ("while Trump
    // was meeting Zelensky").
    if (!s.headline && new Set(people.map((p) => p.side)).size >= 2 && (event.kind === "call" || !named.some((p) => people.includes(p)))) break;
    // "Rubio-Lavrov meeting put off as Trump-Putin summit plans falter", "Зустріч Рубіо і Лаврова
    // відклали, саміт Трампа і Путіна під питанням": a headline's second clause is another
    // piece of news, and its people are that news's.
    const clause = secondClauseAt(s, lang);
    const comment = s.headline ? commentAfter(s) : -1;
    for (const m of persons) {
      if (aside(s, m) || (clause >= 0 && m.first >= clause) || journeyElsewhere(s, m)) continue;
      // "Witkoff: 'Jared and I will be in Moscow'", "Уиткофф: «Мы с Кушнером полетим»": one who
      // counts himself in with another goes too.
      const withMe = WITH_ME.test(s.text) && persons.some((o) => o.named.person !== m.named.person && !isSpeaker(s, o));
      // ("…, повідомив Рустем Умєров, який очолює українську делегацію": one who tells of it and
      // leads a side, by his own relative clause, takes part.)
      const own = relativeClauseAfter(s, m);
      // ("Про це заявив секретар РНБО, голова української делегації Рустем Умєров", "said Rustem
      // Umerov, head of the Ukrainian delegation": so does one his title calls its head.)
      const leads = (own !== undefined && PARTICIPATION.test(own) && !BACKGROUND.test(own)) || titledHead(s, m);
      if ((speaks(s, m) && !withMe && !leads) || (comment >= 0 && m.first >= comment)) speakers.push({ person: m.named.person, s });
      else add(m.named.person, s);
    }
    // ("WITKOFF: Next week. Jared and I will be in Moscow": the one whose answer it is.)
    if (WITH_ME.test(s.text) && persons.length > 0 && !persons.some((m) => isSpeaker(s, m))) {
      const quoted = quotedPerson(s, event.sentences);
      if (quoted) add(quoted, s);
    }
  }
  // A speaker counts when the others taking part are all on one side and he is on the other.
  const addSpeakers = () => {
    const sides = new Set(people.map((p) => p.side));
    for (const { person, s } of speakers) {
      if (people.includes(person) || person.reports) continue;
      if (people.length > 0 && sides.size === 1 && !sides.has(person.side)) add(person, s);
    }
  };
  // A call has its two principals: once the headline and lead give both, a later sentence's
  // people ("he would then speak with Zelensky") are on another call.
  if (event.kind === "call") addSpeakers();
  const complete = event.kind === "call" && new Set(people.map((p) => p.side)).size >= 2;
  // "Переговоры России и США …; украинскую группу очолит Умеров": where the headline and the
  // lead name the sides, one of another side named further on is in another contact.
  const sides = anchorSides(anchors);
  const held = anchors.some((a) => a.tense === "held") || !anchors.some((a) => a.tense !== undefined);
  const moved = !held && anchors.some((a) => a.tense === "postponed" || a.tense === "cancelled");
  const doneContact = anchors.some((a) => a.tense === "held");
  const onSide = (p: Person) => sides.size < 2 || sides.has(p.side);
  // Neither headline nor lead names anyone ("US and Russian officials met", a subtitle "Встреча
  // без сделки"): the first later sentence about this contact that names people says who they
  // were. One naming both sides comes before the delegations further on ("Путин и Трамп провели
  // встречу … С российской стороны в переговорах участвовали Лавров и Ушаков"); one naming a
  // single side ("Rubio welcomed the talks") only where no delegation is named.
  // (Not one that names a phone call when this contact is held in person: "The Riyadh meetings
  // followed a phone call between Trump and Putin", "Лавров і Рубіо домовилися про це під час
  // телефонної розмови" name that call's people.)
  const aboutCall = (x: ReadSentence) => event.kind !== "call" && x.kinds.has("call") && BY_PHONE.test(x.folded);
  // (Nor one that tells an agreement reached at a contact: "про старт консультацій домовилися
  // Лавров і Рубіо на зустрічі в Ер-Ріяді", "agreed on the talks at their meeting in Riyadh".)
  const agreedAtAnother = (x: ReadSentence) => x.agreed && AT_CONTACT.test(x.folded);
  // (Nor one that comes after the delegations are named: "Russia's delegation will be led by
  // Darchiev … Since then, Dmitriev held meetings with Witkoff" tells another contact.)
  const listsSide = (x: ReadSentence) => !event.anchors.includes(x) && (takesPart(x, venues) || SIDE_LIST.test(x.folded));
  const firstList = detail.findIndex(listsSide);
  // (Nor, in the story of a contact moved or called off, one that tells a delegation done: "the
  // next round has been postponed … Geneva, where Russia sent a team led by Medinsky".)
  const doneBefore = (x: ReadSentence) => (moved || (!held && THEN.test(withoutAsides(x)))) && toldTakingPart(x);
  // (Nor one whose contact is a body's: "В Канаде открывается саммит «Большой семерки», Трамп
  // уже прибыл".)
  // (Nor one that goes on about a contact recalled just before it: "Два попередні раунди
  // відбулися у Стамбулі. Делегації очолювали Дарчієв і Коултер.")
  // (Nor one that puts its contact in another city: "… итогов встречи Лаврова и Рубио в Эр-Рияде" beside a round in Moscow.)
  const here = new Set([...venues].map(cityOf));
  const inAnotherCity = (x: ReadSentence) => here.size > 0 && x.mentions.some((m) => m.named.type === "place" && m.named.place.kind === "city" && isLocative(x, m) && !inAside(x, m) && !here.has(cityOf(m.named.place)));
  const firstAbout = () => detail.find((x) => !event.anchors.includes(x) && x.kinds.size > 0 && !aboutCall(x) && !agreedAtAnother(x) && !doneBefore(x) && !ofABody(x) && !inAnotherCity(x) && !continuesRecall(x, event.sentences, detail) && personMentions(x).some((m) => !speaks(x, m)));
  const takeFirst = (s: ReadSentence | undefined) => {
    if (s) for (const m of mentioned(s)) if ((!speaks(s, m) || SELF_MET.test(s.folded)) && !aside(s, m) && onSide(m.named.person)) add(m.named.person, s);
  };
  if (people.length === 0) {
    const s = firstAbout();
    if (s && (firstList < 0 || detail.indexOf(s) < firstList) && new Set(mentioned(s).filter((m) => !speaks(s, m) && !aside(s, m)).map((m) => m.named.person.side)).size >= 2) takeFirst(s);
  }
  const gapped = (x: ReadSentence) => gapsASideList(x, event.sentences, (y) => takesPart(y, venues) || SIDE_LIST.test(y.folded));
  for (const s of complete ? [] : detail) {
    if (event.anchors.includes(s)) continue;
    // ("С американской стороны должны были участвовать Бессент и Латник", "were expected to
    // join": in the story of a contact done, a part planned is one not taken after all.)
    if (doneContact && EXPECTED_ONLY.test(s.folded) && EXPECTED_ONLY.test(withoutAsides(s))) continue;
    // "С российской стороны в переговорах участвовали …", "З російського боку за столом були …":
    // a side's people listed; "Вместе с Путиным за столом сидели Лавров и Ушаков": those beside
    // one taking part.
    const beside = personMentions(s).some((m) => people.includes(m.named.person) && WITH_ONE.test(s.folded.slice(0, s.tokens[m.first].start)));
    // ("Причина — в графике американской стороны: Уиткофф и Кушнер заняты": a side's people after a colon, and only they.)
    const listed = sideColonList(s);
    // ("Україна «разом з американськими партнерами» працює …": "together with" counts before a
    // person only, by name or pronoun: "разом з ним поїдуть …".)
    const along = ACCOMPANYING.test(s.folded) && s.kinds.size > 0 && (WITH_HIM.test(s.folded) || personMentions(s).some((m) => WITH_ONE.test(s.folded.slice(0, s.tokens[m.first].start))));
    if (!takesPart(s, venues) && !along && !SIDE_LIST.test(s.folded) && !beside && listed.length === 0 && !gapped(s)) continue;
    // ("… досягли під час телефонної розмови, а потім підтвердили на зустрічі делегацій": the
    // delegations of another contact.)
    if (aboutCall(s)) continue;
    // ("Dmitriev met Witkoff in Miami … The Abu Dhabi talks, led on the Russian side by
    // Kostyukov, …": talks a place names as its own, another city than this contact's, are
    // another contact, and those who lead them lead that one.)
    if (placedElsewhere(s, venues, lang)) continue;
    // "Переговоры отложены … В Женеве российскую делегацию впервые возглавил Мединский": a
    // delegation told as done in the story of a contact moved or called off is an earlier
    // contact's; so is one told done "then" beside a contact to come. (A live blog's contact
    // to come may be told done later: "участвовал Дмитриев" is then this one's.)
    if (doneBefore(s)) continue;
    // "Since February he has met Putin several times", "Дмитриев неоднократно участвовал во
    // встречах с Путиным": several contacts told together, none of them this one.
    // ("Umerov, who has led the delegation several times, will head it again" tells his record.)
    if (REPEATED.test(withoutAsides(s)) || AT_SEVERAL.test(withoutAsides(s))) continue;
    // "Он не исключил, что в состав делегации войдет Грюнбаум": one only thought possible is
    // not said to take part; nor is one asked about ("Чи братиме участь міністр Сибіга?").
    if (HEDGED.test(s.folded) || /\?\s*["»”]?$/u.test(s.text)) continue;
    // "Російська делегація на попередніх раундах була представлена Дарчієвим. Американську
    // делегацію очолювала Култер.": a sentence that goes on from a recalled contact without
    // naming one of its own is still about it.
    if (continuesRecall(s, event.sentences, detail)) continue;
    // "I will again lead the Russian delegation", "Українську делегацію очолюватиму я": the one
    // quoted took part.
    // ("С нашей стороны во встрече будем участвовать я и Кирилл Дмитриев": beside others too.)
    if (FIRST_PERSON.test(s.text) && (personMentions(s).length === 0 || takesPart(s, venues))) {
      const quoted = quotedPerson(s, event.sentences);
      if (quoted && onSide(quoted)) add(quoted, s);
    }
    const only = listed.length > 0 && !takesPart(s, venues) && !SIDE_LIST.test(s.folded) && !beside;
    for (const m of mentioned(s)) {
      // ("Зеленський подякував делегації": one who reacts to it; see reactions.ts.)
      if (aside(s, m) || !onSide(m.named.person) || journeyElsewhere(s, m) || (only && !listed.some((l) => l.first === m.first)) || reactsToIt(s, m)) continue;
      // "— сказал Ушаков, который … участвовал во встрече": the speaker took part himself.
      const clause = relativeClauseAfter(s, m);
      // "«… очолюватиму я», – написав Умєров", "По словам Ушакова, … участвовали он сам и
      // Дмитриев": so does one saying he took part.
      // ("Про це заявив … голова української делегації Рустем Умєров": and one his title calls its head.)
      if (!speaks(s, m) || (clause !== undefined && PARTICIPATION.test(clause) && !BACKGROUND.test(clause)) || FIRST_PERSON.test(s.text) || SELF.test(s.folded) || SELF_MET.test(s.folded) || titledHead(s, m)) add(m.named.person, s);
    }
  }
  if (people.length === 0) takeFirst(firstAbout());
  addSpeakers();
  // "Американський спецпосланник прибув до Москви … Про час зустрічі з Путіним повідомив …":
  // with one side's people known, a later sentence about this contact names the other by "the
  // meeting with". With both sides known, one it names beside a participant met ("Там він
  // проведе переговори з Віткоффом і Кушнером", "talks with Witkoff and Kushner") is met too.
  if (people.length > 0) {
    const oneSide = new Set(people.map((p) => p.side)).size === 1;
    for (const s of detail) {
      if (event.anchors.includes(s) || s.background || s.kinds.size === 0 || ANOTHER.test(s.folded) || REPEATED.test(withoutAsides(s))) continue;
      // ("Witkoff, who met Putin in August, …": an aside's meeting is another.)
      const met = personMentions(s).find((m) => !m.byPost && (oneSide ? m.named.person.side !== people[0].side : people.includes(m.named.person)) && metWith(s, m.first) && !aside(s, m) && !inAside(s, m));
      // ("Віткофф і Кушнер поїдуть до Москви … Трамп додав, що може зустрітися з Путіним", "Trump
      // added he could meet Putin": the one met is his who is named before him, and one of
      // the known side who takes no part meets him in a contact of his own.)
      const subject = met ? personMentions(s).filter((o) => o.last < met.first && o.named.person !== met.named.person).pop() : undefined;
      if (subject && oneSide && !people.includes(subject.named.person) && subject.named.person.side === people[0].side && !subject.named.person.reports) continue;
      if (met && onSide(met.named.person)) {
        add(met.named.person, s);
        for (const m of joinedTo(s, met)) if (m.named.person.side === met.named.person.side && !aside(s, m)) add(m.named.person, s);
        break;
      }
    }
  }
  // "Путін прийняв Віткоффа, зятя Дональда Трампа Джареда Кушнера та радника Білого дому Джоша
  // Грюнбаума", "Путин принял Уиткоффа, Кушнера и Грюнбаума", "Putin received Witkoff, Kushner
  // and adviser Josh Gruenbaum": a list that names one taking part names his fellows on his side.
  // (Not a call's two principals', nor a list of a contact recalled "then": "Тогда Лавров и Ушаков
  // провели переговоры с Рубио, Уолтцем и Уиткоффом".)
  for (const s of complete ? [] : detail) {
    if (s.background || REPEATED.test(withoutAsides(s)) || THEN.test(withoutAsides(s)) || continuesRecall(s, event.sentences, detail) || placedElsewhere(s, venues, lang)) continue;
    for (const m of personMentions(s)) {
      if (!people.includes(m.named.person) || aside(s, m) || inAside(s, m)) continue;
      for (const j of joinedTo(s, m)) if (j.named.person.side === m.named.person.side && !aside(s, j) && !speaks(s, j)) add(j.named.person, s);
    }
  }
  // "Lavrov says he agreed with Rubio on a third round of consultations", "Лавров домовився з
  // Рубіо про проведення третього раунду", "Лавров обсудил это с Рубио, и договоренность
  // достигнута: раунд будет": ministers and leaders who agree on a round of the delegations set
  // it up; the delegations sit in it (talks a minister sits in are his meeting, not a round).
  if (event.kind === "round" && namesRound(event.anchors) && event.anchors.some((a) => a.agreed || AGREEMENT_REACHED.test(a.folded))) {
    const setUp = people.filter((p) => p.minister || p.leader);
    return { people: people.filter((p) => !setUp.includes(p)), evidence };
  }
  return { people, evidence };
}

/** "вместе с ним", "разом з нею", "along with him" (folded). */
const WITH_HIM = /(?<![\p{L}])(вместе со?|разом (з|зи|из)|together with|along with) (ним|ней|нею|ними|him|her|them)(?![\p{L}])/u;

/** Does a lead name a call and no contact in person where the contact is one in person, or the reverse? */
function otherKindOfLead(s: ReadSentence, kind: Kind): boolean {
  const inPerson = [...s.kinds].some((k) => k !== "call" && k !== "other");
  return kind === "call" ? inPerson && !s.kinds.has("call") : s.kinds.has("call") && !inPerson && BY_PHONE.test(s.folded);
}

/** Do the headline and the lead call the contact a round or consultations ("third round", "консультации")? */
const namesRound = (anchors: ReadSentence[]) => anchors.some((s) => ROUND_NOUN.test(s.folded));
const ROUND_NOUN = /(?<![\p{L}])(раунд\p{L}*|rounds?|консультац\p{L}*|consultations?)(?![\p{L}])/u;


/**
 * "despite the collapse of plans for a Trump-Putin summit", "the Rubio-Lavrov call": names
 * joined by a hyphen before a contact word of another kind are that contact's people.
 */
function pairOfAnother(s: ReadSentence, m: Mention, kind: Kind): boolean {
  let k = m.last;
  while (k + 1 < s.tokens.length && /^[-–]$/u.test(gapAfter(s, k)) && s.mentions.some((o) => o.first === k + 1 && o.named.type === "person")) k = s.mentions.find((o) => o.first === k + 1)!.last;
  let j = m.first;
  while (j > 0 && /^[-–]$/u.test(gapAfter(s, j - 1)) && s.mentions.some((o) => o.last === j - 1 && o.named.type === "person")) j = s.mentions.find((o) => o.last === j - 1)!.first;
  if (k === m.last && j === m.first) return false;
  const next = s.tokens[k + 1];
  const other = next ? (["en", "ru", "uk"] as const).map((lang) => kindOfNoun(next.text, lang)).find((x) => x !== undefined) : undefined;
  return other !== undefined && other !== kind && other !== "other";
}

/**
 * Is the name someone's principal, another event's, in a clause that tells another contact, the
 * one at whose request another goes ("сопровождал спецпосланника по просьбе Дональда Трампа",
 * "came at the request of President Trump", "на прохання Трампа"), or in an indirect question ("did not say … whether he had seen Putin", "не уточнили, встречался ли
 * он с Путиным": one asked about is not said to take part)?
 */
const aside = perPair((s: ReadSentence, m: Mention) => {
  const before = s.folded.slice(0, s.tokens[m.first].start);
  // ("Віткофф і Кушнер, які ввечері мають зустрітися з Путіним у Москві, …", "Witkoff, who will
  // meet with Putin first,": the one met in a relative clause is of the contact it tells; not one
  // beside the antecedent, "Ушаков, який разом із Дмитрієвим також брав участь у зустрічі".)
  const metInAside = inAside(s, m) && objectOfWith(s, m) && !asideTellsPart(s, m);
  return isAside(s, m) || inClauseOfAnother(s, m) || metInAside || PRINCIPAL_OF.test(before) || AT_REQUEST_OF.test(before) || ASKED_WHETHER.test(before) || notThere(s, m);
});

/**
 * Does the sentence say someone takes part: leads, joins, attends, is sent, travels for the
 * contact or to where the headline and the lead place it ("В Абу-Даби должны были приехать
 * Уиткофф и Кушнер")? Not "without its participation".
 */
const takesPart = perPair(takesPartIn);

function takesPartIn(s: ReadSentence, venues: Set<PlaceEntry>): boolean {
  const folded = s.folded.replace(NO_PART, "");
  if (PARTICIPATION.test(folded) || TRAVEL_FOR.test(folded) || PRESENT_THERE.test(folded)) return true;
  if (personMentions(s).some((m) => SENT.test(s.folded.slice(0, s.tokens[m.first].start)))) return true;
  return JOURNEY_WORD.test(folded) && s.mentions.some((m) => m.named.type === "place" && venues.has(m.named.place) && isLocative(s, m));
}

/**
 * Does a sentence that recalls earlier contacts still tell this one: it recalls them only in an
 * aside, or sets this one against them ("В отличие от двух предыдущих встреч, российскую
 * делегацию на этот раз возглавит Мединский")?
 */
function tellsThisOne(s: ReadSentence): boolean {
  return recallsOnlyInAside(s) || THIS_TIME.test(s.folded);
}

/**
 * The sentences about the contact, with those that recall another only in an aside ("Witkoff
 * and Kushner, who have represented the US at all previous rounds, were to fly in",
 * "Украинскую делегацию, как ранее заявил Зеленский, возглавит Умеров"): they tell of this one.
 */
function withAsideRecalls(event: EventReading, told: ReadSentence[]): ReadSentence[] {
  if (event.secondary) return told;
  const extra = (s: ReadSentence) => s.background && !s.headline && tellsThisOne(s);
  // (And the sentence that goes on from such a one: "Американскую сторону вновь представят
  // Уиткофф и Кушнер" after "…на этот раз возглавит Мединский".)
  const goesOn = (s: ReadSentence) => {
    const before = event.sentences[event.sentences.indexOf(s) - 1];
    return !s.background && s.kinds.size === 0 && before !== undefined && before.paragraph === s.paragraph && extra(before);
  };
  return [...event.anchors, ...event.sentences.filter((s) => !event.anchors.includes(s) && (told.includes(s) || extra(s) || goesOn(s)))];
}

/**
 * "Переговоры в Абу-Даби отложены. Зеленский связал это с войной вокруг Ирана": a headline's
 * second sentence that names no contact comments on the first, and its people speak of it.
 * The index of its first word, or -1.
 */
function commentAfter(s: ReadSentence): number {
  // (A word, its stop and a capital after it: "отложены. Зеленский", not "U.S. President".)
  const at = s.tokens.findIndex((t, k) => k + 1 < s.tokens.length && /^[\p{L}\p{M}\d'’ʼ-]+[.!?]\s+$/u.test(s.text.slice(t.start, s.tokens[k + 1].start)) && /^\p{Lu}/u.test(s.tokens[k + 1].text)) + 1;
  if (at <= 0) return -1;
  const rest = s.tokens.slice(at);
  const folded = s.folded.slice(rest[0].start);
  const names = (t: Token) => (["ru", "uk", "en"] as const).some((lang) => kindOfNoun(t.text, lang) !== undefined);
  return KIND_PHRASES.some(([, re]) => re.test(folded)) || rest.some((t) => !/^\p{Lu}/u.test(t.text) && names(t)) ? -1 : at;
}

/** The sides the headline and the lead name as actors: their people and followed countries (not places). */
function anchorSides(anchors: ReadSentence[]): Set<string> {
  const sides = new Set<string>();
  for (const s of anchors) {
    for (const m of s.mentions) {
      if (m.named.type === "person" && !m.named.person.reports && !aside(s, m)) sides.add(m.named.person.side);
      // ("as the US-Israeli strikes on Iran upend Washington's calendar": a country the record
      // does not follow is the story's setting, not a side.)
      if (m.named.type === "country" && m.named.country.followed && !isLocative(s, m)) sides.add(m.named.country.code);
    }
    // "Кремль назвал состав российской делегации на трехсторонней встрече": three-way talks
    // have all three sides at the table, the ones not named yet too.
    if (TRILATERAL.test(s.folded)) for (const side of ["RU", "UA", "US"]) sides.add(side);
  }
  return sides;
}

/**
 * Does "<contact> with" or a verb of meeting stand right before the name, maybe through a title
 * ("зустрічі з Путіним", "talks with President Putin", "expected to meet Russian President
 * Vladimir Putin")?
 */
function metWith(s: ReadSentence, first: number): boolean {
  for (let i = first - 1; i >= Math.max(1, first - 4); i--) {
    // ("met with U.S. special envoy Steve Witkoff", "зустрівся з": a verb of meeting before "with".)
    if (WITH_WORD.test(s.tokens[i].folded)) return CONTACT_WITH.test(s.tokens[i - 1].folded) || MET_WITH.test(s.tokens[i - 1].folded);
    if (MEET_VERB.test(s.tokens[i].folded)) return true;
    if (/^\p{Lu}/u.test(s.tokens[i].text) && i < first - 1 && !TITLE_WORD.test(s.tokens[i].folded)) return false;
  }
  return false;
}

/** Verbs of meeting that take "with": "met with", "meets with", "встретился с", "зустрівся з" (folded). */
const MET_WITH = /^(meet|meets|met|meeting|встретил\p{L}*|встречал\p{L}*|встретит\p{L}*|встретят\p{L}*|встретиться|зустрив\p{L}*|зустрил\p{L}*|зустринеться|зустринуться|зустритися|зустричався|зустричалися)$/u;

/**
 * Does the sentence follow one about an earlier or another contact in its paragraph, naming no
 * contact itself? ("Договорённость была достигнута в ходе встречи в Эр-Рияде 18 февраля. В ней
 * принимали участие Лавров и Рубио": the one before is dated to another day, so the reading of
 * this contact set it apart, and "в ней" goes on about it.)
 */
function continuesRecall(s: ReadSentence, sentences: ReadSentence[], detail: ReadSentence[]): boolean {
  const before = sentences[sentences.indexOf(s) - 1];
  const recalls = (x: ReadSentence) => x.background && !tellsThisOne(x);
  const apart = (x: ReadSentence) => recalls(x) || (x.kinds.size > 0 && !x.headline && !detail.includes(x));
  if (before !== undefined && before.paragraph === s.paragraph && apart(before) && s.kinds.size === 0) return true;
  // "Попередній раунд пройшов у Женеві. Делегації обговорювали … Українську делегацію очолював
  // Умєров.": a paragraph that opens on a recalled contact and goes on telling it in the past,
  // a sentence or two on, is still about it.
  if (s.tense !== "held" && s.tense !== undefined) return false;
  for (let i = sentences.indexOf(s) - 1, steps = 0; i >= 0 && steps < 3; i--, steps++) {
    const x = sentences[i];
    if (x.paragraph !== s.paragraph || x.headline) return false;
    if (recalls(x)) return true;
    if (x.tense !== "held" && x.tense !== undefined) return false;
  }
  return false;
}
