import {
  CreateSecretCommand,
  DeleteSecretCommand,
  DescribeSecretCommand,
  GetSecretValueCommand,
  InvalidParameterException,
  InvalidRequestException,
  PutSecretValueCommand,
  ResourceExistsException,
  ResourceNotFoundException,
  RestoreSecretCommand,
  RotateSecretCommand,
  type SecretsManagerClient,
  type SecretsManagerServiceException,
} from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedHeaders } from '../support/edge-client';
import { rejection, startSecretsEdge, type SecretsEdge } from '../support/lab-secrets-edge';

let lab: SecretsEdge;
let client: SecretsManagerClient;

beforeAll(async () => {
  lab = await startSecretsEdge({ label: 'lab-secrets-errors' });
  ({ client } = lab);
});

afterAll(async () => {
  await lab?.close();
});

async function rawCall(
  target: string,
  body: string,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(lab.edge.url, {
    method: 'POST',
    headers: signedHeaders(lab.edge.url, {
      service: 'secretsmanager',
      credentials: lab.credentials,
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `secretsmanager.${target}` },
      body,
    }),
    body,
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe('Secrets Manager bad requests', () => {
  it('answers each bad request with the exception class AWS uses', async () => {
    await client.send(new CreateSecretCommand({ Name: 'exists', SecretString: 'x' }));
    const cases: [Promise<unknown>, new (...args: never[]) => SecretsManagerServiceException][] = [
      [client.send(new GetSecretValueCommand({ SecretId: 'nope' })), ResourceNotFoundException],
      [client.send(new DescribeSecretCommand({ SecretId: 'nope' })), ResourceNotFoundException],
      [
        client.send(new PutSecretValueCommand({ SecretId: 'nope', SecretString: 'x' })),
        ResourceNotFoundException,
      ],
      [client.send(new DeleteSecretCommand({ SecretId: 'nope' })), ResourceNotFoundException],
      [client.send(new RestoreSecretCommand({ SecretId: 'nope' })), ResourceNotFoundException],
      [client.send(new RotateSecretCommand({ SecretId: 'nope' })), ResourceNotFoundException],
      [
        client.send(new GetSecretValueCommand({ SecretId: 'exists', VersionStage: 'AWSPENDING' })),
        ResourceNotFoundException,
      ],
      [client.send(new CreateSecretCommand({ Name: 'exists', SecretString: 'x' })), ResourceExistsException],
      [
        client.send(new CreateSecretCommand({ Name: 'bad name!', SecretString: 'x' })),
        InvalidParameterException,
      ],
      [
        client.send(
          new CreateSecretCommand({ Name: 'both', SecretString: 'x', SecretBinary: new Uint8Array([1]) }),
        ),
        InvalidParameterException,
      ],
      [
        client.send(new DeleteSecretCommand({ SecretId: 'exists', RecoveryWindowInDays: 6 })),
        InvalidParameterException,
      ],
      [
        client.send(
          new DeleteSecretCommand({
            SecretId: 'exists',
            RecoveryWindowInDays: 7,
            ForceDeleteWithoutRecovery: true,
          }),
        ),
        InvalidParameterException,
      ],
      [client.send(new PutSecretValueCommand({ SecretId: 'exists' })), InvalidRequestException],
      [client.send(new RotateSecretCommand({ SecretId: 'exists' })), InvalidRequestException],
      [
        client.send(
          new RotateSecretCommand({
            SecretId: 'exists',
            RotationLambdaARN: 'arn:aws:lambda:us-east-1:000000000000:function:rot',
          }),
        ),
        InvalidRequestException,
      ],
    ];
    for (const [call, exceptionClass] of cases) expect(await rejection(call)).toBeInstanceOf(exceptionClass);
  });

  it('reports missing members, wrong types, malformed JSON and unknown operations', async () => {
    const missing = await rejection(client.send(new GetSecretValueCommand({} as { SecretId: string })));
    expect(missing.name).toBe('ValidationException');
    expect(missing.message).toContain(
      "Value null at 'secretId' failed to satisfy constraint: Member must not be null",
    );
    expect(missing.$metadata.httpStatusCode).toBe(400);

    const wrongType = await rawCall('GetSecretValue', '{"SecretId": 5}');
    expect(wrongType).toMatchObject({ status: 400, json: { __type: 'SerializationException' } });
    const malformed = await rawCall('CreateSecret', '{"Name": "half');
    expect(malformed).toMatchObject({ status: 400, json: { __type: 'SerializationException' } });
    const unknown = await rawCall('ShredSecret', '{}');
    expect(unknown).toMatchObject({ status: 400, json: { __type: 'UnknownOperationException' } });
    // The lab never echoes a secret value in an error.
    const tooLong = await rawCall(
      'CreateSecret',
      JSON.stringify({ Name: 'big', SecretString: 'S3CRET'.repeat(11000) }),
    );
    expect(tooLong.json.__type).toBe('ValidationException');
    expect(String(tooLong.json.message)).not.toContain('S3CRET');
  });
});
