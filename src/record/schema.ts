// The shape of the event log (data/events.json). Pure: no file system, no Telegram.
// Structural checks live in the zod schema; checks that need the whole file (duplicate ids,
// known tracks, real calendar dates, valid IANA zones) live in validate.ts.
import { z } from "zod";

export const LANGS = ["en", "ru", "uk"] as const;
export type Lang = (typeof LANGS)[number];

export const KINDS = ["call", "meeting", "round", "summit", "other"] as const;
export type Kind = (typeof KINDS)[number];

export const STATUSES = ["announced", "scheduled", "held", "postponed", "cancelled"] as const;
export type Status = (typeof STATUSES)[number];

const nonEmpty = z.string().trim().min(1, "must not be empty");

/** Text in up to three languages; at least one is required, the rest fall back (marked). */
export const Localized = z
  .object({ en: nonEmpty.optional(), ru: nonEmpty.optional(), uk: nonEmpty.optional() })
  .strict()
  .refine((t) => Boolean(t.en || t.ru || t.uk), { message: "needs at least one of en, ru, uk" });
export type Localized = z.infer<typeof Localized>;

/** YYYY-MM-DD or YYYY-MM (month known, day not). Calendar validity is checked in validate.ts. */
export const DATE_RE = /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/;
const DateField = z.string().regex(DATE_RE, "must be YYYY-MM-DD or YYYY-MM");

export const Participant = z
  .object({
    name: Localized,
    role: Localized.optional(),
    /** A party code from the entry's `parties` (e.g. "US", "RU", "UA"), or "mediator". */
    side: nonEmpty,
  })
  .strict();
export type Participant = z.infer<typeof Participant>;

export const Source = z
  .object({
    outlet: nonEmpty,
    url: z.url({ message: "must be a full http(s) URL" }).optional(),
    published: DateField.optional(),
    language: z.string().regex(/^[a-z]{2}$/, "must be a two-letter language code such as en, ru, uk"),
  })
  .strict();
export type Source = z.infer<typeof Source>;

export const Place = z
  .object({ city: Localized.optional(), country: Localized.optional(), venue: Localized.optional() })
  .strict();
export type Place = z.infer<typeof Place>;

export const Entry = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,47}$/, "must be a slug: a-z, 0-9 and '-', at most 48 characters"),
    track: nonEmpty,
    kind: z.enum(KINDS, { message: `must be one of ${KINDS.join(", ")}` }),
    status: z.enum(STATUSES, { message: `must be one of ${STATUSES.join(", ")}` }),
    date: DateField.nullable(),
    /** Last day of a multi-day entry (e.g. 23–24 Jan). */
    endDate: DateField.optional(),
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be HH:MM (24-hour)").optional(),
    timezone: nonEmpty.optional(),
    /** Position in the track's numbered series ("round 2"). */
    sequence: z.number().int().positive().optional(),
    place: Place.optional(),
    parties: z.array(nonEmpty).min(1, "needs at least one party"),
    participants: z.array(Participant).default([]),
    title: Localized,
    summary: Localized,
    outcome: Localized.optional(),
    /** Duration in minutes, when reported. */
    durationMinutes: z.number().int().positive().optional(),
    /** Where sources disagree (a date in Moscow time, a venue): both readings, in words. */
    note: Localized.optional(),
    sources: z.array(Source).min(1, "needs at least one source"),
  })
  .strict();
export type Entry = z.infer<typeof Entry>;

export const Track = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, "must be a slug: a-z, 0-9 and '-', at most 32 characters"),
    title: Localized,
    description: Localized.optional(),
  })
  .strict();
export type Track = z.infer<typeof Track>;

export const EventLog = z
  .object({
    tracks: z.array(Track),
    entries: z.array(z.unknown()),
  })
  .strict();
