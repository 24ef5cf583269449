import { type Agent, request, type IncomingHttpHeaders } from 'node:http';

export interface BackendReply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface BackendCall {
  path: string;
  headers: Record<string, string>;
  body: Buffer;
  timeoutMs: number;
  agent?: Agent;
}

/**
 * One POST to the backend (DynamoDB Local or dynalite on 127.0.0.1), whole body in and out. The timeout
 * covers the whole exchange, so a hung backend costs the caller a bounded wait.
 */
export function postToBackend(endpoint: URL, call: BackendCall): Promise<BackendReply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: endpoint.hostname,
        port: endpoint.port,
        method: 'POST',
        path: call.path,
        headers: { ...call.headers, 'content-length': String(call.body.length) },
        agent: call.agent,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          clearTimeout(timer);
          resolve({ status: res.statusCode ?? 500, headers: res.headers, body: Buffer.concat(chunks) });
        });
        res.on('error', (error) => {
          clearTimeout(timer);
          reject(error);
        });
      },
    );
    const timer = setTimeout(() => {
      req.destroy(new Error(`no answer within ${call.timeoutMs} ms`));
    }, call.timeoutMs);
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.end(call.body);
  });
}

// The backends check only the shape of a signature (any key), so a fixed one serves readiness probes.
const PROBE_HEADERS = {
  'content-type': 'application/x-amz-json-1.0',
  'x-amz-target': 'DynamoDB_20120810.ListTables',
  'x-amz-date': '20240101T000000Z',
  authorization:
    'AWS4-HMAC-SHA256 Credential=lab/20240101/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=0',
};

/** Whether the backend answers ListTables now. */
export async function answersListTables(endpoint: URL, timeoutMs: number): Promise<boolean> {
  try {
    const reply = await postToBackend(endpoint, {
      path: '/',
      headers: PROBE_HEADERS,
      body: Buffer.from('{}'),
      timeoutMs,
    });
    return reply.status === 200;
  } catch {
    return false;
  }
}
