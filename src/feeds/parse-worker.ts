// The worker thread of parsing.ts: feeds and article pages parsed one request at a time, off
// the bot's main thread.
import { parentPort } from "node:worker_threads";
import { handleParseRequest, type ParseRequest } from "./parsing.ts";

parentPort!.on("message", (req: ParseRequest) => parentPort!.postMessage(handleParseRequest(req)));
