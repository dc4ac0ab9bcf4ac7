import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** One request the server received, its JSON body parsed. */
export type ReceivedRequest = { method: string; path: string; headers: IncomingHttpHeaders; rawBody: string; body: unknown };

/** How the server answers one request; `destroy` drops the connection without an answer. */
export type ScriptedReply = { status: number; body?: unknown; headers?: Record<string, string> } | "destroy";

/** Decides the reply to the n-th request (0-based). */
export type ReplyScript = (request: ReceivedRequest, n: number) => ScriptedReply;

/** A real HTTP server on 127.0.0.1 whose answers a test scripts. */
export type ScriptedServer = {
  url: string;
  port: number;
  requests: ReceivedRequest[];
  /** Resolves once `count` requests have arrived. */
  waitForRequests(count: number): Promise<void>;
  /** The items of every request for `key` (`events`/`outcomes`), in arrival order. */
  itemsOf(key: string): Record<string, unknown>[][];
  close(): Promise<void>;
};

/** Answers a batch with 200 and everything accepted, as SPEC 2.1 does. */
export const acceptAll: ReplyScript = (request) => {
  const body = request.body as { events?: unknown[]; outcomes?: unknown[] };
  const count = (body.events ?? body.outcomes ?? []).length;
  return { status: 200, body: { accepted: count, duplicates: 0, rejected: 0, errors: [] } };
};

/** Starts a scripted server, on `port` when given (to come back on a port a test closed). */
export async function startScriptedServer(script: ReplyScript = acceptAll, port = 0): Promise<ScriptedServer> {
  const requests: ReceivedRequest[] = [];
  const waiting: { count: number; resolve: () => void }[] = [];

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const rawBody = Buffer.concat(chunks).toString("utf8");
      let body: unknown = null;
      try {
        body = JSON.parse(rawBody);
      } catch {
        body = rawBody;
      }
      const request: ReceivedRequest = { method: req.method ?? "", path: req.url ?? "", headers: req.headers, rawBody, body };
      const n = requests.length;
      requests.push(request);
      const reply = script(request, n);
      for (let i = waiting.length - 1; i >= 0; i--) {
        if (requests.length >= waiting[i].count) {
          waiting[i].resolve();
          waiting.splice(i, 1);
        }
      }
      if (reply === "destroy") {
        req.socket.destroy();
        return;
      }
      res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
      res.end(reply.body === undefined ? "" : JSON.stringify(reply.body));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const actualPort = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${actualPort}`,
    port: actualPort,
    requests,
    waitForRequests(count) {
      if (requests.length >= count) return Promise.resolve();
      return new Promise((resolve) => waiting.push({ count, resolve }));
    },
    itemsOf(key) {
      return requests.map((r) => ((r.body as Record<string, unknown>)[key] ?? []) as Record<string, unknown>[]);
    },
    close() {
      // Keep-alive connections would hold close() open until they time out.
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
