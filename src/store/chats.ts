// Per-chat choices (language, time zone), kept across restarts in state/chats.json, and the two
// rules every part of Parley applies to them: how a chat's language and zone are resolved, and
// what moves when a group becomes a supergroup.
import type { Lang } from "../record/schema.ts";
import { langFromCode } from "../present/translate.ts";
import { JsonStore } from "./json-store.ts";
import type { SubscriptionStore } from "./subscriptions.ts";

export interface ChatPrefs {
  lang?: Lang;
  tz?: string;
}

interface ChatsFile {
  chats: { [chatId: string]: ChatPrefs };
}

/**
 * Per-chat choices, whichever back end keeps them (files: FileChatPrefsStore below; PostgreSQL:
 * src/store-db/chats.ts). Reads come from memory; a write resolves once it is stored.
 */
export interface ChatPrefsStore {
  get(chatId: number | string): ChatPrefs;
  set(chatId: number | string, change: Partial<ChatPrefs>): Promise<void>;
  /** A group became a supergroup: its choices follow it to the new id (the new chat's own choices win). */
  migrate(from: number, to: number): Promise<void>;
  /** Waits for every write started so far. */
  flush(): Promise<void>;
}

/** The file back end: state/chats.json. */
export class FileChatPrefsStore implements ChatPrefsStore {
  constructor(readonly store: JsonStore<ChatsFile>) {}

  static open(file: string): FileChatPrefsStore {
    return new FileChatPrefsStore(
      JsonStore.open<ChatsFile>(file, () => ({ chats: {} }), (d): d is ChatsFile => typeof (d as ChatsFile).chats === "object"),
    );
  }

  get(chatId: number | string): ChatPrefs {
    return this.store.data.chats[String(chatId)] ?? {};
  }

  set(chatId: number | string, change: Partial<ChatPrefs>): Promise<void> {
    return this.store.update((d) => {
      d.chats[String(chatId)] = { ...d.chats[String(chatId)], ...change };
    });
  }

  /** A group became a supergroup: its choices follow it to the new id. */
  migrate(from: number, to: number): Promise<void> {
    return this.store.update((d) => {
      const prefs = d.chats[String(from)];
      if (!prefs) return;
      d.chats[String(to)] = { ...prefs, ...d.chats[String(to)] };
      delete d.chats[String(from)];
    });
  }

  flush(): Promise<void> {
    return this.store.flush();
  }
}

/** A chat's language and zone as everything Parley sends to it uses them. */
export interface ChatLocale {
  lang: Lang;
  zone: string;
}

/**
 * The one rule for a chat's language and zone: its stored choice; else (language only) the
 * Telegram language of the user who wrote, when there is one; else English and the default zone.
 */
export function chatLocale(prefs: ChatPrefsStore, chatId: number | string | undefined, defaultZone: string, userLanguageCode?: string): ChatLocale {
  const stored = chatId !== undefined ? prefs.get(chatId) : {};
  return { lang: stored.lang ?? langFromCode(userLanguageCode) ?? "en", zone: stored.tz ?? defaultZone };
}

/**
 * A group upgraded to a supergroup gets a new id: its subscriptions and choices follow it.
 * Telegram says so in a service message in both chats and in a refusal of a send to the old id;
 * any of the three may come first, and moving twice is a no-op. Returns how many subscriptions moved.
 */
export async function moveChat(stores: { subscriptions: SubscriptionStore; prefs: ChatPrefsStore }, from: number, to: number): Promise<number> {
  const moved = await stores.subscriptions.migrate(from, to);
  await stores.prefs.migrate(from, to);
  return moved;
}
