import { describe, expect, it } from 'vitest';
import { createStsHandler, LAB_IDENTITY } from '../../src/lab/edge/sts-handler';
import type { LabRequest } from '../../src/lab/edge/types';
import { LabError } from '../../src/lab/lab-error';

function request(body: string, url = '/'): LabRequest {
  return {
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: Buffer.from(body),
    service: 'sts',
    region: 'us-east-1',
    accessKeyId: 'lab',
  };
}

describe('the lab’s STS handler', () => {
  const handler = createStsHandler({ newRequestId: () => 'req-1' });

  it('answers GetCallerIdentity with the lab’s identity as STS’s XML', async () => {
    const response = await handler(request('Action=GetCallerIdentity&Version=2011-06-15'));
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/xml');
    const body = String(response.body);
    expect(body).toContain('<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">');
    expect(body).toContain(`<Account>${LAB_IDENTITY.account}</Account>`);
    expect(body).toContain('<Arn>arn:aws:iam::000000000000:user/lab</Arn>');
    expect(body).toContain('<RequestId>req-1</RequestId>');
  });

  it('reads the action from the query string of a GET', async () => {
    const response = await handler(request('', '/?Action=GetCallerIdentity&Version=2011-06-15'));
    expect(response.status).toBe(200);
  });

  it('refuses other actions as AWS does, with InvalidAction', async () => {
    const err = await handler(request('Action=AssumeRole&Version=2011-06-15')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LabError);
    expect(err).toMatchObject({
      code: 'InvalidAction',
      status: 400,
      message: expect.stringContaining('AssumeRole'),
    });
    await expect(handler(request('Version=2011-06-15'))).rejects.toMatchObject({ code: 'MissingAction' });
  });
});
