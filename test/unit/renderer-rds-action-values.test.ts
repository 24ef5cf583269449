import { describe, expect, it } from 'vitest';
import type { RdsInstance } from '../../src/shared/models/rds';
import {
  initialValues,
  validateValues,
  type ActionValues,
} from '../../src/renderer/src/features/rds/actions/action-values';
import type { RdsActionKind } from '../../src/renderer/src/features/rds/actions/action-kinds';
import { rdsInstance } from './support/rds-instance-fixtures';

const KINDS: RdsActionKind[] = ['createReplica', 'promote', 'reboot', 'stop', 'start', 'snapshot', 'delete'];
// 4 May 2026, 15:30 local time: identifiers carry the time the user sees on their clock.
const NOW = new Date(2026, 4, 4, 15, 30, 59);
const NONE: ReadonlySet<string> = new Set();

function instance(overrides: Partial<RdsInstance> = {}): RdsInstance {
  return rdsInstance({ role: 'primary', ...overrides });
}
const values = (kind: RdsActionKind, overrides: Partial<ActionValues> = {}): ActionValues => ({
  ...initialValues(kind, instance(), NONE, NOW),
  ...overrides,
});

describe('initialValues', () => {
  it('proposes a replica identifier beside the source, and no class, zone or region', () => {
    expect(initialValues('createReplica', instance(), NONE, NOW)).toEqual({
      replicaId: 'myrdslab-replica',
      instanceClass: '',
      placement: 'default',
      availabilityZone: '',
      targetRegion: '',
      forceFailover: false,
      withSnapshot: false,
      snapshotId: 'myrdslab-2026-05-04-1530',
    });
  });

  it('skips replica identifiers already in use', () => {
    const taken = new Set(['myrdslab', 'myrdslab-replica', 'myrdslab-replica-2']);
    expect(initialValues('createReplica', instance(), taken, NOW).replicaId).toBe('myrdslab-replica-3');
  });

  it('names snapshots after the instance, the action and the local time', () => {
    expect(initialValues('snapshot', instance(), NONE, NOW).snapshotId).toBe('myrdslab-2026-05-04-1530');
    expect(initialValues('stop', instance(), NONE, NOW).snapshotId).toBe('myrdslab-stop-2026-05-04-1530');
    expect(initialValues('delete', instance(), NONE, NOW).snapshotId).toBe('myrdslab-final-2026-05-04-1530');
    expect(initialValues('snapshot', instance(), NONE, new Date(2026, 0, 9, 7, 5)).snapshotId).toBe(
      'myrdslab-2026-01-09-0705',
    );
  });

  it('keeps a final snapshot by default only when deleting', () => {
    expect(
      Object.fromEntries(KINDS.map((k) => [k, initialValues(k, instance(), NONE, NOW).withSnapshot])),
    ).toEqual({
      createReplica: false,
      promote: false,
      reboot: false,
      stop: false,
      start: false,
      snapshot: false,
      delete: true,
    });
  });

  it('never fails over by default', () => {
    expect(initialValues('reboot', instance({ multiAz: true }), NONE, NOW).forceFailover).toBe(false);
  });

  it('proposes values that pass validation for every action', () => {
    for (const kind of KINDS) {
      expect(validateValues(kind, initialValues(kind, instance(), NONE, NOW), NONE), kind).toEqual({});
    }
    const taken = new Set(['myrdslab', 'myrdslab-replica']);
    expect(
      validateValues('createReplica', initialValues('createReplica', instance(), taken, NOW), taken),
    ).toEqual({});
  });

  it('keeps a long identifier within 63 characters for the replica', () => {
    const id = `db${'x'.repeat(61)}`;
    const { replicaId } = initialValues('createReplica', instance({ id }), NONE, NOW);
    expect(replicaId).toHaveLength(63);
    expect(replicaId.endsWith('-replica')).toBe(true);
  });
});

