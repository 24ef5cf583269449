import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PROFILE_FIELDS,
  profileFieldsSchema,
  type ProfileFields,
  sshTunnelSchema,
} from '../../src/shared/models/profile';

const KEY = {
  host: 'bastion.example.com',
  port: 22,
  user: 'ec2-user',
  auth: { kind: 'key', keyPath: '~/.ssh/id' },
};

const BASE: ProfileFields = { ...DEFAULT_PROFILE_FIELDS, name: 'db' };

describe('SSH tunnel in profile fields', () => {
  it('is optional: profiles saved before bastions existed still parse, without one', () => {
    const parsed = profileFieldsSchema.parse(BASE);
    expect(parsed.ssh).toBeUndefined();
  });

  it('takes a key file or the SSH agent', () => {
    expect(profileFieldsSchema.parse({ ...BASE, ssh: KEY }).ssh).toEqual(KEY);
    const agent = { ...KEY, auth: { kind: 'agent' } };
    expect(sshTunnelSchema.parse(agent)).toEqual(agent);
  });

  it('trims the host, user and key path', () => {
    const parsed = sshTunnelSchema.parse({
      ...KEY,
      host: ' 10.0.0.5 ',
      user: ' admin ',
      auth: { kind: 'key', keyPath: ' /k ' },
    });
    expect(parsed).toMatchObject({ host: '10.0.0.5', user: 'admin', auth: { keyPath: '/k' } });
  });

  it.each([
    ['an empty host', { ...KEY, host: '' }, 'SSH host is required'],
    ['a host with a space', { ...KEY, host: 'bad host' }, 'Not a valid host name or IP address'],
    ['port 0', { ...KEY, port: 0 }, 'Port must be between 1 and 65535'],
    ['a fractional port', { ...KEY, port: 22.5 }, 'Port must be a whole number'],
    ['an empty user', { ...KEY, user: ' ' }, 'SSH user is required'],
    ['an empty key path', { ...KEY, auth: { kind: 'key', keyPath: '' } }, 'Private key file is required'],
  ])('refuses %s with a message for the form', (_case, value, message) => {
    const result = sshTunnelSchema.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toContain(message);
  });

  it('refuses unknown auth kinds and stray fields (a passphrase never lives in the profile)', () => {
    expect(sshTunnelSchema.safeParse({ ...KEY, auth: { kind: 'password' } }).success).toBe(false);
    expect(sshTunnelSchema.safeParse({ ...KEY, passphrase: 'x' }).success).toBe(false);
    expect(sshTunnelSchema.safeParse({ ...KEY, auth: { kind: 'agent', keyPath: '/k' } }).success).toBe(false);
  });
});
