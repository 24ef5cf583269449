import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import mysql from 'mysql2/promise';
import { dispatch } from '../../src/shared/rpc';
import type { Channel, Req, Res } from '../../src/shared/contract';
import { openConnection } from '../../src/main/mysql/open-connection';
import { SchemaService } from '../../src/main/schema/schema-service';
import type { ProfileFields } from '../../src/shared/models/profile';
import { tempServices } from '../unit/support/temp-services';
import { waitUntil } from '../support/wait-until';

const harness = inject('harness');
const primary = harness.mariadb!.primary;
const DB = 'schema_it`db';
const USER = 'schema_it';
const PASSWORD = 'schema-it-pw';

let env: Awaited<ReturnType<typeof tempServices>>;
let admin: mysql.Connection;
let profileId: string;

const FIELDS: ProfileFields = {
  name: 'schema it',
  host: primary.host,
  port: primary.port,
  user: USER,
  database: '',
  tls: false,
  color: 'blue',
  readOnly: false,
};

async function call<C extends Channel>(channel: C, req: Req<C>): Promise<Res<C>> {
  const envelope = await dispatch(env.services.handlers, channel, req, { transport: 'direct' });
  if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), envelope.error);
  return envelope.value as Res<C>;
}

// A database whose name holds a backtick, to prove every SHOW quotes it right.
const SETUP = [
  'DROP DATABASE IF EXISTS `schema_it``db`',
  'CREATE DATABASE `schema_it``db`',
  'USE `schema_it``db`',
  `CREATE TABLE teams (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL, UNIQUE KEY uq_name (name))`,
  `CREATE TABLE users (
     id INT UNSIGNED NOT NULL AUTO_INCREMENT,
     team_id INT NULL,
     email VARCHAR(120) NOT NULL DEFAULT 'nobody@example.com' COMMENT 'login',
     title VARCHAR(200) NULL,
     created DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
     PRIMARY KEY (id),
     KEY idx_team_created (team_id, created),
     KEY idx_title (title(20)),
     CONSTRAINT fk_team FOREIGN KEY (team_id) REFERENCES teams (id) ON DELETE SET NULL ON UPDATE CASCADE
   ) COMMENT 'people'`,
  "INSERT INTO teams VALUES (1, 'core'), (2, 'edge')",
  "INSERT INTO users (team_id, email) VALUES (1, 'a@x.io'), (2, 'b@x.io'), (NULL, 'c@x.io')",
  'CREATE VIEW team_sizes AS SELECT team_id, COUNT(*) AS n FROM users GROUP BY team_id',
  `CREATE TRIGGER users_bi BEFORE INSERT ON users FOR EACH ROW SET NEW.email = LOWER(NEW.email)`,
  `CREATE PROCEDURE add_team(IN p_id INT, IN p_name VARCHAR(40)) INSERT INTO teams VALUES (p_id, p_name)`,
  `CREATE FUNCTION team_count() RETURNS INT READS SQL DATA RETURN (SELECT COUNT(*) FROM teams)`,
  `CREATE USER IF NOT EXISTS '${USER}'@'127.0.0.1' IDENTIFIED BY '${PASSWORD}'`,
  `GRANT ALL ON \`schema_it\`\`db\`.* TO '${USER}'@'127.0.0.1'`,
  // MariaDB shows a routine's body to its definer or to whoever can read mysql.proc.
  `GRANT SELECT ON mysql.proc TO '${USER}'@'127.0.0.1'`,
];

beforeAll(async () => {
  env = await tempServices();
  admin = await mysql.createConnection({
    host: primary.host,
    port: primary.port,
    user: 'root',
    password: primary.password,
  });
  for (const sql of SETUP) await admin.query(sql);
  const profile = await call('profiles.save', { fields: FIELDS, password: PASSWORD });
  profileId = profile.id;
});

afterAll(async () => {
  await admin?.query('DROP DATABASE IF EXISTS `schema_it``db`');
  await admin?.query(`DROP USER IF EXISTS '${USER}'@'127.0.0.1'`);
  await admin?.end();
  await env?.cleanup();
});

