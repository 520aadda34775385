/** A static http server on 127.0.0.1 (random port) for in-memory text and binary files. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FileServer { url: string; close(): Promise<void> }

/** Serve `files` (path -> [content type, body]); anything else is a 404. */
export async function serveFiles(files: Record<string, [string, string | Uint8Array]>): Promise<FileServer> {
  const server = http.createServer((req, res) => {
    const file = files[(req.url ?? '/').split('?')[0]];
    if (!file) { res.writeHead(404).end('not found'); return; }
    res.writeHead(200, { 'content-type': file[0], 'cache-control': 'no-store' }).end(file[1]);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
