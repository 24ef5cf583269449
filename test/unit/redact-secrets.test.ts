import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REDACTED, redactMessage, redactSecrets } from '../../src/shared/sql/redact-secrets';

/** Ways a client may write a password literal: each reads back as the same password on some server. */
const literals: Record<string, (s: string) => string> = {
  'backslash escapes': (s) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`,
  'doubled quotes': (s) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`,
  'double quotes': (s) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '""')}"`,
  NO_BACKSLASH_ESCAPES: (s) => `'${s.replace(/'/g, "''")}'`,
};

/** Statements that carry a password; LIT stands for its literal (the same password where it appears twice). */
const templates = [
  "CREATE USER 'bob'@'%' IDENTIFIED BY LIT",
  "CREATE USER IF NOT EXISTS bob IDENTIFIED BY LIT, 'eve'@'localhost' IDENTIFIED BY LIT",
  "ALTER USER 'bob'@'%' IDENTIFIED WITH mysql_native_password BY LIT",
  "ALTER USER bob IDENTIFIED WITH 'caching_sha2_password' AS LIT",
  "GRANT SELECT ON *.* TO 'bob'@'%' IDENTIFIED BY LIT",
  'CREATE USER bob IDENTIFIED VIA ed25519 USING PASSWORD(LIT) OR unix_socket',
  "SET PASSWORD FOR 'bob'@'%' = PASSWORD(LIT)",
  'SET PASSWORD = LIT',
  'ALTER USER USER() IDENTIFIED BY LIT REPLACE LIT',
  "CHANGE MASTER TO MASTER_HOST='db1', MASTER_USER='repl', MASTER_PASSWORD=LIT, MASTER_PORT=3306",
  "CHANGE REPLICATION SOURCE TO SOURCE_USER = 'repl', SOURCE_PASSWORD = LIT",
  'ALTER ROLE app WITH LOGIN PASSWORD LIT VALID UNTIL 2030',
  'CREATE USER app ENCRYPTED PASSWORD LIT',
  'SELECT /* note */ PASSWORD(LIT)',
  'create user bob identified by LIT',
];

describe('redactSecrets', () => {
  it.each(templates)('takes the password out of %s', (template) => {
    const { text } = redactSecrets(template.replaceAll('LIT', "'s3cr3t-Pa55'"));
    expect(text).toBe(template.replaceAll('LIT', REDACTED));
  });

  it('leaves no piece of any password behind, however it is quoted', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 40 }),
        fc.constantFrom(...templates),
        fc.constantFrom(...Object.values(literals)),
        (password, template, literal) => {
          const sql = template.replaceAll('LIT', () => literal(password));
          const { text } = redactSecrets(sql);
          const around = template.replaceAll('LIT', ' ');
          for (let len = 4; len <= password.length; len++) {
            for (let at = 0; at + len <= password.length; at++) {
              const piece = password.slice(at, at + len);
              if (!around.includes(piece) && !REDACTED.includes(piece)) expect(text).not.toContain(piece);
            }
          }
          // A backslash in the literal may end it early in one reading, which then redacts more.
          if (!literal(password).includes('\\')) expect(text).toBe(template.replaceAll('LIT', REDACTED));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('is not fooled by a quote trick that ends the literal early in one reading of backslashes', () => {
    const { text } = redactSecrets("CREATE USER bob IDENTIFIED BY 'abc\\' hunter2 ' -- '");
    expect(text).not.toContain('hunter2');
  });

  it('leaves statements without passwords as they are', () => {
    for (const sql of [
      "SELECT 'IDENTIFIED BY' AS x",
      'SELECT user, host FROM mysql.user',
      'CREATE USER bob',
    ]) {
      expect(redactSecrets(sql)).toEqual({ text: sql, removed: [] });
    }
  });

  it('cleans an error message that quotes the text near a password', () => {
    const sql = "CREATE USER bob IDENTIFIED BY nonsense 'hunter2-long'";
    const { removed } = redactSecrets(sql);
    const message =
      "You have an error in your SQL syntax; check the manual that corresponds to your MariaDB server version for the right syntax to use near ''hunter2-long'' at line 1";
    const cleaned = redactMessage(message, removed);
    expect(cleaned).not.toContain('hunter2');
    expect(cleaned).toContain('at line 1');
  });
});
