import { describe, expect, it } from 'vitest';
import type { RdsInstance, RdsInstanceDetail, RdsSnapshot } from '../../src/shared/models/rds';
import {
  evaluateOperation,
  GIVE_UP_MS,
  START_GRACE_MS,
  type Observation,
} from '../../src/renderer/src/features/rds/actions/evaluate-operation';
import type { Operation } from '../../src/renderer/src/features/rds/actions/operations-store';
import { rdsInstance } from './support/rds-instance-fixtures';

const T0 = 1_750_000_000_000;
const SOON = T0 + 5_000;
const LATER = T0 + START_GRACE_MS + 5_000;

/** An operation as runAction starts it (sawTransition false: RDS answered with the old status). */
function op(kind: Operation['kind'], overrides: Partial<Operation> = {}): Operation {
  return {
    key: 'op-1',
    kind,
    profile: 'default',
    region: 'us-east-1',
    instanceId: 'myrdslab',
    startedAt: T0,
    state: 'running',
    status: 'available',
    sawTransition: false,
    ...overrides,
  };
}

function seen(
  status: string,
  overrides: Partial<RdsInstance> = {},
  snapshots: Pick<RdsSnapshot, 'id' | 'status'>[] = [],
): Observation {
  const detail: RdsInstanceDetail = {
    instance: rdsInstance({ status, role: 'primary', ...overrides }),
    events: [],
    snapshots: snapshots.map((s) => ({ ...s, encrypted: false })),
  };
  return { kind: 'found', detail };
}

const GONE: Observation = { kind: 'gone' };

/** Runs polls in order, applying each patch as the watcher does; answers with the final operation. */
function watch(start: Operation, polls: [Observation, number][]): Operation {
  return polls.reduce<Operation>((o, [obs, at]) => ({ ...o, ...evaluateOperation(o, obs, at) }), start);
}

describe('evaluateOperation: done after the expected transition', () => {
  const cases: [Operation['kind'], string, string][] = [
    ['reboot', 'rebooting', 'available'],
    ['start', 'starting', 'available'],
    ['stop', 'stopping', 'stopped'],
    ['createReplica', 'creating', 'available'],
  ];
  for (const [kind, moving, target] of cases) {
    it(`${kind}: ${moving} is still moving, ${target} is done`, () => {
      const during = evaluateOperation(op(kind), seen(moving), SOON);
      expect(during).toEqual({ status: moving, sawTransition: true, message: undefined });
      const after = evaluateOperation({ ...op(kind), ...during }, seen(target), SOON + 1_000);
      expect(after).toMatchObject({ state: 'done', status: target, finishedAt: SOON + 1_000 });
    });
  }

  it('promote: waits until the instance is no longer a replica, not just available', () => {
    const start = op('promote', { status: 'modifying', sawTransition: true });
    const stillReplica = evaluateOperation(start, seen('available', { role: 'replica' }), SOON);
    expect(stillReplica.state).toBeUndefined();
    expect(stillReplica.status).toBe('available');
    expect(evaluateOperation(start, seen('available', { role: 'standalone' }), SOON)).toMatchObject({
      state: 'done',
      status: 'available',
    });
  });

  it('delete: deleting is still moving; the instance gone is done, as "deleted"', () => {
    const final = watch(op('delete'), [
      [seen('deleting'), SOON],
      [GONE, LATER],
    ]);
    expect(final).toMatchObject({ state: 'done', status: 'deleted', finishedAt: LATER });
    // Even right away: RDS removes instances that had never finished creating at once.
    expect(evaluateOperation(op('delete'), GONE, SOON)).toMatchObject({ state: 'done', status: 'deleted' });
  });

  it("snapshot: follows the snapshot's own status, not the instance's", () => {
    const start = op('snapshot', {
      snapshotId: 'myrdslab-2026-05-04-1530',
      status: 'creating',
      sawTransition: true,
    });
    // Not listed yet counts as creating.
    expect(evaluateOperation(start, seen('backing-up'), SOON)).toMatchObject({ status: 'creating' });
    expect(
      evaluateOperation(
        start,
        seen('backing-up', {}, [{ id: 'myrdslab-2026-05-04-1530', status: 'available' }]),
        SOON,
      ),
    ).toMatchObject({ state: 'done', status: 'available' });
    expect(
      evaluateOperation(
        start,
        seen('available', {}, [{ id: 'myrdslab-2026-05-04-1530', status: 'failed' }]),
        SOON,
      ),
    ).toMatchObject({ state: 'failed', status: 'failed', message: 'Ended as failed.' });
  });

  it('clears the last polling error once a poll works again', () => {
    const patch = evaluateOperation(op('reboot', { message: 'Throttled' }), seen('rebooting'), SOON);
    expect(patch).toHaveProperty('message', undefined);
  });
});

