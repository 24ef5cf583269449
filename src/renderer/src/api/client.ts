import type { EventName } from '@shared/channels';
import type { Channel, EventPayloads, Req, Res } from '@shared/contract';
import { ApiError } from './api-error';
import type { Transport } from './transport';

/** The typed face of a transport: `call` resolves with the response or throws an ApiError. */
export class ApiClient {
  constructor(readonly transport: Transport) {}

  async call<C extends Channel>(channel: C, req: Req<C>): Promise<Res<C>> {
    const envelope = await this.transport.call(channel, req);
    if (!envelope.ok) throw new ApiError(envelope.error);
    // The main process built this value from the same contract; checking it again would cost a schema per response.
    return envelope.value as Res<C>;
  }

  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void {
    return this.transport.on(event, (payload) => listener(payload as EventPayloads[E]));
  }
}
