import { describe, expect, it } from 'vitest';
import { peerAccess, type PeerAccessInput } from '../../src/main/replication/peer-access';

const START = { id: 'start', name: 'prod primary', host: 'db1.example.com', port: 3306 };
const REPLICA = { id: 'replica', name: 'prod replica', host: '10.0.0.7', port: 3306 };
const RDS_LINKED = {
  id: 'linked',
  name: 'orders-replica',
  host: 'x',
  port: 1,
  rdsInstance: { id: 'orders-replica' },
};

function input(over: Partial<PeerAccessInput> = {}): PeerAccessInput {
  return {
    startProfileId: START.id,
    host: 'rogue.example.net',
    port: 3306,
    rdsInstanceId: null,
    profiles: [START, REPLICA, RDS_LINKED],
    approvals: [],
    ...over,
  };
}

describe('peerAccess: which peers get which credentials', () => {
  it('gives a peer a server merely announced no credentials at all', () => {
    expect(peerAccess(input())).toEqual({ via: { kind: 'none' }, label: null });
    // The start profile's own host on another port is another server.
    expect(peerAccess(input({ host: START.host, port: 3307 })).via).toEqual({ kind: 'none' });
  });

  it('uses a saved profile for that exact address (host in any case), with its own credentials', () => {
    expect(peerAccess(input({ host: '10.0.0.7', port: 3306 }))).toEqual({
      via: { kind: 'profile', profileId: 'replica' },
      label: 'prod replica',
    });
    expect(peerAccess(input({ host: 'DB1.example.com', port: 3306 })).via).toEqual({
      kind: 'profile',
      profileId: 'start',
    });
  });

  it('lets an instance RDS lists in the same topology use the start profile’s login', () => {
    expect(peerAccess(input({ host: 'orders-2.abc.rds.amazonaws.com', rdsInstanceId: 'orders-2' }))).toEqual({
      via: { kind: 'inherited', fromProfileId: 'start', grant: 'rds' },
      label: null,
    });
    // A profile made for that RDS instance wins over the start profile's login.
    expect(peerAccess(input({ host: 'y', rdsInstanceId: 'orders-replica' })).via).toEqual({
      kind: 'profile',
      profileId: 'linked',
    });
  });

  it('uses the start profile’s login on an address only the user approved for it', () => {
    const approvals = [{ profileId: 'start', host: 'ROGUE.example.net', port: 3306 }];
    expect(peerAccess(input({ approvals })).via).toEqual({
      kind: 'inherited',
      fromProfileId: 'start',
      grant: 'approved',
    });
    // Approved for another port, or for another profile only: nothing.
    expect(peerAccess(input({ approvals, port: 3307 })).via).toEqual({ kind: 'none' });
    const forReplica = [{ profileId: 'replica', host: 'rogue.example.net', port: 3306 }];
    expect(peerAccess(input({ approvals: forReplica })).via).toEqual({ kind: 'none' });
  });
});
