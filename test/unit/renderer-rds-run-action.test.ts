import { describe, expect, it } from 'vitest';
import { requestSchemas, type Channel } from '../../src/shared/contract';
import type { RdsInstance, RdsSnapshot } from '../../src/shared/models/rds';
import { ApiError } from '../../src/renderer/src/api/api-error';
import { ApiClient } from '../../src/renderer/src/api/client';
import type { Transport } from '../../src/renderer/src/api/transport';
import type { RdsActionKind } from '../../src/renderer/src/features/rds/actions/action-kinds';
import { initialValues, type ActionValues } from '../../src/renderer/src/features/rds/actions/action-values';
import { runAction } from '../../src/renderer/src/features/rds/actions/run-action';
import { rdsInstance } from './support/rds-instance-fixtures';

const NOW = new Date(2026, 4, 4, 15, 30);

function instance(overrides: Partial<RdsInstance> = {}): RdsInstance {
  return rdsInstance({ multiAz: true, role: 'primary', ...overrides });
}
interface Sent {
  channel: Channel;
  req: unknown;
}

/**
 * A transport that answers like the main process: the instance (or snapshot) RDS reports right after
 * the call. Records what was sent, which must pass the main process's own schema.
 */
function fakeApi(answer: (sent: Sent) => unknown) {
  const sent: Sent[] = [];
  const transport: Transport = {
    kind: 'ws',
    call: async (channel, req) => {
      sent.push({ channel, req });
      return { ok: true, value: answer({ channel, req }) };
    },
    on: () => () => {},
    getStatus: () => 'open',
    subscribeStatus: () => () => {},
  };
  return { api: new ApiClient(transport), sent };
}

async function run(kind: RdsActionKind, overrides: Partial<ActionValues> = {}, status = 'modifying') {
  const { api, sent } = fakeApi(({ channel, req }) => {
    if (channel === 'rds.createSnapshot') {
      const snapshot: RdsSnapshot = {
        id: (req as { snapshotId: string }).snapshotId,
        status: 'creating',
        encrypted: false,
      };
      return snapshot;
    }
    if (channel === 'rds.createReadReplica') {
      const r = req as { id: string; region: string; targetRegion?: string };
      return instance({ id: r.id, region: r.targetRegion ?? r.region, status: 'creating', role: 'replica' });
    }
    return instance({ status });
  });
  const values = { ...initialValues(kind, instance(), new Set(['myrdslab']), NOW), ...overrides };
  const started = await runAction(api, kind, 'work', instance(), values);
  expect(sent).toHaveLength(1);
  const [{ channel, req }] = sent as [Sent];
  expect(requestSchemas[channel].safeParse(req).success, `${channel} request passes its schema`).toBe(true);
  return { channel, req, started };
}

describe('runAction requests', () => {
  it('creates a replica beside its source by default, sending no optional field', async () => {
    const { channel, req, started } = await run('createReplica');
    expect(channel).toBe('rds.createReadReplica');
    expect(req).toEqual({
      profile: 'work',
      region: 'us-east-1',
      sourceId: 'myrdslab',
      id: 'myrdslab-replica',
    });
    expect(started).toEqual({
      kind: 'createReplica',
      profile: 'work',
      region: 'us-east-1',
      instanceId: 'myrdslab-replica',
      status: 'creating',
      sawTransition: true,
    });
  });

  it('sends the class and zone when chosen', async () => {
    const { req } = await run('createReplica', {
      instanceClass: 'db.t3.small',
      placement: 'az',
      availabilityZone: 'us-east-1c',
      targetRegion: 'eu-west-1',
    });
    expect(req).toEqual({
      profile: 'work',
      region: 'us-east-1',
      sourceId: 'myrdslab',
      id: 'myrdslab-replica',
      instanceClass: 'db.t3.small',
      availabilityZone: 'us-east-1c',
    });
  });

  it('watches a cross-region replica in its own region', async () => {
    const { req, started } = await run('createReplica', {
      placement: 'region',
      targetRegion: 'eu-west-1',
      availabilityZone: 'us-east-1c',
    });
    expect(req).toEqual({
      profile: 'work',
      region: 'us-east-1',
      sourceId: 'myrdslab',
      id: 'myrdslab-replica',
      targetRegion: 'eu-west-1',
    });
    expect(started).toMatchObject({ region: 'eu-west-1', instanceId: 'myrdslab-replica' });
  });

  it('keeps a final snapshot when deleting, unless told not to', async () => {
    expect((await run('delete', {}, 'deleting')).req).toEqual({
      profile: 'work',
      region: 'us-east-1',
      id: 'myrdslab',
      skipFinalSnapshot: false,
      finalSnapshotId: 'myrdslab-final-2026-05-04-1530',
    });
    expect((await run('delete', { withSnapshot: false }, 'deleting')).req).toEqual({
      profile: 'work',
      region: 'us-east-1',
      id: 'myrdslab',
      skipFinalSnapshot: true,
    });
  });

  it('stops with a snapshot only when asked', async () => {
    expect((await run('stop', {}, 'stopping')).req).toEqual({
      profile: 'work',
      region: 'us-east-1',
      id: 'myrdslab',
    });
    expect((await run('stop', { withSnapshot: true }, 'stopping')).req).toEqual({
      profile: 'work',
      region: 'us-east-1',
      id: 'myrdslab',
      snapshotId: 'myrdslab-stop-2026-05-04-1530',
    });
  });

  it('fails over on reboot only when asked', async () => {
    expect((await run('reboot', {}, 'rebooting')).req).toEqual({
      profile: 'work',
      region: 'us-east-1',
      id: 'myrdslab',
    });
    expect((await run('reboot', { forceFailover: true }, 'rebooting')).req).toEqual({
      profile: 'work',
      region: 'us-east-1',
      id: 'myrdslab',
      forceFailover: true,
    });
  });

  it('watches a snapshot by its own identifier', async () => {
    const { channel, started } = await run('snapshot');
    expect(channel).toBe('rds.createSnapshot');
    expect(started).toMatchObject({
      kind: 'snapshot',
      instanceId: 'myrdslab',
      snapshotId: 'myrdslab-2026-05-04-1530',
      status: 'creating',
      sawTransition: true,
    });
  });

  it('sends promote and start to their channels', async () => {
    expect((await run('promote')).channel).toBe('rds.promoteReadReplica');
    expect((await run('start', {}, 'starting')).channel).toBe('rds.start');
  });

  it('counts an answer already in motion as the transition, and a stale one not', async () => {
    expect((await run('reboot', {}, 'rebooting')).started.sawTransition).toBe(true);
    expect((await run('reboot', {}, 'available')).started.sawTransition).toBe(false);
  });

  it("rejects with the main process's error code", async () => {
    const transport: Transport = {
      kind: 'ipc',
      call: async () => ({
        ok: false,
        error: {
          name: 'AppError',
          code: 'ACCESS_DENIED',
          message: 'not authorized to perform rds:RebootDBInstance',
        },
      }),
      on: () => () => {},
      getStatus: () => 'open',
      subscribeStatus: () => () => {},
    };
    const failed = runAction(new ApiClient(transport), 'reboot', 'work', instance(), {
      ...initialValues('reboot', instance(), new Set(), NOW),
    });
    await expect(failed).rejects.toBeInstanceOf(ApiError);
    await expect(failed).rejects.toMatchObject({ code: 'ACCESS_DENIED' });
  });
});