describe('schema introspection', () => {
  it('lists databases, user ones first and the server’s own marked as system', async () => {
    const { databases } = await call('schema.databases', { profileId });
    const names = databases.map((d) => d.name);
    expect(names).toContain(DB);
    expect(databases.find((d) => d.name === 'information_schema')).toMatchObject({ system: true });
    expect(databases.find((d) => d.name === DB)).toMatchObject({ system: false });
    const firstSystem = databases.findIndex((d) => d.system);
    expect(databases.slice(firstSystem).every((d) => d.system)).toBe(true);
  });

  it('lists tables with estimated rows and size, views, routines and triggers', async () => {
    const objects = await call('schema.objects', { profileId, database: DB });
    expect(objects.tables.map((t) => t.name)).toEqual(['teams', 'users']);
    const users = objects.tables.find((t) => t.name === 'users')!;
    expect(users).toMatchObject({ engine: 'InnoDB', comment: 'people' });
    expect(users.estimatedRows).toBeGreaterThanOrEqual(0);
    expect(users.sizeBytes).toBeGreaterThan(0);
    expect(objects.views).toEqual(['team_sizes']);
    expect(objects.routines).toEqual([
      { name: 'add_team', kind: 'procedure', returns: null },
      { name: 'team_count', kind: 'function', returns: 'int(11)' },
    ]);
    expect(objects.triggers).toEqual([
      { name: 'users_bi', table: 'users', timing: 'BEFORE', event: 'INSERT' },
    ]);
  });

  it('describes a table: columns, indexes in column order, foreign keys, triggers', async () => {
    const users = await call('schema.table', { profileId, database: DB, table: 'users' });
    expect(users.kind).toBe('table');
    expect(users.columns.map((c) => c.name)).toEqual(['id', 'team_id', 'email', 'title', 'created']);
    expect(users.columns[0]).toMatchObject({
      type: 'int(10) unsigned',
      nullable: false,
      key: 'PRI',
      extra: 'auto_increment',
      default: null,
    });
    expect(users.columns[1]).toMatchObject({ nullable: true, key: 'MUL', default: null });
    expect(users.columns[2]).toMatchObject({ default: "'nobody@example.com'", comment: 'login' });
    expect(users.columns[4]?.default).toMatch(/current_timestamp/i);
    expect(users.indexes).toEqual([
      { name: 'PRIMARY', unique: true, primary: true, columns: ['id'], type: 'BTREE' },
      {
        name: 'idx_team_created',
        unique: false,
        primary: false,
        columns: ['team_id', 'created'],
        type: 'BTREE',
      },
      { name: 'idx_title', unique: false, primary: false, columns: ['title(20)'], type: 'BTREE' },
    ]);
    expect(users.foreignKeys).toEqual([
      {
        name: 'fk_team',
        columns: ['team_id'],
        referencedDatabase: DB,
        referencedTable: 'teams',
        referencedColumns: ['id'],
        onUpdate: 'CASCADE',
        onDelete: 'SET NULL',
      },
    ]);
    expect(users.triggers.map((t) => t.name)).toEqual(['users_bi']);

    const teams = await call('schema.table', { profileId, database: DB, table: 'teams' });
    expect(teams.indexes.find((i) => i.name === 'uq_name')).toMatchObject({
      unique: true,
      columns: ['name'],
    });
    const view = await call('schema.table', { profileId, database: DB, table: 'team_sizes' });
    expect(view.kind).toBe('view');
    expect(view.columns.map((c) => c.name)).toEqual(['team_id', 'n']);
  });

  it('answers NOT_FOUND for a table that does not exist', async () => {
    await expect(call('schema.table', { profileId, database: DB, table: 'nope' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      call('schema.ddl', { profileId, database: DB, name: 'nope', kind: 'table' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('shows the DDL of tables, views, procedures, functions and triggers', async () => {
    const ddl = async (name: string, kind: Req<'schema.ddl'>['kind']) =>
      (await call('schema.ddl', { profileId, database: DB, name, kind })).ddl;
    expect(await ddl('users', 'table')).toMatch(/^CREATE TABLE `users`[\s\S]*CONSTRAINT `fk_team`/);
    expect(await ddl('team_sizes', 'view')).toMatch(/CREATE .*VIEW `schema_it``db`.`team_sizes` AS select/i);
    expect(await ddl('add_team', 'procedure')).toMatch(/CREATE .*PROCEDURE `add_team`/);
    expect(await ddl('team_count', 'function')).toMatch(/CREATE .*FUNCTION `team_count`\(\) RETURNS int/i);
    expect(await ddl('users_bi', 'trigger')).toMatch(/CREATE .*TRIGGER `?users_bi`? BEFORE INSERT/i);
  });

  it('returns every table and its columns in one catalog call', async () => {
    const catalog = await call('schema.catalog', { profileId, database: DB });
    expect(catalog.tables.map((t) => [t.name, t.kind]).sort()).toEqual([
      ['team_sizes', 'view'],
      ['teams', 'table'],
      ['users', 'table'],
    ]);
    expect(catalog.tables.find((t) => t.name === 'users')?.columns.map((c) => c.name)).toEqual([
      'id',
      'team_id',
      'email',
      'title',
      'created',
    ]);
  });

  it('serves cached answers until refreshed', async () => {
    await call('schema.objects', { profileId, database: DB });
    await admin.query('CREATE TABLE `schema_it``db`.added_later (id INT)');
    const cached = await call('schema.objects', { profileId, database: DB });
    expect(cached.tables.map((t) => t.name)).not.toContain('added_later');
    await call('schema.refresh', { profileId });
    const fresh = await call('schema.objects', { profileId, database: DB });
    expect(fresh.tables.map((t) => t.name)).toContain('added_later');
  });

  it('reconnects once when its metadata connection is killed', async () => {
    await call('schema.refresh', { profileId });
    await call('schema.databases', { profileId });
    const metadataIds = async () => {
      const [rows] = await admin.query<mysql.RowDataPacket[]>(
        'SELECT ID AS id FROM information_schema.PROCESSLIST WHERE USER = ?',
        [USER],
      );
      return rows.map((r) => Number(r.id));
    };
    const [before] = await metadataIds();
    expect(before).toBeDefined();
    await admin.query(`KILL CONNECTION ${before}`);
    await waitUntil(async () => ((await metadataIds()).includes(before!) ? undefined : true), {
      what: 'the killed connection to leave the process list',
      timeoutMs: 5000,
    });
    await call('schema.refresh', { profileId });
    const objects = await call('schema.objects', { profileId, database: DB });
    expect(objects.tables.map((t) => t.name)).toContain('users');
    const after = await metadataIds();
    expect(after).toHaveLength(1);
    expect(after[0]).not.toBe(before);
  });

  it('reports a refused login, and connects once the password is fixed (a failed open is not kept)', async () => {
    const saved = await call('profiles.save', {
      fields: { ...FIELDS, name: 'schema bad pw' },
      password: 'wrong',
    });
    await expect(call('schema.databases', { profileId: saved.id })).rejects.toMatchObject({
      code: 'AUTH_FAILED',
    });
    await call('profiles.save', {
      id: saved.id,
      fields: { ...FIELDS, name: 'schema bad pw' },
      password: PASSWORD,
    });
    const { databases } = await call('schema.databases', { profileId: saved.id });
    expect(databases.map((d) => d.name)).toContain(DB);
  });

  it('closes its metadata connection after the idle time, and opens another on the next call', async () => {
    const schema = new SchemaService({
      connector: {
        connect: async () => ({
          conn: await openConnection(FIELDS, { user: FIELDS.user, password: PASSWORD }),
          fields: FIELDS,
        }),
      },
      idleMs: 50,
    });
    try {
      await schema.databases('p1');
      expect(schema.openProfiles()).toEqual(['p1']);
      await waitUntil(async () => (schema.openProfiles().length === 0 ? true : undefined), {
        what: 'the idle metadata connection to close',
        timeoutMs: 5000,
      });
      schema.refresh('p1');
      expect((await schema.objects('p1', DB)).views).toEqual(['team_sizes']);
    } finally {
      await schema.dispose();
    }
    expect(schema.openProfiles()).toEqual([]);
  });
});
