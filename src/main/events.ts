import type { EventPayload } from '../shared/contract';
import type { EventName } from '../shared/channels';

export type EventListener = (event: EventName, payload: unknown) => void;

export interface EventHub {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** Returns a function that removes the listener. */
  subscribe(listener: EventListener): () => void;
}

/** Services emit; each transport subscribes and forwards to its renderers. */
export function createEventHub(): EventHub {
  const listeners = new Set<EventListener>();
  return {
    emit(event, payload) {
      for (const listener of listeners) listener(event, payload);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
