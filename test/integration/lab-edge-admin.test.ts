import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEdgeServer, type EdgeServer } from '../../src/lab/edge/edge-server';
import { jsonReply } from '../../src/lab/edge/json-protocol';
import type { AdminHandler, ServiceHandler } from '../../src/lab/edge/types';
import { newLabCredentials } from '../../src/lab/lab-credentials';
import { LabError } from '../../src/lab/lab-error';
import { adminHeaders, edgeClientConfig, postToEdge } from '../support/edge-client';

const REGION = 'eu-west-1';
const CREDENTIALS = newLabCredentials();
const echoed: unknown[] = [];

const services: Partial<Record<string, ServiceHandler>> = {
  dynamodb: async (req) => jsonReply(req, { TableNames: [] }),
  rds: async () => ({ status: 200, headers: { 'content-type': 'text/xml' }, body: '<ok/>' }),
};
const admin: Record<string, AdminHandler> = {
  'faults/echo': async (body) => {
    echoed.push(body);
    return { echoed: body };
  },
  'faults/refuse': async () => {
    throw new LabError('BadRequest', 'share must be 0..1');
  },
  'faults/crash': async () => {
    throw new Error('admin handler failed');
  },
};

let edge: EdgeServer;

beforeAll(async () => {
  edge = await startEdgeServer({ port: 0, services, admin, credentials: CREDENTIALS });
});

afterAll(async () => {
  await edge?.close();
});

const post = (path: string, headers: Record<string, string>, body: string) =>
  postToEdge(edge.url, path, headers, body);

describe('edge admin routes', () => {
  it('answers health with what is served', async () => {
    const response = await fetch(`${edge.url}/_lab/health`);
    expect(await response.json()).toEqual({
      status: 'ok',
      services: ['dynamodb', 'rds'],
      admin: ['faults/echo', 'faults/refuse', 'faults/crash'],
    });
  });

  it('posts JSON to the named handler and answers JSON errors', async () => {
    const call = (name: string, body: string, headers: Record<string, string> = adminHeaders(CREDENTIALS)) =>
      post(`/_lab/${name}`, headers, body);
    const echoed = await call('faults/echo', '{"share": 0.5}');
    expect(echoed).toEqual({ status: 200, text: '{"echoed":{"share":0.5}}' });
    const refused = await call('faults/refuse', '{}');
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.text)).toEqual({
      error: { code: 'BadRequest', message: 'share must be 0..1' },
    });
    expect((await call('faults/crash', '{}')).status).toBe(500);
    const unknown = await call('faults/nope', '{}');
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.text).error.message).toMatch(
      /Known: health, faults\/crash, faults\/echo, faults\/refuse\.$/,
    );
    expect((await call('faults/echo', '{"share": ')).status).toBe(400);
    const plainText = { ...adminHeaders(CREDENTIALS), 'content-type': 'text/plain' };
    expect((await call('faults/echo', '{}', plainText)).status).toBe(415);
    expect((await fetch(`${edge.url}/_lab/faults/echo`)).status).toBe(405);
    expect((await call('toString', '{}')).status).toBe(404);
  });
});

describe('edge admin routes against other local processes and web pages', () => {
  it('refuses a fault without the lab key, or with a wrong one, and applies nothing', async () => {
    echoed.length = 0;
    const json = { 'content-type': 'application/json' };
    for (const headers of [
      json,
      { ...json, 'x-lab-admin-key': newLabCredentials().secretAccessKey },
      { ...json, 'x-lab-admin-key': CREDENTIALS.accessKeyId },
    ]) {
      const refused = await post('/_lab/faults/echo', headers, '{"share": 1}');
      expect(refused.status).toBe(403);
      expect(JSON.parse(refused.text).error).toMatchObject({ code: 'AccessDenied' });
    }
    expect(echoed).toEqual([]);
  });

  it('refuses what an HTML form on any web page can send: a simple POST, with or without Origin', async () => {
    echoed.length = 0;
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    for (const headers of [
      form,
      { ...form, origin: 'https://evil.example' },
      { 'content-type': 'text/plain' },
    ]) {
      const response = await post('/_lab/faults/echo', headers, '{"share": 1}');
      expect(response.status).toBeGreaterThanOrEqual(400);
    }
    expect(echoed).toEqual([]);
  });
});

describe('edge lifecycle', () => {
  it('names the --port flag when the port is taken', async () => {
    const taken = { port: edge.port, services: {}, admin: {}, credentials: CREDENTIALS };
    await expect(startEdgeServer(taken)).rejects.toThrow(
      new RegExp(`Port ${edge.port} on 127\\.0\\.0\\.1 is already in use.*--port`),
    );
  });

  it('closes promptly with an SDK connection kept alive', async () => {
    const other = await startEdgeServer({ port: 0, services, admin: {}, credentials: CREDENTIALS });
    const dynamo = new DynamoDBClient(edgeClientConfig(other.url, REGION, CREDENTIALS));
    await dynamo.send(new ListTablesCommand({}));
    const started = performance.now();
    await other.close();
    expect(performance.now() - started).toBeLessThan(1_000);
    dynamo.destroy();
  });
});
