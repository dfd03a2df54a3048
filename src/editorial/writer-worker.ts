// The worker thread of desk-writer.ts. Requests may overlap; RecordWriter serialises writes to
// one file under its lock. Each request's audit time is the caller's clock at the request.
import { parentPort, workerData } from "node:worker_threads";
import { RecordWriter } from "../record-file/writer.ts";
import { handleDeskRequest, inProcessDeskWriter, type DeskRequest } from "./desk-writer.ts";

const { file, auditFile } = workerData as { file: string; auditFile: string };

parentPort!.on("message", async (req: DeskRequest) => {
  const desk = inProcessDeskWriter(new RecordWriter({ file, auditFile, clock: () => new Date(req.at) }));
  parentPort!.postMessage(await handleDeskRequest(desk, req));
});
