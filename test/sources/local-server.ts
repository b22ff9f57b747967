// A local HTTP server on 127.0.0.1 (port 0) for fetch and watch tests: routes are plain handlers.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll } from 'vitest';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface LocalServer {
  base: string;
  /** Requests seen, in order: method, path and the headers jikenbo sent. */
  log: Array<{ path: string; headers: IncomingMessage['headers'] }>;
  route(path: string, handler: Handler): void;
}

export async function localServer(): Promise<LocalServer> {
  const routes = new Map<string, Handler>();
  const log: LocalServer['log'] = [];
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').replace(/\?.*$/, '');
    log.push({ path, headers: req.headers });
    const handler = routes.get(path);
    if (handler) handler(req, res);
    else {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  afterAll(() => new Promise<void>((ok) => { server.closeAllConnections(); server.close(() => ok()); }));
  const { port } = server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}`, log, route: (path, handler) => routes.set(path, handler) };
}

export function send(status: number, headers: Record<string, string>, body: Uint8Array | string = ''): Handler {
  return (_req, res) => {
    res.writeHead(status, headers);
    res.end(body);
  };
}
