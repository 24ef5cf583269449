import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { tableCloudFormation } from '../../src/main/dynamo/table-code';
import type { DynamoTableDetail } from '../../src/shared/models/dynamo';
import { toYaml, yamlScalar } from '../../src/shared/yaml';

// CloudFormation reads YAML 1.1, where `yes`, `on`, `0x1F`, `1:20` and `2024-01-01` are not strings
// either; a real parser in both versions must read back exactly what was written.
const readBack = (text: string) => [parse(text), parse(text, { version: '1.1' })] as const;

const TRICKY = [
  'true',
  'False',
  'yes',
  'No',
  'on',
  'OFF',
  'y',
  'N',
  'null',
  'Null',
  '~',
  '',
  '123',
  '-1',
  '+1',
  '1e3',
  'e4',
  'E-2',
  '1.5',
  '.5',
  '0x1F',
  '0o17',
  '0b101',
  '1_000',
  '1:20',
  '.inf',
  '-.Inf',
  '.nan',
  '2024-01-01',
  '2024-01-01T10:00:00Z',
  ' lead',
  'trail ',
  'a: b',
  'a #b',
  '#x',
  '-',
  '- x',
  '-x',
  '*ref',
  '&anchor',
  '!tag',
  '{a}',
  '[a]',
  '"q"',
  "'q'",
  'line\nbreak',
  'tab\there',
  '=',
  '<<',
  '?',
  '|',
  '>',
  '%x',
  '@x',
  '`x',
  'see:',
  'a:',
  ',x',
  'x,',
  'é',
  '\u2028',
  '\u0085',
  '\u007f',
  '\ufeff',
  '\u0000',
];

// Any text, with the tricky ones and YAML's indicators over-represented.
const anyText = fc.oneof(
  fc.constantFrom(...TRICKY),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.constantFrom(...'-:#?*&!|>%@`\'"{}[],~ \n\t.0123456789eExyYnN') }),
);

describe('YAML scalars', () => {
  it('reads back every tricky string as that string, in YAML 1.2 and 1.1', () => {
    for (const text of TRICKY) {
      for (const doc of readBack(`v: ${yamlScalar(text)}\n`))
        expect(doc, JSON.stringify(text)).toEqual({ v: text });
    }
  });

  it('reads back any string as that string', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        for (const doc of readBack(toYaml({ v: text, list: [text] })))
          expect(doc).toEqual({ v: text, list: [text] });
      }),
      { numRuns: 500 },
    );
  });

  it('writes numbers and booleans unquoted, read back as numbers and booleans', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer(), fc.boolean(), fc.double({ noNaN: true, noDefaultInfinity: true })),
        (value) => {
          const text = yamlScalar(value);
          expect(text).not.toMatch(/^["']/);
          expect(parse(`v: ${text}`)).toEqual({ v: value === 0 ? 0 : value });
        },
      ),
    );
  });

  it('quotes keys that would not read back as the same string', () => {
    for (const key of ['True', '123', 'a: b', 'x'])
      for (const doc of readBack(toYaml({ [key]: 'v' }))) expect(doc).toEqual({ [key]: 'v' });
  });

  it('writes empty lists and maps as such, not as null', () => {
    expect(parse(toYaml({ a: [], b: {} }))).toEqual({ a: [], b: {} });
  });
});

const table = (overrides: Partial<DynamoTableDetail> = {}): DynamoTableDetail => ({
  name: 'Orders',
  region: 'eu-west-1',
  status: 'ACTIVE',
  partitionKey: { name: 'pk', type: 'S' },
  attributes: [{ name: 'pk', type: 'S' }],
  indexes: [],
  billingMode: 'PROVISIONED',
  provisioned: { readUnits: 5, writeUnits: 2 },
  deletionProtection: true,
  tags: [],
  replicas: [],
  ...overrides,
});

type Template = { Resources: Record<string, { Properties: Record<string, unknown> }> };
const properties = (doc: unknown) => Object.values((doc as Template).Resources)[0]?.Properties;

describe('DynamoDB table as CloudFormation', () => {
  it('keeps names and tag values that look like other types strings, and numbers numbers', () => {
    const tags = TRICKY.map((value, n) => ({ key: n % 2 ? value : `k${n}`, value }));
    const yaml = tableCloudFormation(
      table({
        name: '2024-01-01',
        partitionKey: { name: 'true', type: 'S' },
        attributes: [{ name: 'true', type: 'S' }],
        ttl: { status: 'ENABLED', attribute: '123' },
        tags,
      }),
    );
    for (const doc of readBack(yaml)) {
      const p = properties(doc);
      expect(p).toMatchObject({
        TableName: '2024-01-01',
        KeySchema: [{ AttributeName: 'true', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'true', AttributeType: 'S' }],
        ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 2 },
        TimeToLiveSpecification: { AttributeName: '123', Enabled: true },
        DeletionProtectionEnabled: true,
      });
      expect(p?.Tags).toEqual(tags.map((t) => ({ Key: t.key, Value: t.value })));
    }
  });

  it('reads back any table name and tag as written', () => {
    fc.assert(
      fc.property(anyText, anyText, (name, value) => {
        const doc = parse(tableCloudFormation(table({ name, tags: [{ key: value, value }] })));
        expect(properties(doc)).toMatchObject({ TableName: name, Tags: [{ Key: value, Value: value }] });
      }),
      { numRuns: 200 },
    );
  });

  it('keeps the lab table Users as the lab describes it', () => {
    const doc = parse(
      tableCloudFormation(
        table({
          name: 'Users',
          partitionKey: { name: 'UserId', type: 'N' },
          attributes: [{ name: 'UserId', type: 'N' }],
          billingMode: 'PAY_PER_REQUEST',
          provisioned: undefined,
          deletionProtection: false,
        }),
      ),
    ) as Template & { AWSTemplateFormatVersion: unknown };
    expect(doc.AWSTemplateFormatVersion).toBe('2010-09-09');
    expect(doc.Resources).toEqual({
      UsersTable: {
        Type: 'AWS::DynamoDB::Table',
        Properties: {
          TableName: 'Users',
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [{ AttributeName: 'UserId', AttributeType: 'N' }],
          KeySchema: [{ AttributeName: 'UserId', KeyType: 'HASH' }],
        },
      },
    });
  });
});
