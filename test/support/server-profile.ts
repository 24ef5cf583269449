import type { ProfileFields } from '../../src/shared/models/profile';

/** A plain connection profile (no TLS, no default database) on a test server, as a user would save it. */
export function serverProfile(
  name: string,
  server: { host: string; port: number; user: string },
  over: Partial<ProfileFields> = {},
): ProfileFields {
  return {
    name,
    host: server.host,
    port: server.port,
    user: server.user,
    database: '',
    tls: false,
    color: 'blue',
    readOnly: false,
    ...over,
  };
}
