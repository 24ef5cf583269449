import { describe, expect, it } from 'vitest';
import { createFaultRoute } from '../../src/lab/lab-faults';

function recorder() {
  const calls: unknown[][] = [];
  const rec =
    (name: string) =>
    async (...args: unknown[]): Promise<void> => {
      calls.push([name, ...args]);
    };
  return {
    calls,
    rds: {
      stopProcess: rec('stop'),
      killProcess: rec('kill'),
      breakReplication: rec('break'),
      repairReplication: rec('repair'),
      setReplicaDelay: rec('delay'),
    },
    dynamo: { setThrottle: (share: number) => void calls.push(['throttle', share]) },
    secrets: { rotateNow: rec('rotate') },
  };
}

describe('the /_lab/fault route', () => {
  it('applies each fault to its part of the lab', async () => {
    const r = recorder();
    const route = createFaultRoute(r);
    await route({ kind: 'kill-instance', target: 'myrdslab' });
    await route({ kind: 'repair-replication', target: 'myrdslab-replica' });
    await route({ kind: 'replica-delay', target: 'myrdslab-replica', seconds: 5 });
    await route({ kind: 'throttle', share: 0.5 });
    await route({ kind: 'rotate-secret', target: 'arn:x' });
    expect(r.calls).toEqual([
      ['kill', 'myrdslab'],
      ['repair', 'myrdslab-replica'],
      ['delay', 'myrdslab-replica', 5],
      ['throttle', 0.5],
      ['rotate', 'arn:x'],
    ]);
  });

  it('refuses an unknown or malformed fault before touching anything', async () => {
    const r = recorder();
    const route = createFaultRoute(r);
    await expect(route({ kind: 'explode' })).rejects.toMatchObject({ code: 'InvalidFault' });
    await expect(route({ kind: 'throttle', share: 3 })).rejects.toMatchObject({ code: 'InvalidFault' });
    expect(r.calls).toEqual([]);
  });

  it('says so when the RDS part is not running', async () => {
    const r = recorder();
    const route = createFaultRoute({ secrets: r.secrets });
    await expect(route({ kind: 'stop-instance', target: 'x' })).rejects.toMatchObject({
      code: 'Unavailable',
      status: 503,
    });
  });
});
