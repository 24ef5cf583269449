import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/shared/errors';
import { dispatch, type Handlers } from '../../src/shared/rpc';

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const unused = (): never => {
    throw new Error('not called');
  };
  return {
    'app.info': () => ({
      name: 'x',
      version: '1',
      mode: 'browser',
      secretStorage: 'memory',
      dataDir: '/tmp',
    }),
    'profiles.list': () => ({ profiles: [] }),
    'profiles.save': unused,
    'profiles.delete': unused,
    'connections.test': unused,
    'sql.open': unused,
    'sql.close': unused,
    'sql.run': unused,
    'sql.rows': unused,
    'sql.closeResults': unused,
    'sql.cancel': unused,
    'sql.setAutocommit': unused,
    'sql.commit': unused,
    'sql.rollback': unused,
    'sql.history.list': unused,
    'sql.history.clear': unused,
    'sql.saved.list': unused,
    'sql.saved.save': unused,
    'sql.saved.delete': unused,
    'schema.databases': unused,
    'schema.objects': unused,
    'schema.table': unused,
    'schema.ddl': unused,
    'schema.catalog': unused,
    'schema.refresh': unused,
    'lab.overview': unused,
    'lab.start': unused,
    'lab.stop': unused,
    'aws.profiles': unused,
    'aws.identity': unused,
    'aws.regions': unused,
    'aws.answerMfa': unused,
    'rds.listInstances': unused,
    'rds.describeInstance': unused,
    'rds.createReadReplica': unused,
    'rds.promoteReadReplica': unused,
    'rds.reboot': unused,
    'rds.stop': unused,
    'rds.start': unused,
    'rds.createSnapshot': unused,
    'rds.delete': unused,
    'rds.connectionProfile': unused,
    'secrets.list': unused,
    'cloudwatch.instanceMetrics': unused,
    'replication.open': unused,
    'replication.refresh': unused,
    'replication.close': unused,
    'replication.attachPeer': unused,
    'replication.approvePeer': unused,
    'replication.approvals': unused,
    'replication.revokeApproval': unused,
    'replication.configure': unused,
    'replication.tables': unused,
    'replication.startCheck': unused,
    'replication.cancelCheck': unused,
    'sql.tableInfo': unused,
    'sql.tableRows': unused,
    'sql.previewEdits': unused,
    'sql.applyEdits': unused,
    'sql.explain': unused,
    'sql.export': unused,
    'sql.cancelExport': unused,
    'sql.importPreview': unused,
    'sql.importCsv': unused,
    'sql.cancelImport': unused,
    'dynamo.endpoint': unused,
    'dynamo.listTables': unused,
    'dynamo.describeTable': unused,
    'dynamo.tableCode': unused,
    'dynamo.createTable': unused,
    'dynamo.deleteTable': unused,
    'dynamo.updateTtl': unused,
    'dynamo.updateStream': unused,
    'dynamo.read': unused,
    'dynamo.fetchAll': unused,
    'dynamo.cancelJob': unused,
    'dynamo.getItem': unused,
    'dynamo.putItem': unused,
    'dynamo.deleteItem': unused,
    'dynamo.deleteItems': unused,
    'dynamo.transactWrite': unused,
    'dynamo.partiql': unused,
    'dynamo.partiqlBatch': unused,
    'dynamo.prices': unused,
    'dynamo.savePrices': unused,
    'dynamo.startStream': unused,
    'dynamo.stopStream': unused,
    'dynamo.exportFile': unused,
    'dynamo.exportDownload': unused,
    'dynamo.importText': unused,
    ...overrides,
  };
}

const ctx = { transport: 'direct' as const };

describe('dispatch', () => {
  it('returns the handler value in an ok envelope', async () => {
    const res = await dispatch(handlers(), 'profiles.list', {}, ctx);
    expect(res).toEqual({ ok: true, value: { profiles: [] } });
  });

  it('answers an unknown channel with an error envelope instead of throwing', async () => {
    const res = await dispatch(handlers(), 'fs.readFile', {}, ctx);
    expect(res).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(await dispatch(handlers(), 42, {}, ctx)).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' },
    });
  });

  it('refuses a malformed request before the handler runs, naming the field', async () => {
    let called = false;
    const h = handlers({
      'sql.run': () => (
        (called = true),
        { kind: 'ok', affectedRows: 0, insertId: null, warningCount: 0, info: '', durationMs: 0 }
      ),
    });
    const res = await dispatch(h, 'sql.run', { sessionId: 'a', sql: 5 }, ctx);
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST', name: 'ValidationError' } });
    if (!res.ok) expect(res.error.message).toContain('sql');
    expect(called).toBe(false);
  });

  it('refuses extra fields, so a typo cannot pass silently', async () => {
    const res = await dispatch(handlers(), 'profiles.list', { sneaky: true }, ctx);
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
  });

  it('keeps the name, code and message of an AppError', async () => {
    const h = handlers({
      'profiles.delete': () => {
        throw new AppError('NOT_FOUND', 'No such profile', { id: 'p1' }, 'ProfileError');
      },
    });
    const res = await dispatch(h, 'profiles.delete', { id: 'p1' }, ctx);
    expect(res).toEqual({
      ok: false,
      error: { name: 'ProfileError', code: 'NOT_FOUND', message: 'No such profile', details: { id: 'p1' } },
    });
  });

  it('turns an unexpected error into INTERNAL without a stack', async () => {
    const h = handlers({
      'profiles.list': async () => {
        throw new TypeError('boom');
      },
    });
    const res = await dispatch(h, 'profiles.list', {}, ctx);
    expect(res).toEqual({ ok: false, error: { name: 'TypeError', code: 'INTERNAL', message: 'boom' } });
  });
});
