import type { Connection } from 'mysql2';
import { describe, expect, it } from 'vitest';
import { createProfileConnector } from '../../src/main/connect/profile-connector';
import type { ProfileFields } from '../../src/shared/models/profile';

const saved: ProfileFields = {
  name: 'primary',
  host: 'db.example',
  port: 3306,
  user: 'app',
  database: '',
  tls: true,
  color: 'blue',
  readOnly: false,
};

function connectorWithSecrets() {
  let password = 'first';
  const opened: { fields: ProfileFields; password?: string; sshPassphrase?: string }[] = [];
  const reads: string[] = [];
  const connector = createProfileConnector(
    {
      fields: async () => saved,
      credentials: async (id) => {
        reads.push(id);
        return { fields: saved, password, sshPassphrase: 'phrase' };
      },
    },
    {
      open: async (fields, pw, sshPassphrase) => {
        opened.push({ fields, password: pw, sshPassphrase });
        return { threadId: opened.length } as unknown as Connection;
      },
    },
  );
  return { connector, opened, reads, rotate: (next: string) => (password = next) };
}

describe('the profile connector', () => {
  it('reads the stored credentials again for every connection, so a changed secret is used', async () => {
    const { connector, opened, reads, rotate } = connectorWithSecrets();
    const first = await connector.connect('p1');
    rotate('second');
    await connector.connect('p1');
    expect(first.fields).toEqual(saved);
    expect(reads).toEqual(['p1', 'p1']);
    expect(opened.map((o) => [o.password, o.sshPassphrase])).toEqual([
      ['first', 'phrase'],
      ['second', 'phrase'],
    ]);
  });

  it('sends the login, TLS and bastion to another address only when asked, naming it by that address', async () => {
    const { connector, opened } = connectorWithSecrets();
    const { fields } = await connector.connect('p1', { at: { host: '10.0.0.7', port: 3307 } });
    expect(fields).toEqual({ ...saved, host: '10.0.0.7', port: 3307, name: '10.0.0.7:3307' });
    expect(opened[0]).toEqual({ fields, password: 'first', sshPassphrase: 'phrase' });
  });

  it('gives the saved fields without opening anything', async () => {
    const { connector, opened, reads } = connectorWithSecrets();
    expect(await connector.fields('p1')).toEqual(saved);
    expect(opened).toEqual([]);
    expect(reads).toEqual([]);
  });
});
