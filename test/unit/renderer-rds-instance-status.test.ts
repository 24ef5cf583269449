import { describe, expect, it } from 'vitest';
import type { RdsInstance } from '../../src/shared/models/rds';
import {
  anyTransitional,
  isBroken,
  isTransitional,
  nodeTone,
  replicationTone,
  statusTone,
} from '../../src/renderer/src/features/rds/instance-status';
import { dateText } from '../../src/renderer/src/components/format-date';
import {
  backupText,
  endpointText,
  engineText,
  roleText,
  storageText,
} from '../../src/renderer/src/features/rds/instance-format';
import { findInstance, instanceKey, sameInstance } from '../../src/renderer/src/features/rds/instance-key';
import { rdsInstance, replicationInfo } from './support/rds-instance-fixtures';

function instance(overrides: Partial<RdsInstance> = {}): RdsInstance {
  return rdsInstance({ engineVersion: '10.11.9', ...overrides });
}
const info = replicationInfo;

describe('which statuses count as still moving', () => {
  it('counts the in-between statuses of the RDS reference as moving, so the list keeps refreshing', () => {
    for (const status of [
      'creating',
      'backing-up',
      'modifying',
      'rebooting',
      'starting',
      'stopping',
      'deleting',
      'upgrading',
      'configuring-enhanced-monitoring',
      'renaming',
      'resetting-master-credentials',
      'maintenance',
    ]) {
      expect(isTransitional(status), status).toBe(true);
    }
  });

  it('counts settled statuses, broken ones and a long storage optimisation as not moving', () => {
    for (const status of [
      'available',
      'stopped',
      'failed',
      'storage-full',
      'storage-optimization',
      'incompatible-parameters',
      'incompatible-network',
      'inaccessible-encryption-credentials',
      'inaccessible-encryption-credentials-recoverable',
      'restore-error',
      'insufficient-capacity',
    ]) {
      expect(isTransitional(status), status).toBe(false);
    }
  });

  it('says whether any listed instance is moving', () => {
    expect(anyTransitional([instance(), instance({ status: 'stopped' })])).toBe(false);
    expect(anyTransitional([instance(), instance({ status: 'backing-up' })])).toBe(true);
    expect(anyTransitional([])).toBe(false);
  });
});

describe('status colours', () => {
  it('tells broken statuses apart from healthy and moving ones', () => {
    expect(
      ['failed', 'storage-full', 'incompatible-option-group', 'inaccessible-encryption-credentials'].map(
        isBroken,
      ),
    ).toEqual([true, true, true, true]);
    expect(['available', 'stopped', 'storage-optimization', 'modifying'].map(isBroken)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('colours available green, stopped grey, broken red, stopping or deleting orange, the rest blue', () => {
    expect(
      Object.fromEntries(
        [
          'available',
          'storage-optimization',
          'stopped',
          'storage-full',
          'restore-error',
          'stopping',
          'deleting',
          'creating',
          'rebooting',
        ].map((s) => [s, statusTone(s)]),
      ),
    ).toEqual({
      available: 'green',
      'storage-optimization': 'green',
      stopped: 'gray',
      'storage-full': 'red',
      'restore-error': 'red',
      stopping: 'orange',
      deleting: 'orange',
      creating: 'blue',
      rebooting: 'blue',
    });
  });

  it('colours replication by its state', () => {
    expect(replicationTone(info('replicating', true))).toBe('green');
    expect(replicationTone(info('error', false))).toBe('red');
    expect(replicationTone(info('terminated', false))).toBe('red');
    expect(replicationTone(info('stopped', false))).toBe('gray');
    expect(replicationTone(info('pending', true))).toBe('blue');
    expect(replicationTone(info('pending', false))).toBe('orange');
  });

  it('shows the worse of a node and its replication', () => {
    expect(nodeTone(instance({ replication: info('error', false) }))).toBe('red');
    expect(nodeTone(instance({ replication: info('replicating', true) }))).toBe('green');
    // Its own status wins when it is not green: a rebooting replica is blue, whatever its link says.
    expect(nodeTone(instance({ status: 'rebooting', replication: info('error', false) }))).toBe('blue');
    expect(nodeTone(instance())).toBe('green');
  });
});

describe('instance texts', () => {
  it('writes the engine with its version', () => {
    expect(engineText(instance())).toBe('mariadb 10.11.9');
    expect(engineText(instance({ engineVersion: undefined }))).toBe('mariadb');
  });

  it('writes the endpoint as host:port, empty while RDS has none', () => {
    expect(endpointText(instance({ endpoint: { address: 'localhost', port: 4510 } }))).toBe('localhost:4510');
    expect(endpointText(instance())).toBe('');
  });

  it('writes storage from the parts RDS reports', () => {
    expect(
      storageText(
        instance({ storage: { type: 'gp3', allocatedGiB: 100, iops: 3000, throughputMiBps: 125 } }),
      ),
    ).toBe('gp3 · 100 GiB · 3000 IOPS · 125 MiB/s');
    expect(storageText(instance({ storage: { type: 'gp2', allocatedGiB: 20 } }))).toBe('gp2 · 20 GiB');
    expect(storageText(instance())).toBe('');
  });

  it('writes backup retention in days, "off" for zero', () => {
    expect(backupText(instance({ backupRetentionDays: 0 }))).toBe('off');
    expect(backupText(instance({ backupRetentionDays: 1 }))).toBe('1 day');
    expect(backupText(instance({ backupRetentionDays: 7 }))).toBe('7 days');
    expect(backupText(instance())).toBe('');
  });

  it('writes the role, naming the source and its region when it is elsewhere', () => {
    expect(roleText(instance({ role: 'primary' }))).toBe('primary');
    expect(roleText(instance({ role: 'replica', sourceId: 'myrdslab' }))).toBe('replica of myrdslab');
    expect(
      roleText(
        instance({
          id: 'myrdslab-eu',
          region: 'eu-west-1',
          role: 'replica',
          sourceId: 'myrdslab',
          source: { id: 'myrdslab', region: 'us-east-1' },
        }),
      ),
    ).toBe('replica of myrdslab (us-east-1)');
    expect(roleText(instance({ role: 'replica' }))).toBe('replica');
  });

  it('leaves a missing date empty and an unreadable one as it came', () => {
    expect(dateText(undefined)).toBe('');
    expect(dateText('not a date')).toBe('not a date');
    expect(dateText('2025-01-02T03:04:05Z')).toMatch(/2025/);
  });
});

describe('instance keys', () => {
  it('tells apart instances with the same identifier in two regions', () => {
    const us = instance();
    const eu = instance({ region: 'eu-west-1' });
    expect(instanceKey(us)).toBe('us-east-1/myrdslab');
    expect(sameInstance(us, eu)).toBe(false);
    expect(sameInstance(null, eu)).toBe(false);
    expect(findInstance([us, eu], { id: 'myrdslab', region: 'eu-west-1' })).toBe(eu);
    expect(findInstance([us, eu], null)).toBeUndefined();
  });
});
