import { describe, expect, expectTypeOf, it } from 'vitest';
import type { EventPayload } from '../../src/shared/contract';
import { createEventHub } from '../../src/main/events';

const progress: EventPayload<'sql.resultProgress'> = {
  resultId: 'r1',
  sessionId: 's1',
  rowCount: 3,
  complete: true,
  stoppedAtLimit: false,
  durationMs: 5,
};

describe('event hub', () => {
  it('hands a named handler only its own event, with that event payload type', () => {
    const hub = createEventHub();
    const heard: string[] = [];
    const off = hub.on('sql.resultProgress', (p) => {
      expectTypeOf(p).toEqualTypeOf<EventPayload<'sql.resultProgress'>>();
      heard.push(`${p.resultId}:${p.rowCount}`);
    });
    hub.emit('sql.sessionClosed', { sessionId: 's1', reason: 'gone' });
    hub.emit('sql.resultProgress', progress);
    off();
    hub.emit('sql.resultProgress', { ...progress, rowCount: 4 });
    expect(heard).toEqual(['r1:3']);
  });

  it('gives every event to a listener that forwards them all, the name narrowing the payload', () => {
    const hub = createEventHub();
    const heard: unknown[] = [];
    const off = hub.subscribe((event, payload) => {
      if (event === 'sql.sessionClosed')
        expectTypeOf(payload).toEqualTypeOf<EventPayload<'sql.sessionClosed'>>();
      heard.push([event, payload]);
    });
    hub.emit('sql.sessionClosed', { sessionId: 's1', reason: 'gone' });
    hub.emit('sql.resultProgress', progress);
    off();
    hub.emit('sql.sessionClosed', { sessionId: 's2', reason: 'gone' });
    expect(heard).toEqual([
      ['sql.sessionClosed', { sessionId: 's1', reason: 'gone' }],
      ['sql.resultProgress', progress],
    ]);
  });
});