describe('evaluateOperation: the first polls after the action', () => {
  it('waits out the grace period when RDS still answers with the status from before the action', () => {
    const reboot = op('reboot');
    expect(evaluateOperation(reboot, seen('available'), SOON).state).toBeUndefined();
    expect(evaluateOperation(reboot, seen('available'), LATER)).toMatchObject({ state: 'done' });
  });

  it('fails an action that settles elsewhere once the grace period is over', () => {
    const stop = op('stop');
    expect(evaluateOperation(stop, seen('available'), SOON).state).toBeUndefined();
    expect(evaluateOperation(stop, seen('available'), LATER)).toMatchObject({
      state: 'failed',
      status: 'available',
      message: 'Ended as available.',
    });
  });

  it('gives a new replica a moment to be listed before calling it missing', () => {
    expect(evaluateOperation(op('createReplica'), GONE, SOON)).toEqual({});
    expect(evaluateOperation(op('createReplica'), GONE, LATER)).toMatchObject({
      state: 'failed',
      status: 'not found',
      message: 'The instance no longer exists.',
    });
  });
});

describe('evaluateOperation: failures', () => {
  it('fails at once on a broken status, grace period or not', () => {
    for (const status of [
      'incompatible-parameters',
      'storage-full',
      'failed',
      'inaccessible-encryption-credentials',
    ]) {
      expect(evaluateOperation(op('createReplica'), seen(status), SOON), status).toMatchObject({
        state: 'failed',
        status,
        message: `Ended as ${status}.`,
        finishedAt: SOON,
      });
    }
  });

  it('fails a start that falls back to stopped', () => {
    const final = watch(op('start'), [
      [seen('starting'), SOON],
      [seen('stopped'), SOON + 60_000],
    ]);
    expect(final).toMatchObject({ state: 'failed', status: 'stopped', message: 'Ended as stopped.' });
  });

  it('fails a reboot, stop or start whose instance disappears', () => {
    for (const kind of ['reboot', 'stop', 'start'] as const) {
      expect(evaluateOperation(op(kind, { sawTransition: true }), GONE, LATER)).toMatchObject({
        state: 'failed',
        status: 'not found',
      });
    }
  });

  it('keeps watching through a failed poll, showing its message', () => {
    expect(evaluateOperation(op('reboot'), { kind: 'error', message: 'Rate exceeded' }, LATER)).toEqual({
      message: 'Rate exceeded',
    });
  });

  it('gives up after 45 minutes still moving, saying where it stands', () => {
    const at = T0 + GIVE_UP_MS + 1;
    expect(evaluateOperation(op('createReplica'), seen('creating'), T0 + GIVE_UP_MS).state).toBeUndefined();
    expect(evaluateOperation(op('createReplica'), seen('creating'), at)).toEqual({
      status: 'creating',
      sawTransition: true,
      state: 'failed',
      message: 'Still creating after 45 minutes.',
      finishedAt: at,
    });
  });
});
