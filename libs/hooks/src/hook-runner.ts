import { connect } from 'node:net';
import type { Handler, PostHookHandler } from '@restash/api';
import { HookError } from './hook-error.js';

/** Runs an exec action somewhere a command can run (a pod's container); supplied by the caller. */
export type ExecRunner = (command: string[], containerName: string | undefined) => Promise<void>;

export interface HookContext {
  /** Host for http/tcp actions that name none (the target pod's IP, for member hooks). */
  defaultHost?: string;
  exec?: ExecRunner;
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/** Runs one hook action; resolves when it succeeded, rejects with a HookError saying what failed. */
export async function runHook(handler: Handler, context: HookContext = {}): Promise<void> {
  const timeoutMs = context.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (handler.httpGet) return httpRequest('GET', handler.httpGet, undefined, context, timeoutMs);
  if (handler.httpPost) return httpRequest('POST', handler.httpPost, postBody(handler.httpPost), context, timeoutMs);
  if (handler.tcpSocket) return tcpProbe(host(handler.tcpSocket.host, context), port(handler.tcpSocket.port), timeoutMs);
  if (handler.exec?.command?.length) {
    if (!context.exec) throw new HookError('exec hook: no pod to run the command in');
    return context.exec(handler.exec.command, handler.containerName);
  }
  throw new HookError('hook has no action (exec, httpGet, httpPost or tcpSocket)');
}

/** Pure: whether a post hook runs after work that succeeded or failed. */
export function postHookApplies(handler: PostHookHandler, workSucceeded: boolean): boolean {
  const policy = handler.executionPolicy ?? 'Always';
  return policy === 'Always' || (policy === 'OnSuccess') === workSucceeded;
}

type HttpAction = NonNullable<Handler['httpGet']>;

async function httpRequest(method: string, action: HttpAction, body: PostBody | undefined, context: HookContext, timeoutMs: number): Promise<void> {
  const url = `${(action.scheme ?? 'HTTP').toLowerCase()}://${host(action.host, context)}:${port(action.port)}${action.path ?? '/'}`;
  const headers = Object.fromEntries((action.httpHeaders ?? []).map((h) => [h.name, h.value]));
  if (body?.contentType) headers['Content-Type'] ??= body.contentType;
  let response: Response;
  try {
    response = await fetch(url, { method, headers, body: body?.text, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    throw new HookError(`${method} ${url} failed: ${describeFetchError(error)}`);
  }
  const text = (await response.text().catch(() => '')).trim().slice(0, 300);
  if (response.status < 200 || response.status >= 400) {
    throw new HookError(`${method} ${url} returned ${response.status}${text ? `: ${text}` : ''}`);
  }
}

interface PostBody {
  text: string;
  contentType?: string;
}

function postBody(action: NonNullable<Handler['httpPost']>): PostBody | undefined {
  if (action.form?.length) {
    const form = new URLSearchParams();
    for (const entry of action.form) for (const value of entry.values ?? ['']) form.append(entry.key, value);
    return { text: form.toString(), contentType: 'application/x-www-form-urlencoded' };
  }
  return action.body === undefined ? undefined : { text: action.body };
}

function tcpProbe(hostname: string, portNumber: number, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: portNumber, timeout: timeoutMs });
    socket.once('connect', () => {
      socket.destroy();
      resolve();
    });
    socket.once('timeout', () => {
      socket.destroy();
      reject(new HookError(`tcp ${hostname}:${portNumber}: no connection within ${timeoutMs} ms`));
    });
    socket.once('error', (error) => reject(new HookError(`tcp ${hostname}:${portNumber}: ${error.message}`)));
  });
}

function host(explicit: string | undefined, context: HookContext): string {
  const chosen = explicit ?? context.defaultHost;
  if (!chosen) throw new HookError('hook names no host and there is no pod to default to');
  return chosen;
}

function port(value: number | string): number {
  const parsed = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(parsed)) throw new HookError(`hook port "${value}" is not a number (named ports need a pod)`);
  return parsed;
}

function describeFetchError(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return 'timed out';
  const cause = (error as { cause?: { message?: string; code?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
