// Caching by record version: everything we serve is a function of the record (and of the
// query and language), so an ETag made of the record's version and the request's variant lets a
// client revalidate with a 304 instead of a download, and lets us skip rendering entirely.
import { createHash } from "node:crypto";
import type { Context } from "hono";
import type { RecordView } from "../record/record.ts";

const versions = new WeakMap<RecordView, string>();

/**
 * The record's version: a hash of every entry's text hash and the tracks, computed once per
 * loaded record (a reload makes a new RecordView), so equal files give equal versions across
 * restarts and any edit gives a new one.
 */
export function recordVersion(record: RecordView): string {
  let v = versions.get(record);
  if (!v) {
    const h = createHash("sha1");
    h.update(JSON.stringify(record.tracks));
    for (const ref of record.byId.values()) h.update(ref.hash);
    v = h.digest("base64url").slice(0, 16);
    versions.set(record, v);
  }
  return v;
}

/** An ETag for a response derived from `version` (and the request's variant, e.g. query and language). */
export function etagFor(version: string, variant = ""): string {
  const tag = variant ? `${version}.${createHash("sha1").update(variant).digest("base64url").slice(0, 12)}` : version;
  return `"${tag}"`;
}

/**
 * Sets ETag and Cache-Control; true when the client already holds this version (answer 304).
 * Clients may cache for `maxAge` seconds, then must revalidate: a change to the record shows
 * within that time.
 */
export function notModified(c: Context, etag: string, maxAge: number): boolean {
  c.header("ETag", etag);
  c.header("Cache-Control", `public, max-age=${maxAge}, must-revalidate`);
  const inm = c.req.header("If-None-Match");
  if (!inm) return false;
  return inm === "*" || inm.split(",").some((t) => t.trim().replace(/^W\//, "") === etag);
}
