// What Parley understands of one news report: whether it reports a contact between the
// parties the record follows, and if so a draft entry for each contact it reports, the main
// one first. Pure: text and names in, drafts out; the caller reads files and URLs.
//
// How a report is read. The headline and the lead (the first sentence of the story) name the
// main contact: its kind, status and people. Later sentences add what the lead leaves out
// (the date, the place, who led the delegations, the time), unless they speak of an earlier
// contact ("the previous round", "ранее") or of another one agreed on ("experts will meet"),
// which become drafts of their own.
import type { Kind, Status } from "../record/schema.ts";
import { dayGap, publishedFromDateLine, readDates, readTime, type FoundDate } from "./dates.ts";
import type { Article, Context, Draft, EventReading, Understanding, UnderstandOptions } from "./draft.ts";
import { findParties, findTrack, sidesAsDelegations } from "./fields.ts";
import { notThere } from "./absence.ts";
import { findParticipants } from "./participants.ts";
import { EXPECTED_ONLY } from "./participation-words.ts";
import { recalledEarlier } from "./recalled-contacts.ts";
import { detectLanguage } from "./language.ts";
import { matchEntry } from "./match.ts";
import type { Mention, NameIndex } from "./names.ts";
import { isAside } from "./asides.ts";
import { inAsideClause } from "./relative-clauses.ts";
import { isSpeaker } from "./name-syntax.ts";
import { kindsBeyondOpening, openingEnd, personMentions, readSentence, strongestKind, tenseNear, type ReadSentence, type Tense } from "./reading.ts";
import { withPeopleUnnamed } from "./roles.ts";
import { withoutJourneyDays } from "./journey-days.ts";
import { firstDayAfterTheMove } from "./moved-days.ts";
import { isStranger } from "./strangers.ts";
import { findPlace, IN_PERSON } from "./draft-place.ts";
import { SIDE_ABSENT } from "./participation-words.ts";
import { summitOnlyAsVenue } from "./places.ts";
import { readStory } from "./sentences.ts";
import { findEvents, FOLLOWED, nextIsThisOne, secondClauseAt } from "./events.ts";
import { chooseNews, follows } from "./news.ts";
import { aSportsStory, aSwapStory, datedWeeksBefore, recalled, thenOfARecall, whyNotNews } from "./not-news.ts";
import { notNewsByGenre } from "./story-genres.ts";
import { aboutAnother, datedLongBefore, continuedFrom, dayOfTheStory, endsOn, firstDayOf, newDayOf, toldBefore, toldDays, toldDone } from "./story-cues.ts";
import { A_KIND, describeOther, sameContact } from "./draft.ts";
import { AGREED_BY_PHONE, ANOTHER, BY_PHONE, KIND_PHRASES, ORDINALS, OUTCOME, PREPARING, SEQUENCE, TRILATERAL, VAGUE } from "./vocabulary.ts";


