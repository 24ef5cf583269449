import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  checkHostKey,
  fingerprint,
  hostFieldMatches,
  hostLookupName,
  parseKnownHosts,
} from '../../src/main/connect/known-hosts';

/** A public key blob as SSH encodes it: length-prefixed type, then key bytes. */
function blob(type: string, body: Buffer = randomBytes(32)): Buffer {
  const name = Buffer.from(type);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(name.length);
  const bodyLen = Buffer.alloc(4);
  bodyLen.writeUInt32BE(body.length);
  return Buffer.concat([len, name, bodyLen, body]);
}

const ED = blob('ssh-ed25519');
const OTHER_ED = blob('ssh-ed25519');
const ECDSA = blob('ecdsa-sha2-nistp256');
const line = (hosts: string, key: Buffer, type = 'ssh-ed25519'): string =>
  `${hosts} ${type} ${key.toString('base64')}`;

function verdict(text: string, host: string, port: number, key: Buffer) {
  return checkHostKey(parseKnownHosts(text, 'kh'), hostLookupName(host, port), key);
}

function hashed(name: string): string {
  const salt = randomBytes(20);
  const mac = createHmac('sha1', salt).update(name).digest();
  return `|1|${salt.toString('base64')}|${mac.toString('base64')}`;
}

describe('known_hosts matching', () => {
  it('trusts a plain host entry with the same key', () => {
    expect(verdict(line('bastion.example', ED), 'bastion.example', 22, ED)).toEqual({ kind: 'trusted' });
    expect(verdict(line('Bastion.Example', ED), 'bastion.example', 22, ED)).toEqual({ kind: 'trusted' });
  });

  it('matches a non-22 port only in brackets', () => {
    expect(verdict(line('[bastion]:2222', ED), 'bastion', 2222, ED)).toEqual({ kind: 'trusted' });
    expect(verdict(line('bastion', ED), 'bastion', 2222, ED)).toEqual({ kind: 'unknown' });
    expect(verdict(line('[bastion]:2222', ED), 'bastion', 22, ED)).toEqual({ kind: 'unknown' });
  });

  it('reads comma lists and wildcards, and a matching negation rules a line out', () => {
    expect(hostFieldMatches('db,bastion,10.0.0.1', 'bastion')).toBe(true);
    expect(hostFieldMatches('*.example.com', 'b1.example.com')).toBe(true);
    expect(hostFieldMatches('b?.example.com', 'b1.example.com')).toBe(true);
    expect(hostFieldMatches('b?.example.com', 'b12.example.com')).toBe(false);
    expect(hostFieldMatches('[*.example.com]:2222', '[b1.example.com]:2222')).toBe(true);
    expect(hostFieldMatches('*.example.com,!evil.example.com', 'evil.example.com')).toBe(false);
    expect(hostFieldMatches('!evil.example.com', 'good.example.com')).toBe(false);
    expect(hostFieldMatches('b.example.com', 'bxexample.com')).toBe(false);
  });

  it('matches a hashed entry by HMAC-SHA1 of the lookup name', () => {
    expect(verdict(line(hashed('bastion'), ED), 'bastion', 22, ED)).toEqual({ kind: 'trusted' });
    expect(verdict(line(hashed('[bastion]:2222'), ED), 'bastion', 2222, ED)).toEqual({ kind: 'trusted' });
    expect(verdict(line(hashed('bastion'), ED), 'other', 22, ED)).toEqual({ kind: 'unknown' });
  });

  it('refuses a revoked key even when another line lists it', () => {
    const text = [line('bastion', ED), `@revoked * ssh-ed25519 ${ED.toString('base64')}`].join('\n');
    expect(verdict(text, 'bastion', 22, ED)).toEqual({ kind: 'revoked', source: 'kh:2' });
  });

  it('skips @cert-authority lines', () => {
    const text = `@cert-authority bastion ssh-ed25519 ${ED.toString('base64')}`;
    expect(verdict(text, 'bastion', 22, ED)).toEqual({ kind: 'unknown' });
  });

  it('calls another key of the same type for the host a changed key', () => {
    const text = ['# comment', '', line('bastion', OTHER_ED)].join('\n');
    expect(verdict(text, 'bastion', 22, ED)).toEqual({ kind: 'changed', source: 'kh:3' });
  });

  it('calls a host unknown when nothing, or only another key type, is listed for it', () => {
    expect(verdict(line('elsewhere', ED), 'bastion', 22, ED)).toEqual({ kind: 'unknown' });
    expect(verdict(line('bastion', ECDSA, 'ecdsa-sha2-nistp256'), 'bastion', 22, ED)).toEqual({
      kind: 'unknown',
    });
  });

  it('skips malformed lines and lines whose type disagrees with the blob', () => {
    const text = ['bastion ssh-ed25519', line('bastion', ED, 'ssh-rsa'), '@bogus bastion x y'].join('\n');
    expect(parseKnownHosts(text, 'kh')).toEqual([]);
  });

  it('prints fingerprints as OpenSSH does', () => {
    expect(fingerprint(ED)).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
  });
});
