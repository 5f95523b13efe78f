import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';

export interface LogRequest {
  readonly namespace: string;
  readonly pod: string;
  readonly container: string;
  readonly follow: boolean;
  readonly tailLines?: number;
  readonly limitBytes?: number;
}

/** `/containerLogs/{namespace}/{pod}/{container}?follow=&tailLines=&limitBytes=` (what `kubectl logs` reaches through the API server). */
export function parseLogsPath(url: URL): LogRequest | undefined {
  const match = /^\/containerLogs\/([^/]+)\/([^/]+)\/([^/]+)\/?$/.exec(url.pathname);
  if (!match) return undefined;
  const number = (name: string) => (url.searchParams.has(name) ? Number(url.searchParams.get(name)) : undefined);
  return {
    namespace: decodeURIComponent(match[1]!),
    pod: decodeURIComponent(match[2]!),
    container: decodeURIComponent(match[3]!),
    follow: url.searchParams.get('follow') === 'true',
    tailLines: number('tailLines'),
    limitBytes: number('limitBytes'),
  };
}

/** The last `tailLines` lines of a log, then at most `limitBytes` of them. */
export function selectLog(content: Buffer, tailLines?: number, limitBytes?: number): Buffer {
  let out = content;
  if (tailLines !== undefined && tailLines >= 0) {
    const lines = content.toString('utf8').split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    out = Buffer.from(
      lines
        .slice(Math.max(0, lines.length - tailLines))
        .map((l) => `${l}\n`)
        .join(''),
    );
  }
  return limitBytes !== undefined && limitBytes >= 0 ? out.subarray(0, limitBytes) : out;
}

export async function serveLogs(res: ServerResponse, file: string, request: LogRequest, stillThere: () => boolean): Promise<void> {
  const content = await readFile(file).catch(() => Buffer.alloc(0));
  res.writeHead(200, { 'Content-Type': 'text/plain' });
  res.write(selectLog(content, request.tailLines, request.limitBytes));
  if (!request.follow) return void res.end();
  let offset = content.length;
  const timer = setInterval(() => {
    void (async () => {
      const size = (await stat(file).catch(() => undefined))?.size ?? offset;
      if (size > offset) {
        createReadStream(file, { start: offset, end: size - 1 }).on('data', (chunk) => res.write(chunk));
        offset = size;
      }
      if (!stillThere()) {
        clearInterval(timer);
        res.end();
      }
    })();
  }, 500);
  res.on('close', () => clearInterval(timer));
}
