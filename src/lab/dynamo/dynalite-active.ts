import type { Agent } from 'node:http';
import { postToBackend } from './backend-request';

const ATTEMPTS = 100;
const PAUSE_MS = 10;

/**
 * dynalite flips a new table to ACTIVE on a timer even with `createTableMs: 0`, so a PutItem sent right
 * after CreateTable could still meet a CREATING table. The proxy waits here before it answers, which
 * makes "tables are ACTIVE at once" hold as it does on DynamoDB Local.
 */
export async function waitUntilDynaliteTableActive(
  endpoint: URL,
  headers: Record<string, string>,
  createBody: Buffer,
  agent: Agent,
): Promise<void> {
  const tableName = (JSON.parse(createBody.toString('utf8')) as { TableName?: unknown }).TableName;
  if (typeof tableName !== 'string') return;
  const body = Buffer.from(JSON.stringify({ TableName: tableName }));
  const describe = { ...headers, 'x-amz-target': 'DynamoDB_20120810.DescribeTable' };
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const reply = await postToBackend(endpoint, {
      path: '/',
      headers: describe,
      body,
      timeoutMs: 5_000,
      agent,
    });
    const status = (JSON.parse(reply.body.toString('utf8')) as { Table?: { TableStatus?: string } }).Table
      ?.TableStatus;
    if (reply.status !== 200 || status === 'ACTIVE') return;
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
  }
}
