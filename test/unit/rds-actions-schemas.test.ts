import { describe, expect, it } from 'vitest';
import { requestSchemas } from '../../src/shared/contract';
import { rdsInstanceIdSchema, rdsSnapshotIdSchema } from '../../src/shared/models/rds-identifiers';

const at = { profile: '@lab', region: 'us-east-1' };

describe('RDS identifiers', () => {
  it.each(['a', 'orders', 'Orders-Replica-2', `a${'b'.repeat(62)}`])('accepts %s', (id) => {
    expect(rdsInstanceIdSchema.safeParse(id).success).toBe(true);
  });

  it.each(['', '1orders', '-orders', 'orders-', 'or--ders', 'or_ders', 'or.ders', `a${'b'.repeat(63)}`])(
    'refuses %j',
    (id) => {
      expect(rdsInstanceIdSchema.safeParse(id).success).toBe(false);
    },
  );

  it('allows snapshot identifiers up to 255 characters under the same rule', () => {
    expect(rdsSnapshotIdSchema.safeParse(`s${'n'.repeat(254)}`).success).toBe(true);
    expect(rdsSnapshotIdSchema.safeParse(`s${'n'.repeat(255)}`).success).toBe(false);
    expect(rdsSnapshotIdSchema.safeParse('snap--1').success).toBe(false);
  });
});

describe('RDS action requests', () => {
  it('delete needs a final snapshot name unless skipping it, and none when skipping', () => {
    const schema = requestSchemas['rds.delete'];
    expect(schema.safeParse({ ...at, id: 'db1', skipFinalSnapshot: true }).success).toBe(true);
    expect(
      schema.safeParse({ ...at, id: 'db1', skipFinalSnapshot: false, finalSnapshotId: 'db1-final' }).success,
    ).toBe(true);
    const unnamed = schema.safeParse({ ...at, id: 'db1', skipFinalSnapshot: false });
    expect(unnamed.success).toBe(false);
    expect(unnamed.error?.issues[0]?.path).toEqual(['finalSnapshotId']);
    expect(
      schema.safeParse({ ...at, id: 'db1', skipFinalSnapshot: true, finalSnapshotId: 'db1-final' }).success,
    ).toBe(false);
  });

  it('a read replica checks its class, zone and target region', () => {
    const schema = requestSchemas['rds.createReadReplica'];
    const base = { ...at, sourceId: 'db1', id: 'db1-r' };
    expect(schema.safeParse(base).success).toBe(true);
    expect(
      schema.safeParse({
        ...base,
        instanceClass: 'db.t3.micro',
        availabilityZone: 'eu-west-1a',
        targetRegion: 'eu-west-1',
      }).success,
    ).toBe(true);
    expect(schema.safeParse({ ...base, instanceClass: 't3.micro' }).success).toBe(false);
    expect(schema.safeParse({ ...base, availabilityZone: 'eu-west-1' }).success).toBe(false);
    expect(schema.safeParse({ ...base, targetRegion: 'Europe' }).success).toBe(false);
    expect(schema.safeParse({ ...base, sourceId: 'db1--x' }).success).toBe(false);
  });

  it('reboot, stop and snapshot take only their own options', () => {
    expect(requestSchemas['rds.reboot'].safeParse({ ...at, id: 'db1', forceFailover: true }).success).toBe(
      true,
    );
    expect(requestSchemas['rds.reboot'].safeParse({ ...at, id: 'db1', force: true }).success).toBe(false);
    expect(requestSchemas['rds.stop'].safeParse({ ...at, id: 'db1', snapshotId: 'db1-stop' }).success).toBe(
      true,
    );
    expect(requestSchemas['rds.createSnapshot'].safeParse({ ...at, id: 'db1' }).success).toBe(false);
    expect(requestSchemas['rds.connectionProfile'].safeParse({ ...at, id: 'db1' }).success).toBe(true);
  });
});
