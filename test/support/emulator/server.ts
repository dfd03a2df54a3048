// The emulator's HTTP front: `POST ${apiRoot}/bot${token}/${method}` on 127.0.0.1, with a JSON
// (or urlencoded / query-string) body, answered with what the facade decides, after the
// simulated round trip. Nothing Telegram-specific is decided here.

import http from "node:http";
import type { AddressInfo } from "node:net";
import { parseParams } from "./wire.ts";

/** How the facade answers one request. */
export type Reply =
  | { kind: "answer"; status: number; body: string; contentType: string }
  /** No response at all: the connection is cut (a network failure). */
  | { kind: "drop" }
  /** The client went away before the answer (nothing to write). */
  | { kind: "gone" };

export interface Request {
  token: string;
  method: string;
  /** The parameters; throws if the body cannot be parsed. */
  params: () => Record<string, any>;
  onClientGone(abort: () => void): void;
}

export type Handle = (request: Request) => Promise<Reply>;

export class HttpFront {
  private server: http.Server;
  private port = 0;

  constructor(handle: Handle, private readonly latencyMs: () => number) {
    this.server = http.createServer((req, res) => {
      this.onRequest(handle, req, res).catch((err) => {
        // A bug in the emulator itself: make it loud, but answer like Telegram's 500.
        console.error("[emulator] internal error:", err);
        if (!res.headersSent) this.write(res, 500, JSON.stringify({ ok: false, error_code: 500, description: "Internal Server Error" }));
      });
    });
    // Clients (grammY uses keep-alive) must not race the server closing idle sockets.
    this.server.keepAliveTimeout = 120_000;
    this.server.headersTimeout = 121_000;
    this.server.requestTimeout = 0; // long polls
  }

  /** "http://127.0.0.1:PORT" — grammY's `client.apiRoot`. */
  get apiRoot(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(0, "127.0.0.1", () => resolve());
    });
    this.port = (this.server.address() as AddressInfo).port;
    // A forgotten close() should not keep the test process alive on its own.
    this.server.unref();
  }

  /** Stops the server and drops all connections (pending long polls included). */
  close(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async onRequest(handle: Handle, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://localhost");
    const match = /^\/bot([^/]*)\/([^/]*)$/.exec(url.pathname);
    if (!match) return this.write(res, 404, JSON.stringify({ ok: false, error_code: 404, description: "Not Found" }));
    const body = await readBody(req);
    const reply = await handle({
      token: match[1]!,
      method: decodeURIComponent(match[2]!),
      params: () => parseParams(url, req.headers["content-type"], body),
      onClientGone: (abort) =>
        res.on("close", () => {
          if (!res.writableEnded) abort();
        }),
    });
    if (reply.kind === "drop") req.socket.destroy();
    else if (reply.kind === "answer") this.write(res, reply.status, reply.body, reply.contentType);
  }

  private write(res: http.ServerResponse, status: number, body: string, type = "application/json"): void {
    const send = () => {
      if (res.destroyed || res.writableEnded) return;
      res.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(body) });
      res.end(body);
    };
    const latency = this.latencyMs();
    if (latency > 0) setTimeout(send, latency);
    else send();
  }
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
