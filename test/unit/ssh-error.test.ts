import { describe, expect, it } from 'vitest';
import { mapSshConnectError, mapSshForwardError } from '../../src/main/connect/ssh-error';
import { openSshTunnel } from '../../src/main/connect/ssh-tunnel';
import type { SshTunnel } from '../../src/shared/models/profile';

const SSH: SshTunnel = { host: 'bastion', port: 2222, user: 'ops', auth: { kind: 'key', keyPath: '/k/id' } };
const TARGET = { host: 'db.internal', port: 3306 };

// Shapes as ssh2 1.x emits them: `level` on handshake errors, socket errors carry Node's `code`.
describe('mapSshConnectError', () => {
  it.each([
    [
      Object.assign(new Error('All configured authentication methods failed'), {
        level: 'client-authentication',
      }),
      'auth',
      'refused the user ops with the key /k/id',
    ],
    [
      Object.assign(new Error('connect ECONNREFUSED'), { level: 'client-socket', code: 'ECONNREFUSED' }),
      'unreachable',
      'bastion:2222: connection refused',
    ],
    [
      Object.assign(new Error('getaddrinfo ENOTFOUND'), { level: 'client-socket', code: 'ENOTFOUND' }),
      'unreachable',
      'host not found: bastion',
    ],
    [
      Object.assign(new Error('Timed out while waiting for handshake'), { level: 'client-timeout' }),
      'timeout',
      'did not finish the handshake',
    ],
    [
      new Error('Cannot parse privateKey: Encrypted private OpenSSH key detected, but no passphrase given'),
      'key',
      'Check the file and its passphrase',
    ],
  ])('names the cause of %s', (err, cause, message) => {
    const mapped = mapSshConnectError(err, SSH);
    expect(mapped).toMatchObject({ code: 'SSH_FAILED', details: { cause } });
    expect(mapped.message).toContain(message);
  });

  it('speaks of the agent when the agent was used', () => {
    const err = Object.assign(new Error('auth'), { level: 'client-authentication' });
    expect(mapSshConnectError(err, { ...SSH, auth: { kind: 'agent' } }).message).toContain('SSH agent');
  });
});

describe('mapSshForwardError', () => {
  it('names the database the bastion would not reach', () => {
    const err = Object.assign(new Error('(SSH) Channel open failure: Connection refused'), { reason: 2 });
    const mapped = mapSshForwardError(err, SSH, TARGET);
    expect(mapped).toMatchObject({ code: 'SSH_FAILED', details: { cause: 'forward', reason: 2 } });
    expect(mapped.message).toContain('db.internal:3306: Channel open failure: Connection refused');
  });
});

describe('openSshTunnel before any network', () => {
  it('says when no SSH agent is running', async () => {
    await expect(
      openSshTunnel({ ...SSH, auth: { kind: 'agent' } }, undefined, TARGET, { agentSocket: undefined }),
    ).rejects.toMatchObject({ code: 'SSH_FAILED', details: { cause: 'agent' } });
  });

  it('says when the key file cannot be read', async () => {
    const readKey = (): Promise<Buffer> =>
      Promise.reject(Object.assign(new Error('EACCES'), { code: 'EACCES' }));
    await expect(openSshTunnel(SSH, undefined, TARGET, { readKey })).rejects.toMatchObject({
      code: 'SSH_FAILED',
      details: { cause: 'key', driverCode: 'EACCES' },
      message: 'Cannot read the SSH key /k/id: permission denied.',
    });
  });
});
