// Per-chat choices (language, time zone), kept across restarts in state/chats.json.
import type { Lang } from "../record/schema.ts";
import { JsonStore } from "./json-store.ts";

export interface ChatPrefs {
  lang?: Lang;
  tz?: string;
}

interface ChatsFile {
  chats: { [chatId: string]: ChatPrefs };
}

export class ChatPrefsStore {
  constructor(readonly store: JsonStore<ChatsFile>) {}

  static open(file: string): ChatPrefsStore {
    return new ChatPrefsStore(
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
}
