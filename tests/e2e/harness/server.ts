/**
 * A tiny static server for the sample news site, bound to 127.0.0.1 on a free port.
 * Tests can add in-memory pages (hostile or odd markup) with addRoute, and close()
 * really stops it (open keep-alive sockets are destroyed) so a test can prove that
 * saved articles read offline.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { SITE_DIR } from './paths';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
};

export interface Route {
  body: string | Buffer;
  contentType?: string;
  status?: number;
  /** Extra response headers, e.g. `{ Location: '/elsewhere' }` with a 3xx status for a redirect. */
  headers?: Record<string, string>;
  /**
   * Answer only once this settles: a fault test parks a flow on one request
   * (a save waiting for an image) and kills the worker meanwhile.
   */
  hold?: Promise<unknown>;
  /**
   * Which requests `hold` applies to (all by default): a fault test holds the
   * background's fetch of an image and not the page's or the popup's own loads of it.
   */
  holdWhen?: (req: IncomingMessage) => boolean;
}

export interface SiteServer {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  /** Absolute URL of a path on this server ("article.html" or "/article.html"). */
  url(path: string): string;
  /** Serve extra content at `path` (HTML by default); replaces an earlier route. */
  addRoute(path: string, body: string | Buffer | Route): void;
  /** Paths requested so far (pathname + search), in order. */
  readonly requests: readonly string[];
  /** Stop listening and destroy every open connection. Safe to call twice. */
  close(): Promise<void>;
}

export interface SiteServerOptions {
  /** Folder to serve; the sample site by default. */
  root?: string;
  /**
   * The Cache-Control header of every response; `no-store` by default (each test sees
   * fresh files). Chromium keeps `no-store` pages out of the back/forward cache in
   * some navigations (leaving for an extension page), so tests of restores use `no-cache`.
   */
  cacheControl?: string;
}

function normalisePath(path: string): string {
  const withSlash = path.startsWith('/') ? path : `/${path}`;
  return new URL(withSlash, 'http://x').pathname;
}

export async function startSiteServer(options: SiteServerOptions = {}): Promise<SiteServer> {
  const root = resolve(options.root ?? SITE_DIR);
  const cacheControl = options.cacheControl ?? 'no-store';
  const routes = new Map<string, Route>();
  const requests: string[] = [];
  const sockets = new Set<Socket>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url.pathname + url.search);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const pathname = decodeURIComponent(url.pathname);
    const route = routes.get(pathname);
    if (route) {
      if (route.hold && (route.holdWhen?.(req) ?? true)) await route.hold.catch(() => undefined);
      if (res.destroyed) return;
      send(res, req, route.status ?? 200, route.contentType ?? 'text/html; charset=utf-8', route.body, route.headers);
      return;
    }
    const relative = pathname === '/' ? 'home.html' : pathname.replace(/^\/+/, '');
    const file = resolve(root, relative);
    if (file !== root && !file.startsWith(root + sep)) {
      send(res, req, 403, 'text/plain; charset=utf-8', 'Forbidden');
      return;
    }
    try {
      const body = await readFile(file);
      send(res, req, 200, CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', body);
    } catch {
      send(res, req, 404, 'text/html; charset=utf-8', '<!doctype html><title>Not found</title><h1>Not found</h1>');
    }
  }

  function send(res: ServerResponse, req: IncomingMessage, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}): void {
    const buffer = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    res.writeHead(status, {
      ...headers,
      'Content-Type': type,
      'Content-Length': buffer.length,
      'Cache-Control': cacheControl,
    });
    res.end(req.method === 'HEAD' ? undefined : buffer);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(String(error));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  let closing: Promise<void> | null = null;

  return {
    origin,
    url: (path) => new URL(path.startsWith('/') ? path : `/${path}`, origin).href,
    addRoute(path, body) {
      const route: Route = typeof body === 'string' || Buffer.isBuffer(body) ? { body } : body;
      routes.set(normalisePath(path), route);
    },
    requests,
    close() {
      closing ??= new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        for (const socket of sockets) socket.destroy();
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
