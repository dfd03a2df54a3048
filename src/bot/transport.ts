// The HTTP client under every grammY Api of the process (the bot's, the sender's, the drafts'
// and the start-up probe's). grammY's default on Node is node-fetch over node:http: a Request,
// a Headers map and a body stream per call, which, with the JSON (de)serialising, is most of
// what a reply costs this process. undici (the client Node's own fetch is built on) sends the
// same request from its connection pool with far fewer objects: the bot's CPU per /latest reply
// fell by about a quarter (npm run bench, item 3). grammY asks only one thing of a response,
// its parsed JSON body (core/client.js), so that is all this returns.
//
// undici's index loads all of undici (fetch, WebSocket, caches, mocks): some 165 ms of every
// start-up. The two modules used here load in 50: the connection pool (Agent) and the request
// API, called on the pool as undici's own request() does. Paths of undici 7.30 (pinned in package.json).
import { createRequire } from "node:module";
import type { Agent as AgentClass, Dispatcher } from "undici";

const load = createRequire(import.meta.url);
const Agent = load("undici/lib/dispatcher/agent.js") as typeof AgentClass;
const requestOn = load("undici/lib/api/api-request.js") as (this: Dispatcher, opts: Dispatcher.RequestOptions) => Promise<Dispatcher.ResponseData>;

/** What grammY passes to `fetch` (core/client.js): a JSON string, or a form-data stream for uploads. */
interface GrammyFetchInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string | NodeJS.ReadableStream | AsyncIterable<Uint8Array>;
  signal?: AbortSignal;
}

// One pool per process: connections to the Bot API are kept alive (undici's idle timeout, or the
// server's Keep-Alive hint) and reused across Api objects. A long poll holds its connection for
// up to its timeout (30 s here, 50 s at most as Telegram allows), so neither undici timeout may
// cut it short.
const agent = new Agent({ headersTimeout: 120_000, bodyTimeout: 120_000 });

/** grammY's `client.fetch` (the `fetch` option of `new Bot` and `new Api`). */
export const telegramFetch = (async (url: string | URL, init: GrammyFetchInit = {}) => {
  const target = typeof url === "string" ? new URL(url) : url;
  const res = await requestOn.call(agent, {
    origin: target.origin,
    path: target.pathname + target.search,
    method: (init.method ?? "GET") as Dispatcher.HttpMethod,
    headers: init.headers,
    body: init.body as string | undefined,
    signal: init.signal,
  });
  return { ok: res.statusCode >= 200 && res.statusCode < 300, status: res.statusCode, json: () => res.body.json() };
}) as unknown as typeof fetch;

/** The client options of every Api the process makes: one root, one transport. */
export function apiClient(apiRoot: string, options: { timeoutSeconds?: number } = {}): { apiRoot: string; fetch: typeof fetch; timeoutSeconds?: number } {
  return { apiRoot, fetch: telegramFetch, ...options };
}
