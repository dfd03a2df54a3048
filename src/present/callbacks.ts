// The data behind the bot's inline buttons: one codec per kind of button, used by every file
// that builds such a button (the bot's replies, the digest) and by the one place that reads
// them (the bot's dispatch, which routes on the kind). Data is "<kind>:<fields>" and must fit
// Telegram's 64 bytes, checked when a button is built, not when Telegram refuses the message.
import { LANGS, type Lang } from "../record/schema.ts";
import { LIMITS } from "./html.ts";

export interface ButtonCodec<T> {
  /** What the data starts with, and what the dispatch routes on. */
  readonly kind: string;
  /** The button's callback data; throws when it would not fit Telegram's 64 bytes. */
  pack(value: T): string;
  /** The value back, or undefined for data of another kind or of a shape this codec never wrote. */
  parse(data: string): T | undefined;
}

/**
 * The kind of any button's data: the leading run of lowercase letters and hyphens. That also
 * reads the ids the settings menu plugin writes ("s-t/0/1/…"), so its buttons route the same way.
 */
export function buttonKind(data: string): string {
  return /^[a-z-]*/.exec(data)![0];
}

function codec<T>(kind: string, write: (value: T) => string, read: (fields: string) => T | undefined): ButtonCodec<T> {
  const prefix = `${kind}:`;
  return {
    kind,
    pack(value) {
      const data = prefix + write(value);
      if (Buffer.byteLength(data, "utf8") > LIMITS.callbackData) throw new RangeError(`callback data over ${LIMITS.callbackData} bytes: ${data}`);
      return data;
    },
    // A bare kind (no colon) reads as empty fields: the "nx" of messages sent before /next had pages.
    parse: (data) => (data === kind ? read("") : data.startsWith(prefix) ? read(data.slice(prefix.length)) : undefined),
  };
}

/** 🔎 One entry in full (/event). */
export const eventButton = codec<string>(
  "ev",
  (id) => id,
  (f) => (/^[a-z0-9-]{1,48}$/.test(f) ? f : undefined),
);

/** A page of /latest: from `offset`, `limit` entries a page. */
export const latestPage = codec<{ offset: number; limit: number }>(
  "lt",
  ({ offset, limit }) => `${offset}:${limit}`,
  (f) => {
    const m = /^(\d{1,7}):(\d{1,2})$/.exec(f);
    return m ? { offset: Number(m[1]), limit: Number(m[2]) } : undefined;
  },
);

/** A page of /next, from `offset`. */
export const nextPage = codec<number>(
  "nx",
  (offset) => String(offset),
  (f) => {
    const m = /^(\d{1,7})?$/.exec(f);
    return m ? Number(m[1] ?? 0) : undefined;
  },
);

/** A page of one series' history (/track). */
export const trackPage = codec<{ track: string; offset: number }>(
  "tr",
  ({ track, offset }) => `${track}:${offset}`,
  (f) => {
    const m = /^([a-z0-9-]{1,32}):(\d{1,7})$/.exec(f);
    return m ? { track: m[1], offset: Number(m[2]) } : undefined;
  },
);

export const SHORTCUTS = ["latest", "next", "subscribe"] as const;
export type Shortcut = (typeof SHORTCUTS)[number];

/** The /start greeting's buttons. */
export const shortcutButton = codec<Shortcut>(
  "go",
  (s) => s,
  (f) => SHORTCUTS.find((s) => s === f),
);

/** /lang without an argument: one button a language. */
export const langButton = codec<Lang>(
  "lang",
  (l) => l,
  (f) => LANGS.find((l) => l === f),
);

/**
 * An answer to one of the editorial desk's questions: `scope` names the question, so a button
 * left over from an earlier one is recognised. Read by the conversation, never by the dispatch.
 */
export const deskAnswer = codec<{ scope: string; choice: string }>(
  "ed",
  ({ scope, choice }) => `${scope}:${choice}`,
  (f) => {
    const m = /^([a-z]{1,8}):(.+)$/s.exec(f);
    return m ? { scope: m[1], choice: m[2] } : undefined;
  },
);

/** 📅 One entry as an .ics document. */
export const calendarButton = codec<string>(
  "ics",
  (id) => id,
  (f) => (/^[a-z0-9-]{1,48}$/.test(f) ? f : undefined),
);

export const DRAFT_ACTIONS = { p: "publish", e: "edit", r: "reject", n: "irrelevant", o: "open" } as const;
export type DraftAction = (typeof DRAFT_ACTIONS)[keyof typeof DRAFT_ACTIONS];
const DRAFT_ACTION_CODES = Object.fromEntries(Object.entries(DRAFT_ACTIONS).map(([code, action]) => [action, code])) as Record<DraftAction, string>;

/** An editor's decision on a draft (Publish, Edit, Reject, Not relevant), or opening it from /drafts. */
export const draftButton = codec<{ action: DraftAction; id: string }>(
  "dr",
  ({ action, id }) => `${DRAFT_ACTION_CODES[action]}:${id}`,
  (f) => {
    const m = /^([perno]):(d[0-9a-z]{1,10})$/.exec(f);
    return m && m[1] in DRAFT_ACTIONS ? { action: DRAFT_ACTIONS[m[1] as keyof typeof DRAFT_ACTIONS], id: m[2] } : undefined;
  },
);

/** A page of /drafts, from `offset`. */
export const draftsPage = codec<number>(
  "dl",
  (offset) => String(offset),
  (f) => {
    const m = /^(\d{1,6})$/.exec(f);
    return m ? Number(m[1]) : undefined;
  },
);
