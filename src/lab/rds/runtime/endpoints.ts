import { invalidParameterValue } from '../errors';
import { EndpointForwarder } from './endpoint-forwarder';

/** The endpoint of every instance, by instance id. */
export class Endpoints {
  private readonly forwarders = new Map<string, EndpointForwarder>();

  /** Binds a new instance's endpoint: the requested port, or a free one. */
  async reserve(instanceId: string, port?: number): Promise<number> {
    const forwarder = new EndpointForwarder(port ?? 0);
    try {
      await forwarder.listen();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw invalidParameterValue(
        code === 'EADDRINUSE'
          ? `Port ${port} is already in use on this machine; choose another Port or leave it out for a free one.`
          : `Port ${port} cannot be used: ${(error as Error).message}`,
      );
    }
    this.forwarders.set(instanceId, forwarder);
    return forwarder.port;
  }

  /**
   * Listens again on a known instance's port (start, lab restart). If another program took the port
   * meanwhile, a free one is used instead and returned, so the instance still comes up.
   */
  async open(instanceId: string, port: number): Promise<number> {
    const existing = this.forwarders.get(instanceId);
    if (existing?.listening) return existing.port;
    let forwarder = new EndpointForwarder(port);
    try {
      await forwarder.listen();
    } catch {
      forwarder = new EndpointForwarder(0);
      await forwarder.listen();
    }
    this.forwarders.set(instanceId, forwarder);
    return forwarder.port;
  }

  route(instanceId: string, nodePort: number | undefined): void {
    this.forwarders.get(instanceId)?.setTarget(nodePort);
  }

  /** The endpoint stops listening (stopped instance) but the instance keeps its port on record. */
  async close(instanceId: string): Promise<void> {
    await this.forwarders.get(instanceId)?.close();
  }

  async release(instanceId: string): Promise<void> {
    await this.close(instanceId);
    this.forwarders.delete(instanceId);
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.forwarders.values()].map((forwarder) => forwarder.close()));
    this.forwarders.clear();
  }
}
