// Which contact is a story's news, where its headline and lead do not say it plainly: a visit
// whose story goes on to the visitor's talks with the host is reported for those talks; a column
// or an interview that opens on talk in general gives its one piece of news further down. Pure,
// as the rest of src/ingest/; extract.ts passes in how a contact's sentences become a draft.
import type { Context, Draft, EventReading } from "./draft.ts";
import { dayGap, readDates } from "./dates.ts";
import { FOLLOWED, mainKind, nearTheStory, NEWS_DAYS, reportsContactOfItsOwn, sidesOf } from "./events.ts";
import type { ArticleLang } from "./language.ts";
import { isAside } from "./asides.ts";
import { strongestKind, type ReadSentence } from "./reading.ts";
import { questionBefore } from "./story-cues.ts";
import { briefedOn } from "./not-news.ts";
import { JOURNEY } from "./name-syntax.ts";
import { BY_PHONE, HYPOTHETICAL, KIND_PHRASES, kindOfNoun, NOT_PLANNED, RECEIVED, SINCE_OR_AFTER, STATUS_CUES } from "./vocabulary.ts";

/** How the sentences of one contact become its draft (extract.ts's buildDraft). */
export type DraftOf = (event: EventReading, ctx: Context) => Draft;

/** Do the parties include both sides the record follows? */
export function follows(parties: string[]): boolean {
  return FOLLOWED.every((p) => parties.includes(p));
}

/** The main contact (its sentences and its draft) and the other contacts the story tells of. */
export function chooseNews(events: EventReading[], ctx: Context, draftOf: DraftOf): { mainEvent: EventReading; main: Draft; others: EventReading[] } {
  let [mainEvent, ...others] = events;
  const { sentences, language, published } = ctx;
  let main = talksOfTheVisit(draftOf(mainEvent, ctx), mainEvent, ctx, draftOf);
  // A column or an analysis opens on talk in general ("а разговоры продолжаются") and gives its
  // one piece of news further down ("Тем временем в Кремле подтвердили, что Путин в среду примет
  // Уиткоффа"): where the opening reports nothing done, that sentence is the news.
  // So does an interview whose headline names only the interviewee: its news is an answer
  // ("We will meet in Miami next week") to a question that names the other side ("You have
  // built a working relationship with Steve Witkoff. When will you see him again?").
  if ((main.guessed.includes("status") && main.date === null) || main.parties.length < 2) {
    const leadSides = new Set(mainEvent.anchors.flatMap((a) => [...sidesOf(a)]));
    const news = sentences.find((s) => !s.headline && !mainEvent.anchors.includes(s) && reportsContactOfItsOwn(s, language, published, new Set([...leadSides, ...questionBefore(s, sentences).flatMap((q) => [...sidesOf(q)])])));
    if (news) {
      // (An answer that names one side, "we cancelled the meeting with President Putin", tells of
      // the contact its question asks about: "Is the Budapest summit with President Putin off?")
      const question = sidesOf(news).size < 2 ? questionBefore(news, sentences) : [];
      // ("Американская сторона сообщила об отмене очередной встречи" answering "третий раунд
      // консультаций … должен пройти в Москве?", "the next meeting was cancelled" answering "the
      // third round of consultations?", "наступну зустріч скасовано" answering "третій раунд
      // консультацій?": the answer's plain "meeting" is the round its question names.)
      const told = mainKind([news], ctx.language);
      const kind = told === "meeting" && question.some((q) => q.kinds.has("round")) ? "round" : told;
      // ("Ушаков анонсировал визит Уиткоффа" over "Договоренность о нем была достигнута в ходе
      // телефонного разговора Путина и Трампа": an opening line that tells only the call the
      // visit was agreed in names that call's people, not the visit's.)
      const opening = mainEvent.anchors.filter((a) => kind === "call" || !onlyACall(a));
      const event: EventReading = { sentences, anchors: [news, ...question, ...opening], kind, secondary: false };
      const draft = talksOfTheVisit(draftOf(event, ctx), event, ctx, draftOf);
      if (!draft.guessed.includes("status") && follows(draft.parties)) {
        mainEvent = event;
        main = draft;
        others = others.filter((e) => !e.anchors.includes(news));
      }
    }
  }
  // A story whose headline and lead tell another event (a parade scaled back, a forum, a visit
  // between other sides) often gives a contact between the followed sides as the news of a later
  // paragraph: told done or set, on a day of its own near the story ("met on Tuesday", "сегодня",
  // "вчора") or followed by the story's own words on it ("назвавши розмову «дуже продуктивною»").
  // That contact is the story's; one only recalled ("last month", "в феврале") is not.
  // (A contact the story first gives as the topic of its own one, "обсудили итоги переговоров в
  // Эр-Рияде", stays that topic where a later paragraph goes on about it: no sentence after is news.)
  if (!follows(main.parties)) {
    const topic = sentences.findIndex((s) => !s.headline && !mainEvent.anchors.includes(s) && briefedOn(s) && reportsContactOfItsOwn(s, language, published, new Set()));
    const news = sentences.find((s, i) => !s.headline && !mainEvent.anchors.includes(s) && (topic < 0 || i < topic) && toldAsNews(s, sentences, language, published));
    if (news) {
      const event: EventReading = { sentences, anchors: [news], kind: mainKind([news], language), secondary: false };
      const draft = draftOf(event, ctx);
      if (!draft.guessed.includes("status") && follows(draft.parties)) {
        mainEvent = event;
        main = draft;
        others = others.filter((e) => !e.anchors.includes(news));
      }
    }
  }
  return { mainEvent, main, others };
}

