/**
 * A tiny static file server for the browser tests: serves a built site folder mounted at a
 * base path (e.g. '/training/crosswalk/'), the way a library's web server would.
 *
 * - `/x/` serves `/x/index.html`; `/x` redirects (301) to `/x/` when that directory exists.
 *   With `{ directoryIndex: false }` folders are not served at all, as an LMS's file server
 *   serves a SCORM package (tests/e2e/scorm.test.ts).
 * - Anything else that is missing gets the built 404.html with status 404.
 * - Requests outside the base get a plain 404 (another site's space, not ours).
 * No dependencies beyond node:.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
};

export function contentType(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export interface StaticServer {
  /** Origin plus base, with a trailing slash: http://127.0.0.1:PORT/base/ */
  url: string;
  origin: string;
  close(): Promise<void>;
}

async function isFile(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isFile();
  } catch {
    return false;
  }
}

async function isDirectory(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
}

export async function startStaticServer(root: string, base = '/', { directoryIndex = true }: { directoryIndex?: boolean } = {}): Promise<StaticServer> {
  const rootDir = path.resolve(root);
  const mount = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');

  const server: Server = createServer(async (req, res) => {
    const send = (status: number, body: string | Buffer, type: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    const notFound = async () => {
      const page = path.join(rootDir, '404.html');
      if (await isFile(page)) send(404, await readFile(page), CONTENT_TYPES['.html']!);
      else send(404, 'Not found', CONTENT_TYPES['.txt']!);
    };

    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        send(405, 'Method not allowed', CONTENT_TYPES['.txt']!, { Allow: 'GET, HEAD' });
        return;
      }
      const requestUrl = new URL(req.url ?? '/', 'http://localhost');
      let pathname: string;
      try {
        pathname = decodeURIComponent(requestUrl.pathname);
      } catch {
        send(400, 'Bad request', CONTENT_TYPES['.txt']!);
        return;
      }
      // The mount itself without its slash (/training/crosswalk) redirects like any directory.
      if (`${pathname}/` === mount) {
        send(301, '', CONTENT_TYPES['.txt']!, { Location: `${mount}${requestUrl.search}` });
        return;
      }
      if (!pathname.startsWith(mount) || pathname.includes('\0')) {
        send(404, 'Not found (outside the site)', CONTENT_TYPES['.txt']!);
        return;
      }
      const relative = pathname.slice(mount.length);
      const filePath = path.resolve(rootDir, `.${path.posix.sep}${relative}`);
      if (filePath !== rootDir && !filePath.startsWith(rootDir + path.sep)) {
        await notFound();
        return;
      }
      if (pathname.endsWith('/')) {
        if (!directoryIndex) {
          send(404, 'Not found (folders are not served)', CONTENT_TYPES['.txt']!);
          return;
        }
        const index = path.join(filePath, 'index.html');
        if (await isFile(index)) send(200, await readFile(index), CONTENT_TYPES['.html']!);
        else await notFound();
        return;
      }
      if (await isFile(filePath)) {
        send(200, await readFile(filePath), contentType(filePath));
        return;
      }
      if (directoryIndex && (await isDirectory(filePath))) {
        send(301, '', CONTENT_TYPES['.txt']!, { Location: `${requestUrl.pathname}/${requestUrl.search}` });
        return;
      }
      await notFound();
    } catch (error) {
      send(500, `Server error: ${String(error)}`, CONTENT_TYPES['.txt']!);
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}${mount}`,
    origin,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
