// Words of the stories that are no contact's news though they name the same people: sport,
// swaps, markets, hopes of a contact, other bodies' meetings (read by not-news.ts and events.ts).
import { B, E, re } from "./vocabulary.ts";

/**
 * Words of sport: a match, a tournament, a league, the game played. In a sports story "встреча",
 * "зустріч", a "meeting" is a match ("Российско-американская встреча: теннисистки сыграют в
 * среду", "хокейна зустріч", "a hockey 'meeting' of the two leagues"). Not "team", "club",
 * "players" or "games": "the American team", "Валдайский клуб", "key players" are diplomacy's too.
 */
export const SPORT = re(`${B}(match|matches|tournament|league|playoffs?|championship|hockey|tennis|football|soccer|basketball|nhl|khl|wta|atp|fifa|uefa|iihf|chess|grandmasters?|olympics?|olympic games|boxing|boxers?|ufc|mma|grand slam|world cup)${E}|${B}(in|into|reach|reaches|reached) the (semi-?|quarter-?)?finals?${E}|${B}(шахмат|гроссмейстер|олимпиад|олимпийск|боксер|бокс${E}|ufc${E})|${B}(в|во|до) (полу|четверть)?финал|${B}(шах(и|ив|ах)${E}|шахист|гросмейстер|олимпиад|олимпийськ|боксер)|${B}(у|в|до) (пив|чверть)?финал|${B}(матч|турнир|чемпионат|хоккей|хоккеист|теннис|футбол|баскетбол|плей-офф|сыграет|сыграют|сыграл|сборн(ая|ой|ую))|${B}(лиг(а|и|е|у|ой)|кхл|нхл)${E}|${B}(хокей|хокеист|тенис|плей-оф|зиграе|зиграють|зиграв|збирн(а|ои|у))`);

/**
 * An exchange of prisoners or of the dead: "prisoner swap", "swapped 185 prisoners", "exchange of
 * bodies", "handed over the bodies", "обмен пленными", "обменялись военнопленными", "передала тела
 * погибших", "обмін полоненими", "обмінялися полоненими", "повернула тіла загиблих", "репатріація
 * тіл". Its talks, mediators and the contacts that made it possible are its background.
 */
export const SWAP = re(`${B}(swap|swaps|swapped|exchange|exchanges|exchanged|trade|traded|release|released|free|freed|return|returns|returned|hand(s|ed)? over|repatriat\\p{L}*)${E}( [\\p{L}\\d][\\p{L}\\d,.]*){0,4} (prisoners?|pows?|captives|detainees|bodies|remains)${E}|${B}(prisoner|pow|body|bodies)[ -](swap|exchange|exchanges|swaps|repatriation)|${B}(обмен|обмін|обменял|обмінял|обміня|вернул|вернула|вернули|повернул|повернула|повернули|повернув|передал|передала|передали|передав|освободил|звільнил|звільнив|репатриац|репатріац)\\p{L}*( [\\p{L}\\d][\\p{L}\\d,.]*){0,4} (плен(?!ар)|военнопленн|заключенн|полон|військовополонен|тел|тіл|останк)\\p{L}*|${B}(тела|тіла) (погибш|загибл|военн|військов)`);

/**
 * A market's word: a currency, shares, a commodity, a trading floor ("rouble firms", "акции
 * выросли", "рубль укрепился", "гривня", "нефть", "Мосбиржа", "індекс").
 */
export const MARKET = re(`${B}(rouble|roubles|ruble|rubles|hryvnia|stocks?|shares|equities|bonds?|oil|brent|urals|gold|markets?|currency|currencies|moex|investors|traders|index|indices|futures|yields?)${E}|${B}(рубл|гривн|акци|бирж|мосбирж|индекс|індекс|нефт|нафт|котировк|котирув|облигаци|облігаці|валют|инвестор|інвестор|трейдер|фондов|рынк|рынок|ринок|ринк)`);

/**
 * A contact named as what is hoped for, expected or doubted, not as done or set: "hopes for a
 * call", "call hopes", "summit optimism", "summit doubts", "на фоне ожиданий разговора", "надежды на
 * встречу", "сомнений в саммите", "на тлі очікувань розмови", "сподівання на зустріч", "сумнівів
 * щодо саміту" (nouns: "ожидается", "очікується" are a contact set).
 */
export const EXPECTED_CONTACT = re(`${B}(hopes?|expectations?|optimism|speculation|bets?|doubts?|uncertainty|fears?)${E}( \\p{L}+){0,4} (talks|negotiations|meeting|summit|call|contacts?|dialogue)${E}|${B}(talks|negotiations|meeting|summit|call|contacts?|dialogue) (hopes|expectations|optimism|speculation|bets|doubts|uncertainty|fears)${E}|${B}(ожидани|надежд|оптимизм|слух|спекуляци|сомнени|опасени|неопределенност|очікуван|сподіван|наді|надії|чутк|чуток|сумнів|побоюван|невизначеніст)\\p{L}*( \\p{L}+){0,4} (встреч|разговор|переговор|саммит|контакт|диалог|зустріч|розмов|перемовин|саміт|діалог)`);

/** "talks", "a call", "summit", "переговоры", "разговор", "саммит": a contact that is never a match. */
export const NOT_A_MATCH = re(`${B}(talks|negotiations|call|calls|summit|consultations|переговор|разговор|звонок|саммит|консультац|перемовин|розмов|дзвин|самит)`);

/** Bodies whose own meetings a story mentions ("a meeting of OPEC+ ministers", "ОПЕК+ на встрече
 * 2 ноября", "саміт НАТО", "заседание Совбеза", "саммит «Большой семерки»"): a token that names one, folded.
 * A club's session is its own too ("выступая на заседании клуба «Валдай»", "виступаючи на засіданні
 * клубу «Валдай»", "speaking at a Valdai Club session"): a speech there, no contact. */
export const MULTILATERAL = /^(opec|опек|nato|нато|g7|g20|brics|брикс|шос|sco|asean|асеан|ecb|ецб|fed|фрс|фед|совбеза|радбезу|радбези|семерк\p{L}*|двадцатк\p{L}*|симк\p{L}*|двадцятк\p{L}*|club|клуб|клуба|клубе|клуби|клубу|valdai|валдай\p{L}*)$/u;
