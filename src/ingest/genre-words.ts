// The words by which a story shows what kind of story it is, whatever contact it names: an
// opinion column signed by its author, a look back a year or months after a contact, a
// spokesman's answer that there is nothing to announce. story-genres.ts reads sentences with them.
// Patterns run over folded text (words.ts: lower case; і, ї → и; є, ё, э → е; ы → и), and are
// written as the words are spelled and folded here, as vocabulary.ts does.

import { B, E, re } from "./vocabulary.ts";

/**
 * "The author is a senior fellow at …", "The author served as a U.S. diplomat", "Автор — политолог",
 * "Автор – колишній посол", "Мнение автора может не совпадать с позицией редакции", "Думка автора
 * може не збігатися з позицією редакції", "The views expressed are the author's own": the line that
 * signs a column or disclaims it.
 */
export const COLUMN_SIGNATURE = re(
  `^(the|this) (author|writer)( of this (article|column|piece))? (is|was|served|has served|worked|teaches|heads|leads|directs)${E}|^(автор|авторка)\\s*[—–-]\\s*\\p{L}|${B}(мнение|точка зрения|позиция) автор(а|ов)? (может )?не (совпада|обязательно совпада)|${B}(думка|точка зору|позиция) автор(а|ив)? (може )?не (збига|обов'язково збига|завжди збига)|${B}(views|opinions) expressed (here |in this (article|column|piece) )?(are|is) (the author|those of the author|solely)|${B}редакция (может )?не разделя|${B}редакция (може )?не подиля`,
);

/**
 * "A year after Riyadh", "Six months since Anchorage", "one year on", "anniversary", "looking back",
 * "timeline", "Год после Анкориджа", "полгода спустя", "годовщина", "хронология", "Рік після
 * Ер-Ріяду", "пів року по тому", "річниця", "хронологія": a headline that looks back on contacts done.
 */
export const LOOKING_BACK = re(
  `${B}((a|one|two|three|six|nine|\\d+) (years?|months?) (after|since|on|later)|(half a year|a year and a half) (after|since|on)|anniversary|look(s|ing)? back|timeline|chronology|a year of)${E}|${B}((год|полгода|полтора года|(два|три|\\d+) (года|лет|месяца|месяцев)) (после|спустя|с тех пор)|годовщин|хронолог|как это было|итоги года)|${B}((рік|пів року|пивроку|півтора року|(два|три|\\d+) (роки|років|місяці|місяців)) (після|по тому|відтоді)|річниц|хронолог|як це було|підсумки року)`,
);

/**
 * "Ровно год назад", "Майже рік тому", "Six months ago", "A year ago": a lead that opens on a
 * contact done long before; with "вспоминаем", "згадуємо", "we look back", it recalls, not reports.
 */
export const LONG_AGO = re(
  `${B}((a|one|two|three|six|nine|\\d+) (years?|months?) ago|(год|полгода|(два|три|\\d+) (года|лет|месяца|месяцев)) (назад|тому назад)|(рік|пів року|(два|три|\\d+) (роки|років|місяці|місяців)) (тому|назад))${E}`,
);

/** "We look back", "recalls what happened", "вспоминаем", "вспоминает, что", "згадуємо", "згадує, що відбувалося". */
export const RECALLING = re(`${B}(we look back|looks back|recalls what|вспоминаем|вспоминает, (что|как)|згадуємо|згадує, (що|як))`);

/**
 * "nothing to announce", "no announcements to make", "анонсировать (пока) нечего", "нечего
 * анонсировать", "пока нечего сказать", "анонсов нет", "нічого анонсувати", "нема чого
 * анонсувати", "анонсів немає": a spokesman's answer that nothing is set yet.
 */
export const NOTHING_TO_ANNOUNCE = re(
  `${B}(nothing (yet |new |more )?to (announce|report|say on (this|that))|no (new )?announcements? (to make|yet)|анонсировать (пока |еще |ничего )?нечего|нечего (пока )?анонсировать|пока нечего (сказать|сообщить)|анонсов (пока )?нет|нічого (поки |ще )?анонсувати|анонсувати (поки |ще )?нічого|нема(є)? чого (поки )?анонсувати|поки нічого (сказати|повідомити)|анонсів (поки )?немає)${E}`,
);

/**
 * "Gaza", "Hamas", "Hezbollah", "the Houthis", "Газа", "ХАМАС", "Газі", "хусити": the other files an
 * envoy carries, apart from Russia. (Run over the text as written: the capital tells Gaza, "Газа",
 * from the genitive of gas, "газа".)
 */
export const OTHER_FILE = /(?<![\p{L}])(Gaza|Hamas|Hezbollah|Houthis?|Газ(а|е|у|ой|і|и)|ХАМАС|Хамас\p{L}*|Хезболл\p{L}*|хусит\p{L}*|хуситы|хусити)(?![\p{L}])/u;

/**
 * "Witkoff recalled his meetings with Putin", "Уиткофф вспомнил свои встречи с Путиным", "Віткофф
 * згадав свої зустрічі з Путіним": a lead (an interview's, a talk show's) whose contacts are what
 * someone recalls, not what was done.
 */
export const RECALLED_CONTACTS = re(
  `${B}(recall(s|ed)?|recounted|looked back on) (his|her|their|the) (\\p{L}+ )?(meetings|talks|calls|conversations|contacts)${E}|${B}(вспомнил\\p{L}*|вспоминал\\p{L}*) (свои |о своих )?(\\p{L}+ )?(встреч|переговор|разговор|контакт)|${B}(згадав|згадала|згадали|згадував) (свої |про свої )?(\\p{L}+ )?(зустріч|переговор|розмов|контакт)`,
);
