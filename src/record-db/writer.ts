// Writes to the record in PostgreSQL, with the file writer's rules and answers (record-file/
// writer.ts: the same WriteResult, the same problems in validate.ts's words). Every write is
// one transaction: lock the version row (writers on every replica queue there), read what the
// change needs, check the result with the same checks as the file, change the rows, bump the
// version, append the audit rows, NOTIFY parley_record. A refused write changes nothing.
//
// Validation: the file writer re-validates the whole file because anyone may have edited it by
// hand since. Here nothing reaches the tables but through these checks, so the record already
// stands validated; each write checks what it adds or changes with checkEntry (every rule of
// the file's validation that concerns one entry: schema, known track, real dates, zones), and
// the keys and the foreign key hold the rules across entries (one id once, known tracks). That
// keeps a write as cheap on 100,000 entries as on ten.
import type { Db, Queryable } from "../db/pool.ts";
import { applyEdit, type EntryEdit } from "../editorial/entry.ts";
import type { DeskWriter } from "../editorial/desk-writer.ts";
import { appendedItems, EMPTY_LAYOUT, emptiedFrame, endingInNewline, indentBefore, type Layout } from "../record/file-form.ts";
import { keepKeyOrder, sameJson } from "../record/json-layout.ts";
import { replacedItemText } from "../record/record-operation.ts";
import type { Entry } from "../record/schema.ts";
import { checkEntry, checkNewTrack, type RecordProblem } from "../record/validate.ts";
import type { Actor, AuditRecord, EntryAuditRecord } from "../record-file/audit-log.ts";
import type { AddAllResult, TrackWriteResult, WriteResult } from "../record-file/writer.ts";
import { entryHistory, insertAudit } from "./audit.ts";
import { insertEntries, insertTracks, lockVersion, notifyChanged, RECORD_NAME } from "./rows.ts";

type Draft = Omit<AuditRecord, "at" | "actor">;
type Plan<R> = { problems: RecordProblem[] } | { result: R; audit?: Draft[]; layout?: Layout };

interface Current {
  tx: Queryable;
  /** The version after this write. */
  version: number;
  layout: Layout;
  trackIds: Set<string>;
  at: Date;
}

/** The record's writes, as RecordWriter has them; the CLI and the bot's desk use either. */
export interface RecordWrites {
  add(entry: unknown, actor: Actor): Promise<WriteResult>;
  addAll(inputs: unknown[], actor: Actor): Promise<AddAllResult>;
  update(id: string, change: (e: Entry) => Entry | unknown, actor: Actor): Promise<WriteResult>;
  revert(id: string, actor: Actor): Promise<WriteResult>;
  addTrack(track: unknown, actor: Actor): Promise<TrackWriteResult>;
  history(id: string): Promise<EntryAuditRecord[]>;
}

export class PgRecordWriter implements RecordWrites {
  readonly #db: Db;
  readonly #clock: () => Date;
  /** Named in problems where the file writer names its file. */
  readonly name: string;

  constructor(db: Db, opts: { clock?: () => Date; name?: string } = {}) {
    this.#db = db;
    this.#clock = opts.clock ?? (() => new Date());
    this.name = opts.name ?? RECORD_NAME;
  }

  async add(entry: unknown, actor: Actor): Promise<WriteResult> {
    const result = await this.addAll([entry], actor);
    return result.ok ? { ok: true, entry: result.entries[0] } : result;
  }

  /** Appends several entries in one write: all of them or, if any is refused, none. */
  addAll(inputs: unknown[], actor: Actor): Promise<AddAllResult> {
    return this.#transact(actor, async (cur): Promise<Plan<AddAllResult>> => {
      const problems: RecordProblem[] = [];
      const added: Entry[] = [];
      const shaped: unknown[] = [];
      const ids = new Set<string>();
      inputs.forEach((input, i) => {
        const label = inputs.length > 1 ? `(new #${i + 1})` : "(new)";
        const checked = checkEntry(input, this.name, cur.trackIds, label);
        if (!checked.entry) return problems.push(...checked.problems);
        if (ids.has(checked.entry.id)) return problems.push(this.#taken(checked.entry.id));
        ids.add(checked.entry.id);
        added.push(checked.entry);
        shaped.push(keepKeyOrder(input, checked.entry));
      });
      const { rows: existing } = await cur.tx.query<{ id: string }>("SELECT id FROM record_entries WHERE id = ANY($1::text[])", [[...ids]]);
      const taken = new Set(existing.map((r) => r.id));
      for (const e of added) if (taken.has(e.id)) problems.push(this.#taken(e.id));
      if (problems.length) return { problems };
      if (!added.length) return { result: { ok: true, entries: [] } };
      const { rows } = await cur.tx.query<{ last: string | null }>("SELECT max(position) AS last FROM record_entries");
      const last = rows[0].last;
      const appended = appendedItems(cur.layout.entries, last === null, shaped);
      await insertEntries(cur.tx, { entries: appended.items }, added, cur.version, cur.at, last === null ? 0 : Number(last) + 1);
      return {
        result: { ok: true, entries: added },
        audit: added.map((e) => ({ action: "add", id: e.id, before: null, after: e })),
        layout: { ...cur.layout, entries: appended.frame },
      };
    });
  }