/** Is a contact called off or moved in a clause opened by "since", "after", "після того, як", "после того как"? */
function calledOffSince(s: ReadSentence): boolean {
  if (s.tense !== "cancelled" && s.tense !== "postponed") return false;
  const opener = SINCE_OR_AFTER.exec(s.folded);
  const cue = STATUS_CUES[s.tense].exec(s.folded);
  return opener !== null && cue !== null && opener.index < cue.index;
}

/** Does the sentence name no contact but a phone call? */
function onlyACall(s: ReadSentence): boolean {
  return s.kinds.size === 1 && s.kinds.has("call") && BY_PHONE.test(s.folded);
}

/**
 * Does a sentence below the lead tell a contact between the followed sides as news: reported of
 * its own (named sides, done or to come, not recalled, asked about or denied), on a day near the
 * story or with the next sentence going on about the same contact?
 */
function toldAsNews(s: ReadSentence, sentences: ReadSentence[], lang: ArticleLang, published: string): boolean {
  // ("Напередодні в Куала-Лумпурі Рубіо зустрічався з … Лавровим" under a story of Rubio and
  // Wang Yi: the day before is near, but told as what came before, it is background.)
  // Nor one that another contact was told of: "Путін поділився оцінками своєї зустрічі з Трампом"
  // under "Путін зателефонував Моді".
  // ("Lavrov flew to Beijing from Kuala Lumpur, where he held talks with Rubio on Thursday", "прилетел в
  // Пекин из Куала-Лумпура, где провел переговоры с Рубио", "прилетів до Пекіна з Куала-Лумпура, де
  // провів переговори з Рубіо": talks at the stop a journey came from are what came before this story.)
  if (s.background || briefedOn(s) || atTheStopBefore(s, lang) || !reportsContactOfItsOwn(s, lang, published, new Set())) return false;
  if (nearTheStory(s, lang, published)) return true;
  const kind = strongestKind(s.kinds)!;
  const next = sentences[sentences.indexOf(s) + 1];
  return next !== undefined && !next.background && next.kinds.has(kind);
}

/** "from Kuala Lumpur, where", "из Куала-Лумпура, где", "з Куала-Лумпура, де": the place a journey came from, and what was done there (folded). */
const FROM_WHERE = /(?<![\p{L}])(from|из|з|зи|с|со)\s+(\p{L}[\p{L}-]*\s+){0,2}\p{L}[\p{L}-]*\s*,\s*(where|где|де)(?![\p{L}])/u;

/** Does the sentence tell its contact in a clause on the place a journey came from? */
function atTheStopBefore(s: ReadSentence, lang: ArticleLang): boolean {
  const from = FROM_WHERE.exec(s.folded);
  if (!from || !JOURNEY.test(s.folded.slice(0, from.index))) return false;
  const end = from.index + from[0].length;
  return s.tokens.some((t) => t.start >= end && kindOfNoun(t.text, lang) !== undefined) || KIND_PHRASES.some(([, re]) => re.test(s.folded.slice(end)));
}

/**
 * "Уиткофф прилетел в Москву … Переговоры Уиткоффа с Путиным запланированы на сегодня": a
 * visit whose story goes on to the visitor's talks with the host is reported for those talks,
 * which are the contact the record keeps (in the visit's city, unless they say another).
 */
