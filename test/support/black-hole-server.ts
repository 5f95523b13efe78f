import { createServer, type Socket } from 'node:net';

export interface BlackHoleServer {
  port: number;
  /** How many connections it accepted. */
  accepted(): number;
  close(): Promise<void>;
}

/**
 * A TCP server that accepts connections and never answers: a database or hook endpoint that hangs
 * (a client waiting for its greeting or response waits forever). Listens on 127.0.0.1.
 */
export async function startBlackHoleServer(): Promise<BlackHoleServer> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  const server = createServer((socket) => {
    accepted++;
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('the black hole server has no port');
  return {
    port: address.port,
    accepted: () => accepted,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
