// An article behind a link an editor sends: fetched once, politely bounded (a timeout, a size
// cap, a few redirects), and reduced to its story by page.ts. The feed poller's fetcher, with
// its per-host pacing and robots.txt, can stand in for this one: the bot takes any FetchPage.
import { articleFromHtml, looksLikeHtml, type PageArticle } from "./page.ts";

export type FetchPage = (url: string) => Promise<PageArticle>;

const TIMEOUT_MS = 15_000;
const MAX_BYTES = 3 * 1024 * 1024;
const USER_AGENT = "Parley/1.0 (news desk bot; fetches a page an editor sent)";

/** The reason a page could not be read, in words an editor can act on. */
export class PageError extends Error {
  override name = "PageError";
}

export const fetchPage: FetchPage = async (url) => {
  // Through globalThis, not the bare global names: in the bundle, a bare `AbortSignal` makes
  // esbuild rename the abort-controller shim's class grammY's HTTP client uses, whose name
  // node-fetch checks ("Expected signal to be an instanceof AbortSignal" on every API call).
  const controller = new globalThis.AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  timer.unref();
  try {
    return await readPage(url, controller.signal);
  } catch (err) {
    if (controller.signal.aborted) throw new PageError(`no answer within ${TIMEOUT_MS / 1000} s`, { cause: err });
    throw err instanceof PageError ? err : new PageError((err as Error).message, { cause: err });
  } finally {
    clearTimeout(timer);
  }
};

async function readPage(url: string, signal: AbortSignal): Promise<PageArticle> {
  const response = await fetch(url, { signal, redirect: "follow", headers: { "user-agent": USER_AGENT, accept: "text/html,application/xhtml+xml,text/plain;q=0.8" } });
  if (!response.ok) throw new PageError(`HTTP ${response.status} ${response.statusText}`);
  const declared = Number(response.headers.get("content-length") ?? 0);
  if (declared > MAX_BYTES) throw new PageError(`the page is over ${MAX_BYTES / 1024 / 1024} MB`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += chunk.byteLength;
    if (size > MAX_BYTES) throw new PageError(`the page is over ${MAX_BYTES / 1024 / 1024} MB`);
    chunks.push(chunk);
  }
  const body = new TextDecoder(charsetOf(response.headers.get("content-type")) ?? "utf-8").decode(Buffer.concat(chunks));
  if (!looksLikeHtml(body)) return { text: body };
  const page = articleFromHtml(body);
  if (!page.text.trim()) throw new PageError("no article text found in the page");
  return page;
}

function charsetOf(contentType: string | null): string | undefined {
  const m = /charset=["']?([\w-]+)/i.exec(contentType ?? "");
  if (!m) return undefined;
  try {
    new TextDecoder(m[1]);
    return m[1];
  } catch {
    return undefined;
  }
}
