import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * An instance's stable endpoint: a local TCP port forwarding to whichever mariadbd is primary, as RDS
 * points the instance's DNS name at the current primary. Changing the target drops every forwarded
 * connection, so clients see the drop a failover causes and reconnect to the new primary. With no
 * target (creating, rebooting) connections are accepted and closed at once.
 */
export class EndpointForwarder {
  private server: Server | undefined;
  private target: number | undefined;
  private readonly sockets = new Set<Socket>();

  constructor(private boundPort: number) {}

  get port(): number {
    return this.boundPort;
  }

  get listening(): boolean {
    return this.server !== undefined;
  }

  /** Binds the port (0: any free one); rejects with the bind error (EADDRINUSE) when taken. */
  async listen(): Promise<void> {
    if (this.server) return;
    const server = createServer((client) => this.forward(client));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.boundPort, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    server.on('error', () => undefined); // after a successful bind only accept() errors remain; they are transient
    const address = server.address();
    if (address !== null && typeof address !== 'string') this.boundPort = address.port;
    this.server = server;
  }

  setTarget(port: number | undefined): void {
    if (port === this.target) return;
    this.target = port;
    this.dropConnections();
  }

  dropConnections(): void {
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }

  /** Stops listening (the endpoint refuses connections) and drops what is open. */
  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    this.target = undefined;
    this.dropConnections();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private forward(client: Socket): void {
    client.on('error', () => undefined);
    const target = this.target;
    if (target === undefined) {
      client.destroy();
      return;
    }
    const upstream = connect({ port: target, host: '127.0.0.1' });
    upstream.on('error', () => undefined);
    for (const socket of [client, upstream]) {
      socket.setNoDelay(true); // the MySQL protocol is request/response: no Nagle delays
      this.sockets.add(socket);
      socket.once('close', () => {
        this.sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  }
}
