import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import { registerCleanup } from './cleanup';

/** One login a client tried: the user it named and the auth data it sent (a scramble, or nothing). */
export interface RecordedLogin {
  user: string;
  /** The 20-byte nonce the fake sent, so a test can tell which password the scramble was made from. */
  nonce: Buffer;
  authData: Buffer;
}

export interface FakeMysqlServer {
  host: string;
  port: number;
  logins: RecordedLogin[];
  stop(): Promise<void>;
}

// CLIENT_LONG_PASSWORD | CLIENT_LONG_FLAG | CLIENT_CONNECT_WITH_DB | CLIENT_PROTOCOL_41 |
// CLIENT_SECURE_CONNECTION | CLIENT_PLUGIN_AUTH | CLIENT_PLUGIN_AUTH_LENENC_CLIENT_DATA; no CLIENT_SSL.
const CAPABILITIES = 0x1 | 0x4 | 0x8 | 0x200 | 0x8000 | 0x80000 | 0x200000;
const PLUGIN = 'mysql_native_password';

/**
 * A TCP server speaking just enough of the MySQL protocol to see a login: it sends a HandshakeV10
 * offering mysql_native_password, records the user and auth data of the HandshakeResponse41, and
 * answers ER_ACCESS_DENIED. What a rogue server announced as a replica would capture. `host` may be
 * any loopback address (127.0.0.2 on Linux) to stand for "another host".
 */
export async function startFakeMysqlServer(host = '127.0.0.1'): Promise<FakeMysqlServer> {
  const logins: RecordedLogin[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    const nonce = Buffer.from(randomBytes(20).map((b) => (b % 94) + 33));
    socket.write(packet(0, handshake(nonce)));
    let buffered = Buffer.alloc(0);
    socket.on('data', (chunk) => {
      buffered = Buffer.concat([buffered, chunk]);
      if (buffered.length < 4) return;
      const length = buffered.readUIntLE(0, 3);
      if (buffered.length < 4 + length) return;
      logins.push({ ...parseResponse(buffered.subarray(4, 4 + length)), nonce: Buffer.from(nonce) });
      socket.end(packet(2, accessDenied()));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the fake MySQL server has no port');
  const stop = registerCleanup('fake mysql server', async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return { host, port: address.port, logins, stop };
}

function packet(sequence: number, payload: Buffer): Buffer {
  const header = Buffer.alloc(4);
  header.writeUIntLE(payload.length, 0, 3);
  header.writeUInt8(sequence, 3);
  return Buffer.concat([header, payload]);
}

function handshake(nonce: Buffer): Buffer {
  const fixed = Buffer.alloc(4 + 8 + 1 + 2 + 1 + 2 + 2 + 1 + 10);
  let at = 0;
  at = fixed.writeUInt32LE(7, at);
  at += nonce.copy(fixed, at, 0, 8);
  at = fixed.writeUInt8(0, at);
  at = fixed.writeUInt16LE(CAPABILITIES & 0xffff, at);
  at = fixed.writeUInt8(0x21, at); // utf8_general_ci
  at = fixed.writeUInt16LE(0x0002, at); // SERVER_STATUS_AUTOCOMMIT
  at = fixed.writeUInt16LE(CAPABILITIES >>> 16, at);
  fixed.writeUInt8(21, at);
  return Buffer.concat([
    Buffer.from([0x0a]),
    Buffer.from('5.7.99-fake\0', 'latin1'),
    fixed,
    nonce.subarray(8),
    Buffer.from([0]),
    Buffer.from(`${PLUGIN}\0`, 'latin1'),
  ]);
}

function parseResponse(payload: Buffer): Omit<RecordedLogin, 'nonce'> {
  const capabilities = payload.readUInt32LE(0);
  let at = 4 + 4 + 1 + 23;
  const userEnd = payload.indexOf(0, at);
  const user = payload.subarray(at, userEnd).toString('utf8');
  at = userEnd + 1;
  // Either a length-encoded integer (< 251 here) or a one-byte length, before the auth data.
  const lenenc = (capabilities & 0x200000) !== 0 || (capabilities & 0x8000) !== 0;
  const authLength = lenenc ? (payload[at] ?? 0) : 0;
  const authData = Buffer.from(payload.subarray(at + 1, at + 1 + authLength));
  return { user, authData };
}

function accessDenied(): Buffer {
  return Buffer.concat([
    Buffer.from([0xff]),
    Buffer.from([1045 & 0xff, 1045 >> 8]),
    Buffer.from('#28000Access denied (a fake server that records logins)', 'utf8'),
  ]);
}

/** mysql_native_password's answer to `nonce` for `password`: what a client sends that knows it. */
export function nativeScramble(password: string, nonce: Buffer): Buffer {
  const sha1 = (...parts: Buffer[]): Buffer => createHash('sha1').update(Buffer.concat(parts)).digest();
  const once = sha1(Buffer.from(password, 'utf8'));
  const mask = sha1(nonce, sha1(once));
  return Buffer.from(once.map((b, i) => b ^ (mask[i] ?? 0)));
}