  /**
   * Applies `change` to the entry as it stands (a copy; mutating it is fine) and writes the
   * result if it is valid. The id cannot change: the audit log is keyed by it. `change` runs
   * again if the transaction is retried, so it should do nothing else.
   */
  update(id: string, change: (e: Entry) => Entry | unknown, actor: Actor): Promise<WriteResult> {
    return this.#transact(actor, async (cur): Promise<Plan<WriteResult>> => {
      const found = await this.#entry(cur, id);
      if ("problems" in found) return found;
      if (!found.entry) return { problems: [{ file: this.name, entry: `"${id}"`, message: `no entry with id "${id}"` }] };
      const before = found.entry;
      const checked = checkEntry(change(structuredClone(before)), this.name, cur.trackIds, `"${id}"`);
      if (!checked.entry) return { problems: checked.problems };
      const after = checked.entry;
      if (after.id !== id) {
        return { problems: [{ file: this.name, entry: `"${id}"`, field: "id", message: `an id cannot be changed (to "${after.id}"); add a new entry instead` }] };
      }
      if (sameJson(before, after)) return { result: { ok: true, entry: after, before } };
      await this.#replace(cur, found, after);
      return { result: { ok: true, entry: after, before }, audit: [{ action: "update", id, before, after }] };
    });
  }

  /**
   * Undoes the entry's last recorded change: restores its `before`, or removes the entry if
   * that change added it. Refuses when the entry no longer matches what that change left (an
   * import replaced it since): reverting would silently throw that away.
   */
  revert(id: string, actor: Actor): Promise<WriteResult> {
    return this.#transact(actor, async (cur): Promise<Plan<WriteResult>> => {
      const last = (await entryHistory(cur.tx, id)).at(-1);
      const found = await this.#entry(cur, id);
      if ("problems" in found) return found;
      if (!last) {
        const why = found.entry ? "; entries that came with an import are not in the audit log" : "";
        return { problems: [{ file: this.name, entry: `"${id}"`, message: `no recorded change to entry "${id}" to revert${why}` }] };
      }
      const now = found.entry ?? null;
      if (!sameJson(now, last.after)) {
        return {
          problems: [
            {
              file: this.name,
              entry: `"${id}"`,
              message: `the entry was changed after its last recorded change (${last.action} at ${last.at}), probably by an import; reverting would lose that change, so edit it directly instead`,
            },
          ],
        };
      }
      if (!now && !last.before) return { problems: [{ file: this.name, entry: `"${id}"`, message: "nothing to revert" }] };
      const audit: Draft[] = [{ action: "revert", id, before: now, after: last.before }];
      if (last.before === null) {
        const layout = await this.#remove(cur, found);
        return { result: { ok: true, entry: now!, before: now!, removed: true }, audit, layout };
      }
      const restored = checkEntry(last.before, this.name, cur.trackIds, `"${id}"`);
      if (!restored.entry) return { problems: restored.problems };
      if (now) {
        await this.#replace(cur, found, restored.entry);
        return { result: { ok: true, entry: restored.entry, before: now }, audit };
      }
      const { rows } = await cur.tx.query<{ last: string | null }>("SELECT max(position) AS last FROM record_entries");
      const appended = appendedItems(cur.layout.entries, rows[0].last === null, [keepKeyOrder(last.before, restored.entry)]);
      await insertEntries(cur.tx, { entries: appended.items }, [restored.entry], cur.version, cur.at, rows[0].last === null ? 0 : Number(rows[0].last) + 1);
      return { result: { ok: true, entry: restored.entry }, audit, layout: { ...cur.layout, entries: appended.frame } };
    });
  }

  /** Appends a track. Refuses an invalid track and an id already in use. */
  addTrack(track: unknown, actor: Actor): Promise<TrackWriteResult> {
    return this.#transact(actor, async (cur): Promise<Plan<TrackWriteResult>> => {
      const checked = checkNewTrack(track, this.name, cur.trackIds);
      if (checked.problems) return { problems: checked.problems };
      const t = checked.track;
      const { rows } = await cur.tx.query<{ last: number | null }>("SELECT max(position) AS last FROM record_tracks");
      const appended = appendedItems(cur.layout.tracks, rows[0].last === null, [keepKeyOrder(track, t)]);
      await insertTracks(cur.tx, appended.items, [t.id], rows[0].last === null ? 0 : rows[0].last + 1);
      return { result: { ok: true, track: t }, audit: [{ action: "add-track", id: t.id, before: null, after: t }], layout: { ...cur.layout, tracks: appended.frame } };
    });
  }

  /** The recorded changes to one entry, oldest first. */
  history(id: string): Promise<EntryAuditRecord[]> {
    return entryHistory(this.#db, id);
  }

  #taken(id: string): RecordProblem {
    return { file: this.name, entry: `"${id}"`, field: "id", message: `an entry with id "${id}" already exists; choose another id` };
  }

  async #entry(cur: Current, id: string): Promise<{ entry?: Entry; row?: EntryRowText } | { problems: RecordProblem[] }> {
    const { rows } = await cur.tx.query<EntryRowText>("SELECT position, lead, text FROM record_entries WHERE id = $1", [id]);
    if (!rows.length) return {};
    const checked = checkEntry(JSON.parse(rows[0].text), this.name, cur.trackIds, `"${id}"`);
    return checked.entry ? { entry: checked.entry, row: rows[0] } : { problems: checked.problems };
  }

  /** Rewrites only the members that changed, as the file writer splices them. */
  async #replace(cur: Current, found: { row?: EntryRowText }, after: Entry): Promise<void> {
    const row = found.row!;
    const raw: unknown = JSON.parse(row.text);
    const indent = indentBefore(row.lead || cur.layout.entries.open, cur.layout.entries.indent);
    const text = replacedItemText(row.text, indent, raw, keepKeyOrder(raw, after));
    await cur.tx.query(
      `UPDATE record_entries SET text = $2, track = $3, kind = $4, status = $5, date = $6, end_date = $7, time = $8, timezone = $9, sequence = $10, version = $11, updated = $12
        WHERE position = $1`,
      [row.position, text, after.track, after.kind, after.status, after.date, after.endDate ?? null, after.time ?? null, after.timezone ?? null, after.sequence ?? null, cur.version, cur.at],
    );
  }

  /** Removes an entry; the first of the list takes the separator after it along, as in the file. */
  async #remove(cur: Current, found: { row?: EntryRowText }): Promise<Layout> {
    const row = found.row!;
    await cur.tx.query("DELETE FROM record_entries WHERE position = $1", [row.position]);
    if (row.lead !== "") return cur.layout;
    const { rowCount } = await cur.tx.query("UPDATE record_entries SET lead = '' WHERE position = (SELECT min(position) FROM record_entries)");
    return rowCount ? cur.layout : { ...cur.layout, entries: emptiedFrame(cur.layout.entries) };
  }

  /** Lock the version, plan and apply, bump the version, audit, notify: one transaction. */
  #transact<R>(actor: Actor, apply: (cur: Current) => Promise<Plan<R>>): Promise<R | { ok: false; problems: RecordProblem[] }> {
    const refused = new Refused();
    return this.#db
      .transaction(async (tx) => {
        const version = (await lockVersion(tx)) + 1;
        const { rows: head } = await tx.query<{ layout: Layout | null }>("SELECT layout FROM record_version");
        const { rows: tracks } = await tx.query<{ id: string }>("SELECT id FROM record_tracks");
        const at = this.#clock();
        const cur: Current = { tx, version, layout: head[0].layout ?? EMPTY_LAYOUT, trackIds: new Set(tracks.map((t) => t.id)), at };
        const plan = await apply(cur);
        // A refusal rolls back whatever the plan had begun.
        if ("problems" in plan) throw refused.with(plan.problems);
        if (!plan.audit?.length) throw refused.unchanged(plan.result);
        await tx.query("UPDATE record_version SET version = $1, layout = $2, updated = $3", [version, JSON.stringify(endingInNewline(plan.layout ?? cur.layout)), at]);
        await insertAudit(tx, version, plan.audit.map((d) => ({ at: at.toISOString(), actor, ...d }) as AuditRecord));
        await notifyChanged(tx, version);
        return plan.result;
      })
      .catch((err: unknown) => {
        if (err !== refused) throw err;
        return refused.answer as R | { ok: false; problems: RecordProblem[] };
      });
  }
}

/** Thrown out of a transaction to roll it back, carrying the answer the caller gets. */
class Refused {
  answer: unknown;
  with(problems: RecordProblem[]): this {
    this.answer = { ok: false, problems };
    return this;
  }
  unchanged(result: unknown): this {
    this.answer = result;
    return this;
  }
}

interface EntryRowText {
  position: string;
  lead: string;
  text: string;
}

/** The bot's editorial desk on the record in PostgreSQL: the writes are cheap, so no worker thread. */
export function pgDeskWriter(writer: PgRecordWriter): DeskWriter {
  return {
    add: (entry, actor) => writer.add(entry, actor),
    addTrack: (track, actor) => writer.addTrack(track, actor),
    update: (id, change: EntryEdit, actor) => writer.update(id, (e) => applyEdit(e, change), actor),
    history: (id) => writer.history(id),
    close: async () => {},
    offThread: false,
  };
}
