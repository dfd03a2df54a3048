// /lang and /tz: per-chat choices, stored so they survive restarts. In groups only
// administrators may change them, since they change what everyone in the chat reads; anyone
// may look.
import { InlineKeyboard } from "grammy";
import { langButton } from "../../present/callbacks.ts";
import { escapeHtml } from "../../present/html.ts";
import { isLang } from "../../present/translate.ts";
import { parseZone } from "../../record/validate.ts";
import { wallClock } from "../../present/dates.ts";
import { LANGS, type Lang } from "../../record/schema.ts";
import type { ParleyContext } from "../context.ts";
import { isChatAdmin } from "../permissions.ts";

const LANG_NAMES: Record<Lang, string> = { en: "English", ru: "Русский", uk: "Українська" };

async function setLang(ctx: ParleyContext, lang: Lang) {
  await ctx.deps.prefs.set(ctx.chat!.id, { lang });
  ctx.i18n.useLocale(lang);
  ctx.reader = { ...ctx.reader, lang, t: ctx.t };
}

/** /lang [en|ru|uk] */
export async function langCommand(ctx: ParleyContext, arg: string) {
  const lang = arg.toLowerCase();
  if (!lang) {
    const kb = new InlineKeyboard();
    for (const l of LANGS) kb.text(LANG_NAMES[l], langButton.pack(l));
    await ctx.reply(ctx.t("lang-choose", { current: LANG_NAMES[ctx.reader.lang] }), { reply_markup: kb });
    return;
  }
  if (!isLang(lang)) {
    await ctx.reply(ctx.t("lang-bad-arg", { arg: escapeHtml(lang.slice(0, 20)) }));
    return;
  }
  if (!(await isChatAdmin(ctx))) {
    await ctx.reply(ctx.t("admins-only"));
    return;
  }
  await setLang(ctx, lang);
  await ctx.reply(ctx.t("lang-set", { lang: LANG_NAMES[lang] }));
}

/** A language button under /lang. */
export async function langChoiceButton(ctx: ParleyContext, lang: Lang) {
  if (!(await isChatAdmin(ctx))) {
    await ctx.answerCallbackQuery({ text: ctx.t("admins-only"), show_alert: true });
    return;
  }
  await setLang(ctx, lang);
  await ctx.answerCallbackQuery({ text: ctx.t("lang-set", { lang: LANG_NAMES[lang] }) });
  await ctx.editMessageText(ctx.t("lang-set", { lang: LANG_NAMES[lang] })).catch(() => undefined);
}

/** /tz [zone] */
export async function tzCommand(ctx: ParleyContext, arg: string) {
  if (!arg) {
    const now = wallClock(ctx.reader.now, ctx.reader.zone).format("HH:mm");
    await ctx.reply(ctx.t("tz-current", { zone: escapeHtml(ctx.reader.zone), time: now }));
    return;
  }
  const zone = parseZone(arg);
  if (!zone) {
    await ctx.reply(ctx.t("tz-bad-arg", { arg: escapeHtml(arg.slice(0, 40)) }));
    return;
  }
  if (!(await isChatAdmin(ctx))) {
    await ctx.reply(ctx.t("admins-only"));
    return;
  }
  await ctx.deps.prefs.set(ctx.chat!.id, { tz: zone });
  const now = wallClock(ctx.reader.now, zone).format("HH:mm");
  await ctx.reply(ctx.t("tz-set", { zone: escapeHtml(zone), time: now }));
}
