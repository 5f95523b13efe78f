import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a hook endpoint does: answer 200, answer 500, or hold the request until the mode changes (or the hook times out). */
export type HookMode = 'ok' | 'fail' | 'hold';

/** One request the hook server received: its path and when (ms since the epoch). */
export interface HookCall {
  path: string;
  at: number;
}

/**
 * A real HTTP server for hooks. It records every call in order; each path answers per its mode,
 * which a test changes as it goes (default: paths starting with /fail answer 500, others 200).
 */
export interface HookServer {
  port: number;
  calls: HookCall[];
  count(path: string): number;
  /** Held requests of the path get the new mode's answer. */
  setMode(path: string, mode: HookMode): void;
  close(): Promise<void>;
}

export async function startHookServer(failureBody = 'hook says no'): Promise<HookServer> {
  const modes = new Map<string, HookMode>();
  const calls: HookCall[] = [];
  const held = new Map<string, Set<ServerResponse>>();
  const answer = (response: ServerResponse, mode: Exclude<HookMode, 'hold'>) =>
    mode === 'ok' ? response.writeHead(200).end('ok') : response.writeHead(500).end(failureBody);
  const hold = (path: string, response: ServerResponse) => {
    const waiting = held.get(path) ?? new Set<ServerResponse>();
    held.set(path, waiting.add(response));
    response.once('close', () => waiting.delete(response));
  };
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const path = request.url ?? '/';
    calls.push({ path, at: Date.now() });
    request.resume();
    const mode = modes.get(path) ?? (path.startsWith('/fail') ? 'fail' : 'ok');
    if (mode === 'hold') hold(path, response);
    else answer(response, mode);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const setMode = (path: string, mode: HookMode) => {
    modes.set(path, mode);
    if (mode === 'hold') return;
    for (const response of held.get(path) ?? []) answer(response, mode);
    held.delete(path);
  };
  return {
    port: (server.address() as AddressInfo).port,
    calls,
    count: (path) => calls.filter((call) => call.path === path).length,
    setMode,
    close: async () => {
      for (const path of held.keys()) setMode(path, 'fail');
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
