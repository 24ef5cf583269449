import { describe, expect, it } from 'vitest';
import { dispatch, type Handlers } from '../../src/shared/rpc';
import { MAX_REQUEST_DEPTH, MAX_REQUEST_VALUES } from '../../src/shared/request-shape';

/** Every channel answers 'handled', so a test sees whether a request got past validation. */
function handlers(): Handlers {
  return new Proxy({}, { get: () => () => 'handled' }) as Handlers;
}

const ctx = { transport: 'ws' as const };
const TABLE = { profile: 'p', region: 'us-east-1', table: 'Users' };

function nestedList(depth: number): unknown {
  let value: unknown = { S: 'leaf' };
  for (let i = 0; i < depth; i++) value = { L: [value] };
  return value;
}

function putItem(deep: unknown): unknown {
  return { ...TABLE, item: { id: { S: '1' }, deep }, expected: null, keyNames: ['id'] };
}

describe('dispatch on requests built to break it', () => {
  it('refuses a request nested 1000 deep with INVALID_REQUEST instead of overflowing the stack', async () => {
    const res = await dispatch(handlers(), 'dynamo.putItem', putItem(nestedList(1000)), ctx);
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST', name: 'ValidationError' } });
    expect(!res.ok && res.error.message).toBe(
      `Invalid request: values are nested more than ${MAX_REQUEST_DEPTH} levels deep`,
    );
  });

  it('still takes a DynamoDB item nested as deep as DynamoDB allows (32 levels)', async () => {
    const res = await dispatch(handlers(), 'dynamo.putItem', putItem(nestedList(32)), ctx);
    expect(res).toEqual({ ok: true, value: 'handled' });
  });

  it('refuses a request with more values than the limit before validating them one by one', async () => {
    const keys = new Array<number>(MAX_REQUEST_VALUES).fill(0);
    const res = await dispatch(handlers(), 'dynamo.deleteItems', { ...TABLE, keys }, ctx);
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(!res.ok && res.error.message).toMatch(/more than 2,000,000 values/);
  });

  it('answers with an error envelope, never a rejection, when reading the request throws', async () => {
    const hostile = {
      get sessionId(): string {
        throw new Error('read trap');
      },
    };
    await expect(dispatch(handlers(), 'sql.close', hostile, ctx)).resolves.toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    });
  });

  it('answers with an error envelope when a handler throws something that is not an Error', async () => {
    const throwing = new Proxy(
      {},
      {
        get: () => () => {
          throw Object.create(null) as unknown;
        },
      },
    ) as Handlers;
    await expect(dispatch(throwing, 'app.info', {}, ctx)).resolves.toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
  });
});
