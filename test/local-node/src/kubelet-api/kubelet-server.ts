import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Server, createServer } from 'node:https';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { describeError } from '../json-logger.js';
import type { NodeContext } from '../node-context.js';
import type { PodSupervisor } from '../pods/pod-supervisor.js';
import { enterArgv, namespacedArgv } from '../runtime/namespace-wrapper.js';
import { parseLogsPath, serveLogs } from './container-logs.js';
import { type ExecCommand, serveExec } from './exec-session.js';
import { type ExecRequest, chooseExecProtocol, parseExecPath } from './exec-status.js';
import { servingCertificate } from './serving-cert.js';

/**
 * The kubelet endpoint the API server proxies to (Node status.daemonEndpoints): exec over WebSocket (the node declares
 * ExtendWebSocketsToKubelet, so the API server forwards WebSocket upgrades instead of translating them to SPDY),
 * container logs, and /healthz.
 */
export class KubeletServer {
  private readonly server: Server;
  private readonly wss = new WebSocketServer({ noServer: true, handleProtocols: (offered) => chooseExecProtocol(offered) });

  constructor(
    private readonly ctx: NodeContext,
    private readonly pods: PodSupervisor,
  ) {
    this.server = createServer(servingCertificate(ctx.layout.localNodeDir, ctx.config.hostIP), (req, res) => void this.handle(req, res));
    this.server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => void this.upgrade(req, socket, head));
  }

  listen(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.ctx.config.kubeletPort, this.ctx.config.hostIP, () => resolve());
    });
  }

  close(): void {
    this.server.close();
    this.server.closeAllConnections();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'https://local');
    if (url.pathname === '/healthz') return void res.end('ok');
    const logs = parseLogsPath(url);
    if (logs && req.method === 'GET') {
      const worker = this.pods.workerByName(logs.namespace, logs.pod);
      const file = worker?.logFiles.get(logs.container) ?? this.ctx.layout.logFile(logs.namespace, logs.pod, logs.container);
      return serveLogs(res, file, logs, () => this.pods.workerByName(logs.namespace, logs.pod) !== undefined);
    }
    if (parseExecPath(url)) return reply(res, 400, 'exec needs a WebSocket upgrade (v5.channel.k8s.io or v4.channel.k8s.io)');
    reply(res, 404, `the restash local node does not serve ${url.pathname}`);
  }

  private async upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'https://local');
    const request = parseExecPath(url);
    if (!request) return rejectUpgrade(socket, 404, `the restash local node does not serve ${url.pathname}`);
    if ((req.headers.upgrade ?? '').toLowerCase() !== 'websocket') {
      return rejectUpgrade(socket, 400, 'the restash local node speaks exec over WebSocket only (SPDY is not supported)');
    }
    let command: ExecCommand;
    try {
      command = await this.execCommand(request);
    } catch (err) {
      return rejectUpgrade(socket, 404, describeError(err));
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.ctx.log.info('exec', {
        namespace: request.namespace,
        pod: request.pod,
        container: request.container,
        command: request.command[0],
        protocol: ws.protocol,
      });
      serveExec(ws, ws.protocol, request, command, this.ctx.log);
    });
  }

  private async execCommand(request: ExecRequest): Promise<ExecCommand> {
    if (request.command.length === 0) throw new Error('exec: no command given');
    const worker = this.pods.workerByName(request.namespace, request.pod);
    if (!worker) throw new Error(`pod ${request.namespace}/${request.pod} is not running on this node`);
    const target = await worker.execTarget(request.container);
    const argv =
      target.pid !== undefined
        ? enterArgv(target.pid, target.launch.view.workingDir, request.command)
        : namespacedArgv(target.launch.view, request.command);
    return { argv, env: target.launch.env };
  }
}

function reply(res: ServerResponse, code: number, message: string): void {
  res.writeHead(code, { 'Content-Type': 'text/plain' });
  res.end(`${message}\n`);
}

function rejectUpgrade(socket: Duplex, code: number, message: string): void {
  const body = `${message}\n`;
  socket.end(
    `HTTP/1.1 ${code} ${code === 404 ? 'Not Found' : 'Bad Request'}\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
