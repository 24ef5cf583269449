import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { Logger } from '../../src/node/logger';
import { keepServingOnFailures } from '../../src/main/server/process-guards';

function collectingLogger(): Logger & { lines: { message: string; fields?: Record<string, unknown> }[] } {
  const lines: { message: string; fields?: Record<string, unknown> }[] = [];
  const add = (message: string, fields?: Record<string, unknown>): void =>
    void lines.push({ message, fields });
  return { lines, info: add, warn: add, error: add };
}

describe('browser mode on a failure no request caught', () => {
  it('logs an uncaught error and an unhandled rejection by name and message, and carries on', () => {
    const proc = new EventEmitter();
    const log = collectingLogger();
    keepServingOnFailures(proc as unknown as NodeJS.Process, log);
    // With a listener, emitting does not throw: Node would end the process without one.
    expect(() => proc.emit('uncaughtException', new TypeError('boom'))).not.toThrow();
    expect(() => proc.emit('unhandledRejection', { password: 'hunter2' })).not.toThrow();
    expect(log.lines[0]).toMatchObject({ fields: { name: 'TypeError', message: 'boom' } });
    // A thrown non-Error is named by its type only: its fields could hold anything.
    expect(log.lines[1]?.fields).toEqual({ thrown: 'object' });
    expect(JSON.stringify(log.lines)).not.toContain('hunter2');
  });
});
