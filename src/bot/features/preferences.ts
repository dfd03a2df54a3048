// /lang and /tz: per-chat choices, stored so they survive restarts. In groups only
// administrators may change them, since they change what everyone in the chat reads.
import { Composer, InlineKeyboard } from "grammy";
import { escapeHtml } from "../../present/html.ts";
import { isLang } from "../../present/translate.ts";
import { parseZone } from "../../record/validate.ts";
import { wallClock } from "../../present/dates.ts";
import { LANGS, type Lang } from "../../record/schema.ts";
import type { ParleyContext } from "../context.ts";

export const preferences = new Composer<ParleyContext>();

const LANG_NAMES: Record<Lang, string> = { en: "English", ru: "Русский", uk: "Українська" };

export async function mayConfigure(ctx: ParleyContext): Promise<boolean> {
  if (!ctx.chat || ctx.chat.type === "private") return true;
  // An anonymous administrator writes as the group itself.
  if (ctx.msg?.sender_chat?.id === ctx.chat.id) return true;
  if (!ctx.from) return false;
  const member = await ctx.getChatMember(ctx.from.id);
  return member.status === "creator" || member.status === "administrator";
}

async function setLang(ctx: ParleyContext, lang: Lang) {
  await ctx.deps.prefs.set(ctx.chat!.id, { lang });
  ctx.i18n.useLocale(lang);
  ctx.reader = { ...ctx.reader, lang, t: ctx.t };
}

preferences.command("lang", async (ctx) => {
  const arg = ctx.match.trim().toLowerCase();
  if (!arg) {
    const kb = new InlineKeyboard();
    for (const l of LANGS) kb.text(LANG_NAMES[l], `lang:${l}`);
    await ctx.reply(ctx.t("lang-choose", { current: LANG_NAMES[ctx.reader.lang] }), { parse_mode: "HTML", reply_markup: kb });
    return;
  }
  if (!isLang(arg)) {
    await ctx.reply(ctx.t("lang-bad-arg", { arg: escapeHtml(arg.slice(0, 20)) }), { parse_mode: "HTML" });
    return;
  }
  if (!(await mayConfigure(ctx))) {
    await ctx.reply(ctx.t("admins-only"), { parse_mode: "HTML" });
    return;
  }
  await setLang(ctx, arg);
  await ctx.reply(ctx.t("lang-set", { lang: LANG_NAMES[arg] }), { parse_mode: "HTML" });
});

preferences.callbackQuery(/^lang:(en|ru|uk)$/, async (ctx) => {
  if (!(await mayConfigure(ctx))) {
    await ctx.answerCallbackQuery({ text: ctx.t("admins-only"), show_alert: true });
    return;
  }
  const lang = ctx.match[1] as Lang;
  await setLang(ctx, lang);
  await ctx.answerCallbackQuery({ text: ctx.t("lang-set", { lang: LANG_NAMES[lang] }) });
  await ctx.editMessageText(ctx.t("lang-set", { lang: LANG_NAMES[lang] }), { parse_mode: "HTML" }).catch(() => undefined);
});

preferences.command("tz", async (ctx) => {
  const arg = ctx.match.trim();
  if (!arg) {
    const now = wallClock(ctx.reader.now, ctx.reader.zone).format("HH:mm");
    await ctx.reply(ctx.t("tz-current", { zone: escapeHtml(ctx.reader.zone), time: now }), { parse_mode: "HTML" });
    return;
  }
  const zone = parseZone(arg);
  if (!zone) {
    await ctx.reply(ctx.t("tz-bad-arg", { arg: escapeHtml(arg.slice(0, 40)) }), { parse_mode: "HTML" });
    return;
  }
  if (!(await mayConfigure(ctx))) {
    await ctx.reply(ctx.t("admins-only"), { parse_mode: "HTML" });
    return;
  }
  await ctx.deps.prefs.set(ctx.chat!.id, { tz: zone });
  const now = wallClock(ctx.reader.now, zone).format("HH:mm");
  await ctx.reply(ctx.t("tz-set", { zone: escapeHtml(zone), time: now }), { parse_mode: "HTML" });
});
