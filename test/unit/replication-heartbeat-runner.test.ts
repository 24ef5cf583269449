import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHeartbeat } from '../../src/main/replication/heartbeat';

describe('heartbeat runner without reachable servers', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reports each unreachable node as an error, keeps retrying, and leaves no timer once stopped', async () => {
    vi.useFakeTimers();
    const attempts: string[] = [];
    const heartbeat = createHeartbeat({
      settings: { enabled: true, mode: 'table', schema: 'rdx', intervalMs: 1000 },
      primaryKey: 'sid:1',
      replicaKeys: () => ['sid:2'],
      connect: async (key) => {
        attempts.push(key);
        throw Object.assign(new Error(`connect ECONNREFUSED (${key})`), { code: 'ECONNREFUSED' });
      },
      now: () => Date.now(),
    });
    await heartbeat.start();
    await vi.advanceTimersByTimeAsync(5000);
    expect(heartbeat.error).toContain('sid:1: connect ECONNREFUSED (sid:1)');
    expect(heartbeat.error).toContain('sid:2: connect ECONNREFUSED (sid:2)');
    expect(heartbeat.lag('sid:2')).toEqual({ lagMs: null, at: null, source: 'heartbeat-table' });
    expect(heartbeat.lag('sid:1')).toBeNull();
    expect(attempts.filter((key) => key === 'sid:1').length).toBeGreaterThan(2);
    expect(attempts.filter((key) => key === 'sid:2').length).toBeGreaterThan(1);

    await heartbeat.stop();
    await heartbeat.stop();
    expect(vi.getTimerCount()).toBe(0);
    const before = attempts.length;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(attempts).toHaveLength(before);
  });
});
