import { describe, expect, it } from 'vitest';
import type { RdsInstance } from '../../src/shared/models/rds';
import {
  ACTION_TEXT,
  canConnect,
  menuActions,
  needsTypedConfirmation,
  unavailableReason,
  type RdsActionKind,
} from '../../src/renderer/src/features/rds/actions/action-kinds';
import { rdsInstance } from './support/rds-instance-fixtures';

const KINDS: RdsActionKind[] = ['createReplica', 'promote', 'reboot', 'stop', 'start', 'snapshot', 'delete'];

function instance(overrides: Partial<RdsInstance> = {}): RdsInstance {
  return rdsInstance({ endpoint: { address: 'localhost', port: 4510 }, role: 'primary', ...overrides });
}
const reasons = (i: RdsInstance) => Object.fromEntries(KINDS.map((k) => [k, unavailableReason(k, i)]));

describe('menuActions', () => {
  it('offers stop for a running primary and start for a stopped one, never both', () => {
    expect(menuActions(instance())).toEqual(['createReplica', 'reboot', 'stop', 'snapshot', 'delete']);
    expect(menuActions(instance({ status: 'stopped' }))).toEqual([
      'createReplica',
      'reboot',
      'start',
      'snapshot',
      'delete',
    ]);
  });

  it('offers promote only for a replica', () => {
    expect(menuActions(instance({ role: 'replica', sourceId: 'src' }))).toEqual([
      'createReplica',
      'promote',
      'reboot',
      'stop',
      'snapshot',
      'delete',
    ]);
    expect(menuActions(instance({ role: 'standalone' }))).not.toContain('promote');
  });

  it('has words for every action', () => {
    for (const kind of KINDS) {
      expect(ACTION_TEXT[kind].menu, kind).not.toBe('');
      expect(ACTION_TEXT[kind].verb, kind).not.toBe('');
    }
  });
});

describe('unavailableReason', () => {
  it('allows everything but start and promote on an available primary', () => {
    expect(reasons(instance())).toEqual({
      createReplica: null,
      promote: 'Only a read replica can be promoted.',
      reboot: null,
      stop: null,
      start: 'Only a stopped instance can be started.',
      snapshot: null,
      delete: null,
    });
  });

  it('allows only start and delete on a stopped instance, saying its status', () => {
    expect(reasons(instance({ status: 'stopped' }))).toEqual({
      createReplica: 'The instance must be available (it is stopped).',
      promote: 'Only a read replica can be promoted.',
      reboot: 'The instance must be available (it is stopped).',
      stop: 'The instance must be available (it is stopped).',
      start: null,
      snapshot: 'The instance must be available (it is stopped).',
      delete: null,
    });
  });

  it('promotes a replica only once it is available', () => {
    expect(unavailableReason('promote', instance({ role: 'replica' }))).toBeNull();
    expect(unavailableReason('promote', instance({ role: 'replica', status: 'modifying' }))).toBe(
      'The replica must be available.',
    );
  });

  it('refuses to delete a protected instance or one already being deleted', () => {
    expect(unavailableReason('delete', instance({ deletionProtection: true }))).toBe(
      'Deletion protection is on for this instance.',
    );
    expect(unavailableReason('delete', instance({ status: 'deleting' }))).toBe(
      'The instance is already being deleted.',
    );
    // A stuck creation can still be deleted.
    expect(unavailableReason('delete', instance({ status: 'incompatible-parameters' }))).toBeNull();
  });
});

describe('needsTypedConfirmation', () => {
  it('asks to type the identifier for what cannot be taken back or drops every connection', () => {
    expect(Object.fromEntries(KINDS.map((k) => [k, needsTypedConfirmation(k, false)]))).toEqual({
      createReplica: false,
      promote: true,
      reboot: false,
      stop: true,
      start: false,
      snapshot: false,
      delete: true,
    });
    expect(needsTypedConfirmation('reboot', true)).toBe(true);
  });
});

describe('canConnect', () => {
  it('needs an endpoint on an instance that is up', () => {
    expect(canConnect(instance())).toBe(true);
    expect(canConnect(instance({ status: 'backing-up' }))).toBe(true);
    expect(canConnect(instance({ endpoint: undefined, status: 'creating' }))).toBe(false);
    for (const status of ['stopped', 'stopping', 'deleting']) {
      expect(canConnect(instance({ status })), status).toBe(false);
    }
  });
});
