import type { EventPayload, EventPayloads } from '../shared/contract';
import type { EventName } from '../shared/channels';

/** One event with its own payload type: checking `event` narrows `payload`. */
export type EventArgs = { [E in EventName]: [event: E, payload: EventPayloads[E]] }[EventName];

/** Hears every event (the transports forward them all); destructured, the name narrows the payload. */
export type EventListener = (...args: EventArgs) => void;

export interface EventHub {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** Hears one event by name, its payload typed. Returns a function that removes the handler. */
  on<E extends EventName>(event: E, handler: (payload: EventPayload<E>) => void): () => void;
  /** Hears every event. Returns a function that removes the listener. */
  subscribe(listener: EventListener): () => void;
}

/** Services emit; each transport subscribes and forwards to its renderers. */
export function createEventHub(): EventHub {
  const listeners = new Set<EventListener>();
  const hub: EventHub = {
    emit(event, payload) {
      const args = [event, payload] as EventArgs;
      for (const listener of listeners) listener(...args);
    },
    on(event, handler) {
      return hub.subscribe((...[name, payload]) => {
        // The name equals `event`, so the payload is that event's (TypeScript cannot follow the generic).
        if (name === event) handler(payload as EventPayload<typeof event>);
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return hub;
}