export function understand(article: Article, names: NameIndex, options: UnderstandOptions): Understanding {
  const language = article.language ?? detectLanguage(article.text);
  const story = readStory(article.text);
  const published = article.published ?? publishedFromDateLine(story.dateLine, language) ?? options.today;
  const sentences = withPeopleUnnamed(story.sentences.map((s) => readSentence(s, language, names)), names, published, language);
  const base = { language, published };

  const withKind = sentences.filter((s) => s.kinds.size > 0);
  if (withKind.length === 0) return { ...base, relevant: false, reason: "no call, meeting, round or summit is reported", drafts: [] };

  if (aSportsStory(sentences)) return { ...base, relevant: false, reason: "a sports story: its meeting is a match", drafts: [] };
  if (aSwapStory(sentences)) return { ...base, relevant: false, reason: "an exchange of prisoners or of the dead: its talks are its background", drafts: [] };

  const events = findEvents(sentences, language, published, names);
  if (events.length === 0) return { ...base, relevant: false, reason: "neither the headline nor the lead reports a contact; one is only mentioned in passing", drafts: [] };
  const ctx: Context = { sentences, language, published, names, article, story };
  const { mainEvent, main, others } = chooseNews(events, ctx, buildDraft);
  // (A column, a look back, "nothing planned", an envoy on another file: no contact in it is news.)
  let dropped = whyNotNews(mainEvent, main, ctx);
  const genre = notNewsByGenre(mainEvent, main, ctx);
  if (genre) return { ...base, relevant: false, reason: dropped ?? genre, drafts: [] };
  const drafts: Draft[] = [];
  if (dropped === undefined) {
    if (follows(main.parties)) drafts.push(main);
    else dropped = describeOther(main, names);
  }
  for (const event of others) {
    // "The day before, Lavrov met Rubio" in a story about Lavrov and Wang Yi: an earlier
    // contact recalled by a story the record does not follow is its background, not its news.
    // (So is what a sentence that goes on with that recall tells: "Тогда президенты договорились …".)
    // (So is one its own sentence dates weeks before the story, "В октябре … позднее заявил, что отменил
    // саммит", "In October … later said he had called off the summit", under "no new contacts are planned".)
    if (drafts.length === 0 && (event.anchors[0].background || event.alongside || thenOfARecall(event.anchors[0], ctx) || datedWeeksBefore(event.anchors[0], ctx))) continue;
    let draft = buildDraft(event, ctx);
    // A sentence such as "experts will meet in Istanbul" names no sides: they are the main
    // contact's. One that names its own (Lavrov and Wang Yi) is judged on them.
    if (draft.parties.length < 2) {
      if (drafts.length === 0) continue;
      draft = { ...draft, parties: drafts[0].parties };
    }
    if (!follows(draft.parties)) continue;
    // A story about another contact (Rubio hosts Sybiha) may say what was agreed or planned
    // in passing ("… to agree to a ceasefire by Trump's deadline for Moscow"): that is news of
    // its own only when it names the people of both followed sides.
    if (drafts.length === 0 && !follows(draft.participants.map((p) => p.side))) continue;
    if (drafts.some((d) => sameContact(d, draft))) continue;
    // "the summit will take place on 15 August" told again beside it names no other contact.
    if (event.alongside && drafts.some((d) => d.date === draft.date && d.status === draft.status && IN_PERSON.has(d.kind) === IN_PERSON.has(draft.kind))) continue;
    // "The two leaders had agreed to meet" after "the summit is off": the same contact again,
    // unless it brings a date, a place or experts of its own.
    if (!draft.date && !draft.place.city && !event.standsAlone && drafts.length > 0 && IN_PERSON.has(draft.kind) && IN_PERSON.has(drafts[0].kind)) continue;
    drafts.push(draft);
  }
  if (drafts.length === 0) return { ...base, relevant: false, reason: dropped ?? "no contact between Russia and the United States is reported", drafts: [] };
  if (options.entries && options.entries.length > 0) {
    for (const d of drafts) d.matches = matchEntry(d, options.entries);
  }
  const first = drafts[0];
  return { ...base, relevant: true, reason: `${A_KIND[first.kind]} between ${first.parties.join(" and ")} (${first.status})`, drafts };
}