describe('validateValues for a new replica', () => {
  it('requires an identifier that follows the RDS rule', () => {
    expect(validateValues('createReplica', values('createReplica', { replicaId: '' }), NONE)).toEqual({
      replicaId: 'The DB instance identifier is required',
    });
    for (const bad of ['1replica', 'my_replica', 'my--replica', 'replica-', 'x'.repeat(64)]) {
      expect(
        validateValues('createReplica', values('createReplica', { replicaId: bad }), NONE).replicaId,
        bad,
      ).toMatch(/^The DB instance identifier /);
    }
  });

  it('refuses an identifier in use, whatever its case', () => {
    const taken = new Set(['myrdslab', 'myrdslab-replica']);
    expect(
      validateValues('createReplica', values('createReplica', { replicaId: 'MyRdsLab-Replica' }), taken),
    ).toEqual({
      replicaId: 'An instance with this identifier exists',
    });
  });

  it('checks the class only when one is given', () => {
    expect(
      validateValues('createReplica', values('createReplica', { instanceClass: 'db.r6g.2xlarge' }), NONE),
    ).toEqual({});
    expect(
      validateValues('createReplica', values('createReplica', { instanceClass: 't3.micro' }), NONE),
    ).toEqual({
      instanceClass: 'Not a DB instance class (like db.t3.micro)',
    });
  });

  it('asks for a valid zone only when placing in a zone', () => {
    const az = (availabilityZone: string) =>
      validateValues('createReplica', values('createReplica', { placement: 'az', availabilityZone }), NONE);
    expect(az('us-east-1b')).toEqual({});
    expect(az('us-east-1-bos-1a')).toEqual({});
    expect(az('')).toEqual({ availabilityZone: 'Not an availability zone (like us-east-1a)' });
    expect(az('us-east-1')).toEqual({ availabilityZone: 'Not an availability zone (like us-east-1a)' });
    expect(
      validateValues(
        'createReplica',
        values('createReplica', { placement: 'default', availabilityZone: 'junk' }),
        NONE,
      ),
    ).toEqual({});
  });

  it('asks for a region only when placing in another region', () => {
    expect(validateValues('createReplica', values('createReplica', { placement: 'region' }), NONE)).toEqual({
      targetRegion: 'Choose a region',
    });
    expect(
      validateValues(
        'createReplica',
        values('createReplica', { placement: 'region', targetRegion: 'eu-west-1' }),
        NONE,
      ),
    ).toEqual({});
  });

  it('reports every problem at once, and only problems', () => {
    const errors = validateValues(
      'createReplica',
      values('createReplica', { replicaId: 'bad_id', instanceClass: 'big', placement: 'region' }),
      NONE,
    );
    expect(Object.keys(errors).sort()).toEqual(['instanceClass', 'replicaId', 'targetRegion']);
  });
});

describe('validateValues for snapshots', () => {
  const badId = 'nightly--1';

  it('checks the identifier of a manual snapshot', () => {
    expect(validateValues('snapshot', values('snapshot', { snapshotId: badId }), NONE)).toEqual({
      snapshotId: expect.stringMatching(/^The DB snapshot identifier must begin with a letter/),
    });
    expect(validateValues('snapshot', values('snapshot', { snapshotId: '' }), NONE)).toEqual({
      snapshotId: 'The DB snapshot identifier is required',
    });
  });

  it('checks the snapshot of a stop or delete only when one is wanted', () => {
    for (const kind of ['stop', 'delete'] as const) {
      expect(
        validateValues(kind, values(kind, { withSnapshot: false, snapshotId: badId }), NONE),
        kind,
      ).toEqual({});
      expect(
        validateValues(kind, values(kind, { withSnapshot: true, snapshotId: badId }), NONE),
        kind,
      ).toHaveProperty('snapshotId');
    }
  });

  it('allows snapshot identifiers longer than instance identifiers, up to 255', () => {
    expect(
      validateValues('snapshot', values('snapshot', { snapshotId: `s${'x'.repeat(254)}` }), NONE),
    ).toEqual({});
    expect(
      validateValues('snapshot', values('snapshot', { snapshotId: `s${'x'.repeat(255)}` }), NONE),
    ).toEqual({
      snapshotId: 'The DB snapshot identifier is at most 255 characters',
    });
  });
});

describe('validateValues for actions without fields', () => {
  it('has nothing to say about promote, reboot or start, whatever the fields hold', () => {
    const junk = values('reboot', {
      replicaId: '',
      instanceClass: 'x',
      snapshotId: '--',
      withSnapshot: true,
    });
    for (const kind of ['promote', 'reboot', 'start'] as const) {
      expect(validateValues(kind, junk, NONE), kind).toEqual({});
    }
  });
});

describe('the proposed replica identifier', () => {
  it('always passes the identifier rules, even cut at a hyphen or at the length limit', () => {
    const hyphenAtCut = instance({ id: `${'a'.repeat(54)}-bbbbbbbb` });
    const proposed = initialValues('createReplica', hyphenAtCut, NONE, NOW).replicaId;
    expect(proposed).not.toContain('--');
    expect(
      validateValues('createReplica', { ...values('createReplica'), replicaId: proposed }, NONE).replicaId,
    ).toBeUndefined();

    const longest = instance({ id: `a${'b'.repeat(62)}` });
    const first = initialValues('createReplica', longest, NONE, NOW).replicaId;
    const second = initialValues('createReplica', longest, new Set([first]), NOW).replicaId;
    for (const id of [first, second]) {
      expect(id.length).toBeLessThanOrEqual(63);
      expect(
        validateValues('createReplica', { ...values('createReplica'), replicaId: id }, NONE).replicaId,
      ).toBeUndefined();
    }
    expect(second).toMatch(/-replica-2$/);
  });
});
