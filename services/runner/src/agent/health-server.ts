import { createServer, type Server } from 'node:http';

/** /healthz (and /readyz) on plain node http: 200 while `healthy()` says so, 503 otherwise. */
export async function startHealthServer(host: string, port: number, healthy: () => boolean): Promise<Server> {
  const server = createServer((request, response) => {
    const path = (request.url ?? '').split('?')[0];
    if (path !== '/healthz' && path !== '/readyz') {
      response.writeHead(404).end();
      return;
    }
    const ok = healthy();
    response.writeHead(ok ? 200 : 503, { 'Content-Type': 'text/plain' }).end(ok ? 'ok\n' : 'unavailable\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return server;
}
