import { describe, expect, it } from 'vitest';
import type { LabOverview, LabStatus } from '../../src/shared/models/lab';
import { describeLab, labWarnings } from '../../src/renderer/src/features/lab/lab-status-text';

const DYNAMO = {
  kind: 'dynamodb-local' as const,
  capabilities: { partiql: true, transactions: true, streams: false, ttl: true },
};

function overview(
  status: Partial<LabStatus>,
  autoStart = { started: true, reason: 'started at launch' },
): LabOverview {
  return {
    status: {
      state: 'ready',
      endpoint: 'http://127.0.0.1:4510',
      region: 'us-east-1',
      rds: { available: true },
      dynamodb: DYNAMO,
      seed: 'done',
      ...status,
    },
    instances: [],
    autoStart,
  };
}

describe('describeLab', () => {
  it('is green with the endpoint when everything is up', () => {
    expect(describeLab(overview({}))).toEqual({
      tone: 'green',
      label: 'Local lab ready',
      detail: 'http://127.0.0.1:4510',
    });
  });

  it('is yellow when ready without RDS or with the course labs missing', () => {
    expect(describeLab(overview({ rds: { available: false, reason: 'no MariaDB found' } })).tone).toBe(
      'yellow',
    );
    expect(describeLab(overview({ seed: 'failed' })).tone).toBe('yellow');
    expect(describeLab(overview({ seed: 'skipped' })).tone).toBe('green');
  });

  it('is yellow while starting and seeding', () => {
    expect(describeLab(overview({ state: 'starting', endpoint: undefined }))).toEqual({
      tone: 'yellow',
      label: 'Local lab starting…',
    });
    expect(describeLab(overview({ state: 'seeding', seed: 'pending' }))).toEqual({
      tone: 'yellow',
      label: 'Local lab: creating the course labs…',
      detail: 'http://127.0.0.1:4510',
    });
  });

  it('is red with the reason when it failed', () => {
    expect(describeLab(overview({ state: 'failed', message: 'Port 4510 is in use' }))).toEqual({
      tone: 'red',
      label: 'Local lab failed',
      detail: 'Port 4510 is in use',
    });
  });

  it('is grey when off, saying why it did not start on its own', () => {
    expect(
      describeLab(overview({ state: 'off' }, { started: false, reason: 'auto-start is off in settings' })),
    ).toEqual({ tone: 'gray', label: 'Local lab off', detail: 'auto-start is off in settings' });
    expect(
      describeLab(overview({ state: 'stopped' }, { started: true, reason: 'started at launch' })),
    ).toEqual({
      tone: 'gray',
      label: 'Local lab off',
      detail: undefined,
    });
  });
});

describe('labWarnings', () => {
  it('says what is missing and why', () => {
    expect(
      labWarnings(
        overview({
          rds: { available: false, reason: 'no MariaDB found' },
          dynamodb: { ...DYNAMO, kind: 'dynalite', fallbackReason: 'no Java runtime' },
          seed: 'failed',
          message: 'Could not create myrdslab',
        }),
      ),
    ).toEqual([
      'RDS unavailable: no MariaDB found',
      'DynamoDB on dynalite (no Java runtime)',
      'Could not create myrdslab',
    ]);
  });

  it('says nothing when all is well, or when the lab is off', () => {
    expect(labWarnings(overview({}))).toEqual([]);
    expect(
      labWarnings(overview({ state: 'stopped', rds: { available: false, reason: 'no MariaDB found' } })),
    ).toEqual([]);
  });

  it('does not repeat a message that is not about seeding', () => {
    expect(labWarnings(overview({ seed: 'done', message: 'Port 4510 is in use' }))).toEqual([]);
  });
});