function talksOfTheVisit(visit: Draft, event: EventReading, ctx: Context, draftOf: DraftOf): Draft {
  if (visit.kind !== "other") return visit;
  const calledOff = visit.status === "cancelled" || visit.status === "postponed";
  // The visitors are those the visit's own sentences name ("Визит Уиткоффа в Петербург"); a
  // live blog's later "участвовал" may have added the host's people to the visit.
  const named = new Set(event.anchors.flatMap((s) => s.mentions.flatMap((m) => (m.named.type === "person" ? [m.named.person.name.en] : []))));
  const own = visit.participants.filter((p) => named.has(p.name));
  const visiting = own.length > 0 ? own : visit.participants;
  const visitors = new Set(visiting.map((p) => p.name));
  const sides = new Set(visiting.map((p) => p.side));
  const talks = ctx.sentences.find((s) => {
    // ("Уиткоффа «естественно, примет президент»", "Witkoff will be received by the president":
    // the visitor received by the host is at the talks.)
    const received = RECEIVED.test(s.folded);
    if (event.anchors.includes(s) || s.headline || s.background || !(s.kinds.has("meeting") || s.kinds.has("round") || received)) return false;
    // ("The White House did not say whom Witkoff met …, including whether he had seen Putin", "не
    // уточнили, встречался ли он с Путиным", "не повідомили, чи зустрічався він із Путіним": talks
    // asked about or left open are not told.)
    if (HYPOTHETICAL.test(s.folded) || NOT_PLANNED.test(s.folded)) return false;
    // ("Поїздка стала першим контактом після того, як Трамп скасував зустріч із Путіним", "the first
    // visit since Trump called off the summit", "после того, как Трамп отменил встречу": a contact
    // called off in a clause that tells from when is the time of a visit that goes on.)
    if (!calledOff && calledOffSince(s)) return false;
    // ("Дмитрієв прилетів до США" over "У квітні він провів переговори з Віткоффом у Вашингтоні":
    // talks told done on a day long before the visit are an earlier trip's.)
    // (So are talks dated so with no word of their own for what was done: "Дмитрієв був присутній на
    // всіх зустрічах Віткоффа з путіним — зокрема 6 серпня".)
    if ((s.tense === "held" || s.tense === undefined) && readDates(s.text, ctx.language, ctx.published, "past").dates.some((d) => (d.value.length === 7 ? d.value !== ctx.published.slice(0, 7) : dayGap(d.value, ctx.published) > NEWS_DAYS))) return false;
    const people = s.mentions.flatMap((m) => (m.named.type === "person" && !m.named.person.reports && !isAside(s, m) ? [m.named.person] : []));
    if (received && people.some((p) => visitors.has(p.name.en))) return true;
    if (people.some((p) => visitors.has(p.name.en)) && people.some((p) => !sides.has(p.side))) return true;
    // "Ключевая встреча — с американским спецпосланником Стивом Уиткоффом — ожидается в субботу":
    // the host's people alone, the visitor understood.
    return people.length > 0 && people.every((p) => !sides.has(p.side) && FOLLOWED.includes(p.side));
  });
  if (!talks) return visit;
  // "Witkoff's Moscow trip called off … The two men had been expected to meet Putin", "Визит
  // Уиткоффа в Москву отменен … Он должен был встретиться с Путиным", "Візит Віткоффа скасовано …
  // Він мав зустрітися з Путіним": a visit called off or moved takes its talks with it; what
  // was called off is the meeting, on the visit's day and place.
  if (calledOff) return { ...visit, kind: "meeting", evidence: { ...visit.evidence, kind: talks.text } };
  const draft = draftOf({ sentences: ctx.sentences, anchors: [talks], kind: "meeting", secondary: false }, ctx);
  if (!draft.participants.some((p) => visitors.has(p.name))) {
    draft.participants = [...visit.participants, ...draft.participants.filter((p) => !visit.participants.some((v) => v.name === p.name))];
    draft.parties = [...new Set([...draft.parties, ...visit.parties])].sort();
  }
  if (!follows(draft.parties)) return visit;
  if (!draft.place.city && !draft.place.venue) {
    draft.place = visit.place;
    if (visit.evidence.city) draft.evidence.city = visit.evidence.city;
  }
  return draft;
}
