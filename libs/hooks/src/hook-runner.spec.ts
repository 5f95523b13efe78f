import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { postHookApplies, runHook } from './hook-runner.js';

describe('runHook', () => {
  let server: Server;
  let port: number;
  const requests: Array<{ method?: string; url?: string; body: string; type?: string; header?: string }> = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        requests.push({ method: req.method, url: req.url, body, type: req.headers['content-type'], header: req.headers['x-token'] as string | undefined });
        res.statusCode = req.url === '/fail' ? 500 : 200;
        res.end(req.url === '/fail' ? 'database is busy' : 'ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends httpGet and httpPost (body, form, headers) and fails on an error status with the response text', async () => {
    await runHook({ httpGet: { host: '127.0.0.1', port, path: '/pre', httpHeaders: [{ name: 'X-Token', value: 't' }] } });
    await runHook({ httpPost: { port, path: '/post', form: [{ key: 'a', values: ['1', '2'] }] } }, { defaultHost: '127.0.0.1' });
    await runHook({ httpPost: { host: '127.0.0.1', port: String(port), path: '/json', body: '{"x":1}', httpHeaders: [{ name: 'Content-Type', value: 'application/json' }] } });
    await expect(runHook({ httpGet: { host: '127.0.0.1', port, path: '/fail' } })).rejects.toThrow(`GET http://127.0.0.1:${port}/fail returned 500: database is busy`);
    expect(requests.slice(0, 3)).toEqual([
      { method: 'GET', url: '/pre', body: '', type: undefined, header: 't' },
      { method: 'POST', url: '/post', body: 'a=1&a=2', type: 'application/x-www-form-urlencoded', header: undefined },
      { method: 'POST', url: '/json', body: '{"x":1}', type: 'application/json', header: undefined },
    ]);
  });

  it('probes tcp sockets and explains unreachable ones', async () => {
    await runHook({ tcpSocket: { host: '127.0.0.1', port } });
    await expect(runHook({ tcpSocket: { host: '127.0.0.1', port: 1 } })).rejects.toThrow('tcp 127.0.0.1:1: connect ECONNREFUSED');
    await expect(runHook({ httpGet: { port: 80 } })).rejects.toThrow('hook names no host');
    await expect(runHook({ exec: { command: ['true'] } })).rejects.toThrow('exec hook: no pod to run the command in');
  });

  it('decides post hooks by execution policy', () => {
    expect([true, false].map((ok) => postHookApplies({ executionPolicy: 'OnSuccess' }, ok))).toEqual([true, false]);
    expect([true, false].map((ok) => postHookApplies({ executionPolicy: 'OnFailure' }, ok))).toEqual([false, true]);
    expect([true, false].map((ok) => postHookApplies({}, ok))).toEqual([true, true]);
  });
});
