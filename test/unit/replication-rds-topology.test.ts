import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DBInstance } from '@aws-sdk/client-rds';
import { describe, expect, it } from 'vitest';
import { HeartbeatConsent } from '../../src/main/replication/heartbeat-consent';
import { rdsTopologyReader } from '../../src/main/replication/rds-topology';

const ACCOUNT = '123456789012';
const db = (id: string, region: string, extra: Partial<DBInstance> = {}): DBInstance => ({
  DBInstanceIdentifier: id,
  DBInstanceArn: `arn:aws:rds:${region}:${ACCOUNT}:db:${id}`,
  Engine: 'mysql',
  DBInstanceStatus: 'available',
  Endpoint: { Address: `${id}.abc.${region}.rds.amazonaws.com`, Port: 3306 },
  ...extra,
});

/** DescribeDBInstances per region, as the SDK client would answer it. */
function fakeAws(byRegion: Record<string, DBInstance[]>) {
  const asked: string[] = [];
  return {
    asked,
    aws: {
      target: async (_profile: string, region?: string) => ({ region }) as never,
      inRegion: (_t: unknown, region: string) => ({ region }) as never,
      rds: (t: { region: string }) =>
        ({
          send: async (cmd: { input: { DBInstanceIdentifier: string } }) => {
            asked.push(`${t.region}/${cmd.input.DBInstanceIdentifier}`);
            const found = byRegion[t.region]?.find(
              (d) => d.DBInstanceIdentifier === cmd.input.DBInstanceIdentifier,
            );
            if (!found) throw Object.assign(new Error('not found'), { name: 'DBInstanceNotFoundFault' });
            return { DBInstances: [found] };
          },
        }) as never,
    },
  };
}

describe('rdsTopologyReader', () => {
  it('walks from a replica up to its source and down to every replica, across regions', async () => {
    const { aws } = fakeAws({
      'us-east-1': [
        db('src', 'us-east-1', {
          ReadReplicaDBInstanceIdentifiers: ['rep1', `arn:aws:rds:eu-west-1:${ACCOUNT}:db:rep-eu`],
        }),
        db('rep1', 'us-east-1', { ReadReplicaSourceDBInstanceIdentifier: 'src' }),
      ],
      'eu-west-1': [
        db('rep-eu', 'eu-west-1', {
          ReadReplicaSourceDBInstanceIdentifier: `arn:aws:rds:us-east-1:${ACCOUNT}:db:src`,
          DBInstanceStatus: 'creating',
          Endpoint: undefined,
        }),
      ],
    });
    const peers = await rdsTopologyReader(aws)({ profile: 'p', region: 'us-east-1', id: 'rep1' });
    expect(peers.sort((a, b) => a.id.localeCompare(b.id))).toEqual([
      { id: 'rep-eu', host: null, port: null, status: 'creating', sourceId: 'src' },
      {
        id: 'rep1',
        host: 'rep1.abc.us-east-1.rds.amazonaws.com',
        port: 3306,
        status: 'available',
        sourceId: 'src',
      },
      {
        id: 'src',
        host: 'src.abc.us-east-1.rds.amazonaws.com',
        port: 3306,
        status: 'available',
        sourceId: null,
      },
    ]);
  });

  it('fails when the start instance does not exist, and skips a relative that is gone', async () => {
    const { aws } = fakeAws({
      'us-east-1': [db('src', 'us-east-1', { ReadReplicaDBInstanceIdentifiers: ['gone'] })],
    });
    await expect(
      rdsTopologyReader(aws)({ profile: 'p', region: 'us-east-1', id: 'nope' }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const peers = await rdsTopologyReader(aws)({ profile: 'p', region: 'us-east-1', id: 'src' });
    expect(peers.map((p) => p.id)).toEqual(['src']);
  });
});

describe('HeartbeatConsent', () => {
  it('remembers consent per profile across restarts', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rdx-consent-'));
    try {
      const first = new HeartbeatConsent(dir);
      expect(await first.has('p1')).toBe(false);
      await first.grant('p1');
      const again = new HeartbeatConsent(dir);
      expect(await again.has('p1')).toBe(true);
      expect(await again.has('p2')).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