function buildDraft(event: EventReading, ctx: Context): Draft {
  const evidence: Record<string, string> = {};
  const guessed: string[] = [];
  const { anchors, kind } = event;
  // The sentences that may fill in the main contact: the anchors, then those of the story that
  // mention a contact and are not about an earlier or another one.
  const support = event.secondary
    ? anchors
    : [
        ...anchors,
        // A call is never "the talks" or "a round": for a call only sentences about a call.
        // Nor is "their next meeting" this one, unless this one is the next (see nextIsThisOne).
        ...ctx.sentences.filter((s) => !anchors.includes(s) && !s.background && !s.agreed && s.kinds.size > 0 && !s.headline && (kind !== "call" || s.kinds.has("call")) && (!ANOTHER.test(s.folded) || anchors.some((a) => ANOTHER.test(a.folded)) || nextIsThisOne(s, anchors, kind, ctx.language, ctx.published))),
      ];
  const detail = event.secondary ? anchors : [...anchors, ...ctx.sentences.filter((s) => !anchors.includes(s) && !s.background && !s.headline)];
  evidence.kind = anchors[0].text;

  // Status: what the anchors say was done to the contact; failing that, the other sentences.
  let tense: Tense | undefined;
  const near = (x: ReadSentence) => (event.secondary ? x.tense : tenseNear(x, kind, ctx.language));
  const decisive = (list: ReadSentence[]) => list.find((x) => near(x) === "cancelled" || near(x) === "postponed");
  const any = (list: ReadSentence[]) => list.find((x) => near(x) !== undefined);
  // The lead tells what happened even when it names the contact only as "the presidents
  // spoke for an hour".
  const leadSentence = event.secondary ? undefined : ctx.sentences.find((x) => !x.headline && x.tokens.length >= 5);
  const leadList = leadSentence && !anchors.includes(leadSentence) ? [leadSentence] : [];
  const tenseFrom: ReadSentence | undefined = decisive(anchors) ?? any(anchors) ?? any(leadList) ?? (event.secondary ? undefined : decisive(support) ?? any(support));
  tense = tenseFrom ? near(tenseFrom) : undefined;
  // ("agreed by phone to hold consultations": the call the contact was agreed in is done.)
  if (kind === "call" && (tense === "future" || tense === undefined) && (tenseFrom ? [tenseFrom] : anchors).some((x) => AGREED_BY_PHONE.test(x.folded))) tense = "held";
  if (event.secondary && anchors[0].agreed && tense !== "cancelled" && tense !== "postponed" && !anchors[0].background) tense = "future";

  // People first: a later sentence that names only other people, or speaks of a contact done
  // where this one is to come (or the reverse), is about another contact; so, beside one moved or
  // called off, is a contact done long before ("their first encounter came in February in Riyadh").
  // (An arrival told done, "Разом зі спецпосланцем прилетів зять президента США", is a step
  // toward talks to come.)
  // (So, for a contact moved or called off, is one told held: "Раунд відклали … Перший раунд
  // відбувся в січні", "The round was called off … The first round took place in February".)
  // (Not one that tells a part planned, "В переговорах должны были участвовать …", nor one that
  // names no contact: "Делегація … залишається готовою".)
  const moved = (x: ReadSentence) => (tense === "postponed" || tense === "cancelled") && x.kinds.size > 0 && !EXPECTED_ONLY.test(x.folded);
  const conflictsWithMain = (x: ReadSentence) => !anchors.includes(x) && ((tense === "held" && x.tense === "future") || ((tense === "future" || moved(x)) && x.tense === "held" && strongestKind(x.kinds) !== "other") || ((tense === "postponed" || tense === "cancelled") && x.tense === "held" && datedLongBefore(x, ctx)));
  // So is one that goes on about a contact recalled just before it, or is dated to another day.
  const elsewhere = aboutAnother(anchors, event.secondary, tense, ctx);
  // (And, beside one not done, one told done weeks before the story: see recalled-contacts.ts.)
  const toldLongBefore = recalledEarlier(anchors, tense, ctx);
  const participants = findParticipants(event, detail.filter((x) => !conflictsWithMain(x) && !elsewhere(x) && !toldLongBefore(x)), ctx.language);
  const mainPeople = new Set(participants.people);
  const ownPerson = (m: Mention) => m.named.type === "person" && mainPeople.has(m.named.person);
  // (Nor is one told held about a contact called off or moved: "Після цього відбулися три раунди
  // … 17–18 лютого в Женеві" beside "поїздка … скасована".)
  // Nor, for one to come, is a sentence that tells a contact called off or moved: "Третій раунд,
  // який планували провести в червні в Москві, скасували" beside "може відбутися до кінця осені"
  // tells the plan before this one, its day and place.
  const conflicting = (a: Tense | undefined, b: Tense | undefined) => (a === "held" && b === "future") || ((a === "future" || a === "cancelled" || a === "postponed") && b === "held") || (a === "future" && (b === "cancelled" || b === "postponed"));
  // A meeting of the two leaders is the summit a later sentence names ("the summit would be
  // held in Anchorage"), not another contact; one that also names a call ("announced after
  // the presidents' call of 16 October") sets the two apart.
  const leadersMeet = kind === "meeting" && new Set(participants.people.filter((p) => p.leader).map((p) => p.side)).size >= 2;
  let longBefore: boolean | undefined;
  const anchorsLongBefore = () => (longBefore ??= anchors.some((a) => datedLongBefore(a, ctx)));
  // (A contact done is of the story's days only where its own sentences date it so: an analysis of a year's talks keeps its dates.)
  const anchorsRecent = () => anchors.some((a) => readDates(a.text, ctx.language, ctx.published, "past").dates.some((d) => d.value.length === 10 && dayGap(d.value, ctx.published) >= 0 && dayGap(d.value, ctx.published) <= 7));
  const fills = support.filter((s) => {
    if (anchors.includes(s) && s.headline) return true;
    // ("expected to meet in the Hungarian capital to lay the groundwork for talks between Trump
    // and Putin": the people of the contact being prepared are not this one's.)
    const prepared = PREPARING.exec(s.folded)?.index ?? Infinity;
    // ("Глава РФПИ и спецпредставитель Путина сегодня прибыл в США": with no one named but a
    // principal, the people named by their posts say whose sentence it is.)
    // (Nor does the one who tells of it: "Зеленський … повідомив, що завтра відбудеться зустріч".)
    const before = personMentions(s).filter((m) => !isAside(s, m) && !notThere(s, m) && !isSpeaker(s, m) && s.tokens[m.first].start < prepared);
    const byName = before.filter((m) => !m.byPost);
    const persons = (byName.length > 0 ? byName : before).map((m) => m.named.person);
    if (persons.length > 0 && mainPeople.size > 0 && !persons.some((p) => mainPeople.has(p))) return false;
    if (!anchors.includes(s) && conflicting(tense, s.tense)) return false;
    // Nor is a contact to come told by a sentence dated only days before the story ("приедет в
    // Москву на следующей неделе" over a list of what came before it, "— 23 ноября в Женеве …").
    // (Nor, for one to come or done in the story's days, one dated weeks before: see datedLongBefore.)
    if (!anchors.includes(s) && ((tense === "future" && toldBefore(s, ctx)) || ((tense === "future" || (tense === "held" && anchorsRecent())) && !anchorsLongBefore() && datedLongBefore(s, ctx)))) return false;
    // A summit or a call is never another name for this meeting: that sentence is another contact.
    // ("Разговор, который состоялся в четверг вечером" with no phone in it is the meeting talked of.)
    // (Nor is the contact a sentence's meeting prepares: "a meeting … in Budapest to prepare for a summit".)
    const own = strongestKind(kindsBeyondOpening(s, ctx.language, prepared));
    const byPhone = own === "call" && BY_PHONE.test(s.folded);
    // (Unless the summit is what the contact was to prepare: "spoke by telephone on Monday to discuss preparations for a summit".)
    const summitPrepared = s.kinds.has(kind) && prepared < Infinity && !KIND_PHRASES.some(([k, re]) => k === "summit" && re.test(s.folded.slice(0, prepared)));
    if (!anchors.includes(s) && own !== kind && ((own === "summit" && (!leadersMeet || s.kinds.has("call")) && !summitOnlyAsVenue(s, ctx.language) && !summitPrepared) || byPhone)) return false;
    // Nor is a round or a meeting another name for a call.
    if (!anchors.includes(s) && kind === "call" && !s.kinds.has("call")) return false;
    return true;
  });

  // Date.
  let date: string | null = null;
  let dateFound: FoundDate | undefined;
  let vague: string | undefined;
  let statementDate: { found: FoundDate; sentence: ReadSentence } | undefined;
  // ("discussed preparations for Friday's summit in a phone call on Tuesday": a call's day is not
  // the summit's, nor a summit's a call's; "Monday's talks" may be any contact in person.)
  const ofAnother = (d: FoundDate) => d.of !== undefined && d.of !== kind && (d.of === "call" || kind === "call" || (d.of === "summit" && !leadersMeet));
  // ("is expected to meet Witkoff over the weekend" … "In April he became the most senior Russian
  // official to visit Washington": a contact its own sentences set for the coming days is not on a
  // day a month or more away that another sentence gives.)
  const nearSoon = tense === "future" && anchors.some((a) => VAGUE.test(a.folded));
  const beyondAMonth = (value: string) => (value.length === 7 ? dayGap(ctx.published, `${value}-01`) > 31 || value < ctx.published.slice(0, 7) : Math.abs(dayGap(ctx.published, value)) > 31);
  // (An anchor that opens on "он", "він", "he" is dated by the sentence it goes on from first.)
  const dating = [...new Set(fills.flatMap((s) => {
    const from = anchors.includes(s) ? continuedFrom(s, ctx) : undefined;
    return from && !conflicting(tense, from.tense) ? [s, from] : [s];
  }))];
  // ("В Стамбуле прошел второй раунд" over a look back from "12 февраля" to "прошел в четверг": a contact
  // done whose own lines give no day is dated first by the lines that give one near the story; "In
  // February 2025, … sat down" opening a story on talks to resume next Tuesday gives no day to come: a
  // day gone by only where a line read as to come gives it, see whyNotNews.)
  const weeksGone = (x: ReadSentence) => {
    const told = toldDays(x, ctx);
    return told.length > 0 && told.every((d) => recalled(d.value, ctx.published));
  };
  const latestFirst = tense === "held" && !anchorsRecent() && !anchors.some(weeksGone);
  const ordered = latestFirst ? [...dating.filter((x) => !weeksGone(x)), ...dating.filter(weeksGone)] : dating;
  const goneBy = (d: FoundDate, x: ReadSentence) => tense === "future" && x.tense !== "future" && (d.value.length === 10 ? d.value < ctx.published : d.value < ctx.published.slice(0, 7));
  for (const s of ordered) {
    const direction = tense === "future" || (tense === "postponed" && !s.background) ? "future" : tense === "held" || s.background ? "past" : undefined;
    const reading = readDates(s.text, ctx.language, ctx.published, direction);
    vague ??= reading.vague;
    const said = reading.dates.find((d) => d.statement);
    if (said && !statementDate) statementDate = { found: said, sentence: s };
    // ("… in Davos, head to Moscow on Thursday": a headline's second clause has its own day.)
    // ("After a long phone call with Putin on Oct. 16, Trump had said …": an opening phrase's day is
    // what came before.)
    const clause = secondClauseAt(s, ctx.language);
    const opening = openingEnd(s);
    // (So is one whose story has said "next week" before any day: "Следующий раунд состоится в
    // Женеве на следующей неделе" over a history of the talks, "… два стамбульских раунда - 2 июня и 23 июля".)
    const soon = nearSoon || (tense === "future" && vague !== undefined);
    // ("arrived on Friday and is scheduled to meet Witkoff on Saturday": the arrival's day is not the contact's.)
    // ("President Donald Trump, who arrives in Davos on Wednesday, …": a clause on something else has its own day.)
    // ("Dmitriev said on Saturday that his talks … had been constructive" over "Witkoff met Putin on Dec. 2":
    // a contact the lead tells as said today is not on a day weeks gone that a later sentence recalls.)
    const fresh = tense === "held" && statementDate !== undefined && anchors.includes(statementDate.sentence) && !anchors.includes(s) && !recalled(statementDate.found.value, ctx.published);
    // ("On Feb. 15 Rubio and Lavrov agreed by phone to hold consultations": a day told before the
    // phone the contact was agreed on is that call's.)
    const byPhoneAt = kind === "call" ? -1 : (AGREED_BY_PHONE.exec(s.folded)?.index ?? -1);
    // ("Putin asks Trump to back a truce around 9 May" told the day before: a contact done is on no day still to come.)
    const dates = withoutJourneyDays(s, reading.dates.filter((d) => !goneBy(d, s) && !(byPhoneAt >= 0 && d.index < byPhoneAt) && !(fresh && recalled(d.value, ctx.published)) && !d.statement && !d.another && !(tense === "held" && d.value.length === 10 && d.value > ctx.published) && (clause < 0 || d.index < s.tokens[clause].start) && d.index > opening && !ofAnother(d) && !(soon && !anchors.includes(s) && beyondAMonth(d.value)) && !inAsideClause(s, d.index, ctx.language, kind, ownPerson)));
    if (dates.length === 0) continue;
    const pick = tense === "postponed" ? (dates.find((d) => d.movedTo) ?? firstDayAfterTheMove(s, dates) ?? dates[dates.length - 1]) : dates[0];
    // Talks over several days are dated from the first, which may follow their last.
    if (date !== null && !firstDayOf(pick.value, date)) continue;
    dateFound = pick;
    date = pick.value;
    evidence.date = s.text;
    if (endsOn(s, pick, dates, tense, ctx)) {
      // ("завершился в среду …, который проходил два дня, 17 и 18 февраля": the first day told beside it.)
      const first = dates.find((d) => d !== pick && firstDayOf(d.value, pick.value));
      if (!first) continue;
      dateFound = first;
      date = first.value;
    }
    break;
  }
  // A contact moved whose sentences give only the day it was set for is on the later day a sentence
  // to come gives (see newDayOf).
  const newDay = tense === "postponed" && dateFound && !dateFound.movedTo && date ? newDayOf(fills, date, ctx) : undefined;
  if (newDay) {
    dateFound = { ...newDay.found, movedTo: true };
    date = newDay.found.value;
    evidence.date = newDay.sentence.text;
  }
  // "Trump said Wednesday he had a call with Putin": for a contact that is over and dated no
  // other way, the day it was reported is the best reading, and marked as a guess.
  if (date === null && !vague && tense === "held" && statementDate) {
    date = statementDate.found.value;
    evidence.date = statementDate.sentence.text;
    guessed.push("date");
  }
  // The day the story's shape gives a contact done with no day of its own (a guess): a readout's
  // printed line, a digest's headline, the arrival a headline reports (see dayOfTheStory).
  const storyDay = date === null && !vague && tense === "held" && !event.secondary ? dayOfTheStory(anchors, ctx) : undefined;
  if (storyDay) {
    date = storyDay.value;
    evidence.date = storyDay.evidence;
    guessed.push("date");
  }
  if (date === null && vague) evidence.date = support.find((s) => s.text.includes(vague!))?.text ?? anchors[0].text;
  // A postponement without a new date says nothing of the day, unless it says the day the
  // contact was set for ("яка мала відбутися в середу") or its own sentences name it ("the
  // talks of 5 March were postponed"); a date told further on is another event's ("a round
  // … was called off after the strikes on Iran began on February 28"), and so is a day it was
  // set for told apart from the word that it was moved ("Its talks were moved. … According to the
  // media, they were to begin on Wednesday, 11 March"; "Переговори перенесли. … За даними ЗМІ,
  // вони мали розпочатися в середу"). A month a contact moved was set for ("который планировалось
  // провести в начале марта") is no day of it: the move leaves its month open (a contact called off
  // keeps it, "який мав відбутися в Москві в червні").
  // So does calling a contact off on a weekday ("On Wednesday, Trump said he had called off the
  // summit"): that is the day it was called off.
  const ownSentence = anchors.some((a) => a.text === evidence.date);
  // (A contact called off keeps no day a later sentence gives: "Прямі переговори Росії та України в
  // Стамбулі 16 травня" in a story on a round called off is another contact's.)
  const undated = !/\d/.test(dateFound?.text ?? "") || ((tense === "postponed" || tense === "cancelled") && !ownSentence);
  if ((tense === "postponed" || tense === "cancelled") && dateFound && !dateFound.movedTo && !(dateFound.setFor && (tense === "cancelled" || dateFound.value.length === 10) && (ownSentence || tenseFrom?.text === evidence.date)) && undated) date = null;

  // "Following up on the presidents' call of 12 February, the ministers agreed …": an agreed
  // sentence that dates its contact before publication recalls one that happened.
  if (event.secondary && tense === "future" && anchors[0].agreed && date && date.length === 10 && date < ctx.published) tense = "held";

  let status: Status;
  if (tense === "cancelled" || tense === "postponed" || tense === "held") status = tense;
  else if (tense === "future") status = date && date.length === 10 ? "scheduled" : "announced";
  else {
    status = date && date <= ctx.published ? "held" : "announced";
    guessed.push("status");
  }
  if (tenseFrom) evidence.status = tenseFrom.text;
  // A live blog's contact set for today and later told begun or ended was held.
  const done = !event.secondary && status === "scheduled" && date === ctx.published ? toldDone(anchors, support, kind, mainPeople, ctx) : undefined;
  if (done) {
    status = "held";
    evidence.status = done.text;
  }

  const { city, venue, region, abroad } = findPlace(event, fills, elsewhere, leadersMeet, tense, ctx, evidence, guessed);
  const countryCode = city?.country ?? venue?.country ?? region?.country ?? abroad?.code;
  const country = countryCode ? (ctx.names.country(countryCode)?.name.en ?? null) : null;
  if (country && !city && region) evidence.country = support.find((s) => s.mentions.some((m) => m.named.type === "place" && m.named.place === region))?.text ?? "";

  if (participants.people.length > 0) evidence.participants = participants.evidence.join(" … ");
  // One names.json does not know is spelled in English by transliteration.
  if (participants.people.some(isStranger)) guessed.push("participants");

  const parties = findParties(event, participants.people, support, city ?? venue, ctx);
  if (parties.guessed) guessed.push("parties");
  // ("Umerov met Witkoff in Geneva … a strictly U.S.–Ukrainian format, with no Russian
  // representatives present": a side its own sentences say was absent is not one of its sides,
  // whatever earlier round with it the story recalls.)
  // (So is one a sentence that names no contact says absent: "No Russian officials took part",
  // "Российская сторона участия не принимала", "Російських представників там не було". It speaks of
  // the contact the sentence before it names, if any: "2 июня в Стамбуле прошел второй раунд … Американские
  // представители в нем не участвовали" is of that round.)
  const ofThisOne = (x: ReadSentence) => {
    const before = ctx.sentences[ctx.sentences.indexOf(x) - 1];
    return before === undefined || before.kinds.size === 0 || fills.includes(before);
  };
  const saidAbsent = [...fills, ...detail.filter((x) => x.kinds.size === 0 && !x.background && !conflictsWithMain(x) && !elsewhere(x) && ofThisOne(x))];
  const absent = new Set(SIDE_ABSENT.filter(([, re]) => saidAbsent.some((s) => re.test(s.folded))).map(([code]) => code));
  const partyList = parties.codes.filter((c) => !absent.has(c));
  evidence.parties = anchors.map((s) => s.text).join(" … ");

  // Time and zone.
  let time: string | null = null;
  let timezone: string | null = null;
  if (date && date.length === 10) {
    for (const s of detail) {
      const t = readTime(s.text);
      if (!t) continue;
      time = t.time;
      evidence.time = s.text;
      if (t.zone === "local" || t.zone === undefined) {
        timezone = city?.zone ?? venue?.zone ?? null;
        if (t.zone === undefined) guessed.push("timezone");
      } else timezone = t.zone;
      if (timezone) evidence.timezone = s.text;
      break;
    }
  }

  // Number in the series.
  let sequence: number | null = null;
  for (const s of [...anchors, ...(event.secondary ? [] : support)]) {
    const m = SEQUENCE.exec(s.folded);
    if (!m) continue;
    if (m[5]) sequence = Number(m[5]);
    else for (const [re, n] of ORDINALS) if (re.test(m[1])) {
      sequence = n;
      break;
    }
    if (sequence !== null) {
      evidence.sequence = s.text;
      break;
    }
  }

  const track = findTrack(event, fills, participants.people, ctx.names);
  if (track) evidence.track = track.evidence;

  let outcome: string | null = null;
  if (status === "held" && !event.secondary) {
    const s = detail.find((x) => OUTCOME.test(x.folded) && !x.background);
    if (s) {
      outcome = s.text;
      evidence.outcome = s.text;
    }
  }

  const lead = ctx.sentences.find((s) => !s.headline);
  const title = event.secondary ? anchors[0].text : (ctx.story.headline ?? lead?.text ?? anchors[0].text);
  const summary = event.secondary ? anchors[0].text : (lead?.text ?? anchors[0].text);
  if (city) evidence.city ??= anchors[0].text;

  // Two heads of state from different sides meeting in person is a summit, whatever the
  // headline calls it ("Trump announced the date of his meeting with Putin").
  const leaders = new Set(participants.people.filter((p) => p.leader).map((p) => p.side));
  let finalKind: Kind = kind === "meeting" && leaders.size >= 2 ? "summit" : kind;
  // "Talks of the delegations" led by the foreign ministers (Riyadh, February 2025) are their
  // meeting; a round is the delegations' working contact, unless the text calls it one (or
  // calls the talks trilateral, "первые трехсторонние переговоры", whoever a side's leader sent).
  const namedRound = anchors.some((s) => /(раунд|round|консультац|consultation)/u.test(s.folded) || TRILATERAL.test(s.folded));
  if (finalKind === "round" && !namedRound && participants.people.some((p) => p.minister || p.leader)) finalKind = leaders.size >= 2 ? "summit" : "meeting";
  // Russia, Ukraine and the United States at one table without their presidents: a round of the
  // trilateral talks, whatever the headline calls them.
  if (finalKind === "meeting" && ["RU", "UA", "US"].every((p) => partyList.includes(p)) && leaders.size === 0) finalKind = "round";
  // Talks for which each followed side sent a delegation with its leader named, with no president
  // or minister among them, are a round ("The Russian delegation was led by Karasin … The U.S. side
  // was represented by Peek", "Российскую делегацию возглавил …, американскую — …"); one person
  // received by the other side's delegation ("переговоры Дмитриева с американской делегацией") is a meeting.
  const delegations = new Set(detail.filter((x) => !conflictsWithMain(x) && !elsewhere(x) && !ANOTHER.test(x.folded)).flatMap((x) => [...sidesAsDelegations(x)]));
  if (finalKind === "meeting" && FOLLOWED.every((p) => delegations.has(p)) && !participants.people.some((p) => p.minister || p.leader)) finalKind = "round";
  if (finalKind !== kind) evidence.kind = evidence.participants ?? evidence.kind;

  return {
    kind: finalKind,
    status,
    date,
    time,
    timezone,
    place: { city: city?.name.en ?? null, country, venue: venue?.name.en ?? null },
    parties: partyList,
    participants: participants.people.map((p) => ({ name: p.name.en, role: p.role.en, side: p.side })),
    track: track?.id ?? null,
    sequence,
    title,
    summary,
    outcome,
    source: { outlet: ctx.article.outlet ?? null, url: ctx.article.url ?? null, published: ctx.published, language: ctx.language },
    matches: null,
    evidence,
    guessed,
  };
}
