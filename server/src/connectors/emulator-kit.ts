import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Plumbing shared by the in-memory platform emulators the connector tests run against (Graph, X,
 * Mastodon, Bluesky): a node:http server on 127.0.0.1 with a free port, request bodies, JSON answers,
 * and the per-account fault queue. What each platform answers stays in its own emulator.
 */

/** Starts `onRequest` on 127.0.0.1 with a port the system picks; `url` is `http://127.0.0.1:<port>`. */
export async function listenOnLoopback(onRequest: RequestListener): Promise<{ server: Server; url: string }> {
  const server = createServer(onRequest);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** Drops open connections (a held "timeout" answer among them) and stops the server; nothing when not started. */
export async function closeServer(server: Server | null): Promise<void> {
  if (!server) return;
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** A request handler whose unexpected failure is answered 500 with the platform's error body. */
export function answering500(
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  errorBody: (err: unknown) => unknown,
): RequestListener {
  return (req, res) => {
    handle(req, res).catch((err: unknown) => sendJson(res, 500, errorBody(err)));
  };
}

/** A JSON answer; nothing when an answer was already sent. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(body));
}

/** The whole request body. */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** A JSON object body; an empty body is `{}` (a body that is not JSON throws, answered 500). */
export function jsonObject(raw: Buffer): Record<string, unknown> {
  return JSON.parse(raw.toString('utf8') || '{}') as Record<string, unknown>;
}

/**
 * Faults queued per account, taken one per request in order. A `timeout_after_write` waits for a
 * write (reads pass it by); an `outage` stays until its ISO `until` time, then is dropped.
 */
export class FaultQueue<F extends { kind: string; until?: string }> {
  private readonly queues = new Map<string, F[]>();

  add(key: string, fault: F): void {
    this.queues.set(key, [...(this.queues.get(key) ?? []), fault]);
  }

  take(key: string, write: boolean): F | undefined {
    const list = this.queues.get(key) ?? [];
    const i = list.findIndex((f) => f.kind !== 'timeout_after_write' || write);
    if (i < 0) return undefined;
    const f = list[i]!;
    if (f.kind === 'outage') {
      if (Date.parse(f.until ?? '') > Date.now()) return f;
      list.splice(i, 1);
      return this.take(key, write);
    }
    list.splice(i, 1);
    return f;
  }
}
