// An article behind a link an editor sends: fetched by the feeds' polite fetcher (timeout, size
// cap, redirect cap, robots.txt, per-host pacing, the outlets' character sets) and reduced to its
// story by page.ts.
import { FetchError, type Fetcher } from "./fetching/fetcher.ts";
import { articleFromHtml, looksLikeHtml, type PageArticle } from "../ingest/page.ts";

export type FetchPage = (url: string) => Promise<PageArticle>;

/** The reason a page could not be read, in words an editor can act on. */
export class PageError extends Error {
  override name = "PageError";
}

export function pageFetcher(fetcher: Fetcher): FetchPage {
  return async (url) => {
    let fetched;
    try {
      fetched = await fetcher.get(url, { accept: "text/html,application/xhtml+xml,text/plain;q=0.8" });
    } catch (err) {
      throw new PageError(err instanceof FetchError ? err.message : (err as Error).message, { cause: err });
    }
    // Unconditional requests are never answered 304; keep the type honest all the same.
    if (fetched.status !== 200) throw new PageError(`HTTP ${fetched.status}`);
    if (!looksLikeHtml(fetched.text)) return { text: fetched.text };
    const page = articleFromHtml(fetched.text);
    if (!page.text.trim()) throw new PageError("no article text found in the page");
    return page;
  };
}
