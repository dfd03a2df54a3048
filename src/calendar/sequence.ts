// An entry's SEQUENCE in a calendar (RFC 5545): raised whenever its date, time, place or status
// changes, so calendar apps move the event instead of adding a copy. The same number in every
// calendar Parley gives out: the HTTP feeds and the "Add to calendar" file in Telegram.
import { detectChanges } from "../digest/changes.ts";
import type { RecordView } from "../record/record.ts";
import type { Entry } from "../record/schema.ts";
import { REVISING, type AnnouncedStore } from "../store/announced.ts";

/**
 * The entry's SEQUENCE: the revisions announced so far (AnnouncedStore#revision), plus one while
 * its date, place or status differs from what was last announced, so the calendar moves the
 * event as soon as the record changes, before the digest job has announced it, and the number
 * stays the same once it has (the job then records that very revision).
 */
export function sequenceOf(e: Entry, record: RecordView, announced: AnnouncedStore | undefined): number {
  if (!announced) return 0;
  const was = announced.entries[e.id];
  const ref = record.byId.get(e.id);
  let pending = false;
  if (was && !was.removed && ref) {
    // The digest job's own comparison, on this one entry (cheap when its text is unchanged).
    const { changes } = detectChanges({ [e.id]: was }, [ref], () => e);
    pending = changes.some((c) => REVISING.has(c.type));
  }
  return announced.revision(e.id) + (pending ? 1 : 0);
}
