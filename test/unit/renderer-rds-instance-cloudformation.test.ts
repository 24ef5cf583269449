import { describe, expect, it } from 'vitest';
import {
  instanceCloudFormation,
  logicalId,
} from '../../src/renderer/src/features/rds/detail/instance-cloudformation';
import { parse } from 'yaml';
import { toYaml, yamlScalar } from '../../src/shared/yaml';
import { ordersPrimary, PRIMARY_ARN, SECRET_ARN } from './support/rds-instance-fixtures';

const orders = ordersPrimary;

const crossRegionReplica = () =>
  orders({
    id: 'orders-eu',
    arn: 'arn:aws:rds:eu-west-1:123456789012:db:orders-eu',
    region: 'eu-west-1',
    availabilityZone: 'eu-west-1a',
    kmsKeyId: 'arn:aws:kms:eu-west-1:123456789012:key/5678efgh',
    role: 'replica',
    sourceId: 'orders',
    source: { id: 'orders', region: 'us-east-1', arn: PRIMARY_ARN },
    deletionProtection: false,
    iamAuth: false,
    tags: [],
  });

/** The names of the resource's properties, in order. */
const propertyNames = (yaml: string) =>
  yaml
    .slice(yaml.indexOf('    Properties:\n'))
    .split('\n')
    .flatMap((line) => /^ {6}(\w+):/.exec(line)?.[1] ?? []);

describe('instanceCloudFormation', () => {
  it('writes an AWS::RDS::DBInstance template with a NoEcho password parameter', () => {
    expect(instanceCloudFormation(orders())).toBe(`AWSTemplateFormatVersion: "2010-09-09"
Description: "RDS instance orders (us-east-1), from its current settings"
Parameters:
  MasterUserPassword:
    Type: String
    NoEcho: true
    MinLength: 8
    Description: "Master user password"
Resources:
  Orders:
    Type: AWS::RDS::DBInstance
    DeletionPolicy: Snapshot
    UpdateReplacePolicy: Snapshot
    Properties:
      DBInstanceIdentifier: orders
      Engine: mysql
      EngineVersion: "8.0.35"
      DBInstanceClass: db.m5.large
      AllocatedStorage: "400"
      MaxAllocatedStorage: 1000
      StorageType: gp3
      Iops: 12000
      StorageThroughput: 500
      MasterUsername: admin
      MasterUserPassword:
        Ref: MasterUserPassword
      DBName: shop
      MultiAZ: false
      AvailabilityZone: us-east-1a
      PubliclyAccessible: false
      StorageEncrypted: true
      KmsKeyId: arn:aws:kms:us-east-1:123456789012:key/1234abcd
      EnableIAMDatabaseAuthentication: true
      DeletionProtection: true
      BackupRetentionPeriod: 7
      DBSubnetGroupName: orders-db
      VPCSecurityGroups:
        - sg-0123
        - sg-0456
      DBParameterGroupName: orders-mysql8
      CACertificateIdentifier: rds-ca-rsa2048-g1
      Tags:
        - Key: team
          Value: "data platform"
        - Key: env
          Value: prod
`);
  });

  it('lets RDS manage the password when the instance has a master secret, with no parameter and no ARN', () => {
    const yaml = instanceCloudFormation(
      orders({
        masterUserSecret: { arn: SECRET_ARN, status: 'active', kmsKeyId: 'alias/aws/secretsmanager' },
      }),
    );
    expect(yaml).toContain('      ManageMasterUserPassword: true\n');
    expect(yaml).not.toContain('Parameters:');
    expect(yaml).not.toMatch(/^\s*MasterUserPassword:/m);
    expect(yaml).not.toContain('NoEcho');
    expect(yaml).not.toContain('secretsmanager');
    expect(yaml).not.toContain('rds!db-');
  });

  it('only ever refers to the password, never holds one', () => {
    const yaml = instanceCloudFormation(orders());
    const passwordLines = yaml.split('\n').filter((line) => /password/i.test(line));
    expect(passwordLines).toEqual([
      '  MasterUserPassword:',
      '    Description: "Master user password"',
      '      MasterUserPassword:',
      '        Ref: MasterUserPassword',
    ]);
  });

  it('names a cross-region source by ARN and region, and leaves out what the replica inherits', () => {
    const yaml = instanceCloudFormation(crossRegionReplica());
    expect(yaml).toContain('Description: "RDS instance orders-eu (eu-west-1), from its current settings"\n');
    expect(yaml).toContain('  OrdersEu:\n    Type: AWS::RDS::DBInstance\n');
    expect(propertyNames(yaml)).toEqual([
      'DBInstanceIdentifier',
      'SourceDBInstanceIdentifier',
      'SourceRegion',
      'DBInstanceClass',
      'MaxAllocatedStorage',
      'StorageType',
      'Iops',
      'StorageThroughput',
      'MultiAZ',
      'AvailabilityZone',
      'PubliclyAccessible',
      'KmsKeyId',
      'DeletionProtection',
      'VPCSecurityGroups',
      'DBParameterGroupName',
      'CACertificateIdentifier',
    ]);
    expect(yaml).toContain(
      `      SourceDBInstanceIdentifier: ${PRIMARY_ARN}\n      SourceRegion: us-east-1\n`,
    );
    expect(yaml).toContain('      KmsKeyId: arn:aws:kms:eu-west-1:123456789012:key/5678efgh\n');
    expect(yaml).not.toMatch(/password/i);
    expect(yaml).not.toContain('Parameters:');
  });

  it('names an in-region source by identifier, with no SourceRegion', () => {
    const yaml = instanceCloudFormation(
      orders({
        id: 'orders-replica',
        role: 'replica',
        sourceId: 'orders',
        source: { id: 'orders', region: 'us-east-1' },
      }),
    );
    expect(yaml).toContain('      SourceDBInstanceIdentifier: orders\n');
    expect(propertyNames(yaml)).not.toContain('SourceRegion');
    expect(propertyNames(yaml)).not.toContain('Engine');
  });

  it('gives no AvailabilityZone to a Multi-AZ instance, and no key to an unencrypted one', () => {
    const names = propertyNames(
      instanceCloudFormation(orders({ multiAz: true, encrypted: false, iamAuth: false })),
    );
    expect(names).not.toContain('AvailabilityZone');
    expect(names).not.toContain('KmsKeyId');
    expect(names).not.toContain('EnableIAMDatabaseAuthentication');
    expect(names).toContain('MultiAZ');
    expect(names).toContain('StorageEncrypted');
  });

  it('leaves out the parameter group and tags when there is only a default one and none', () => {
    const names = propertyNames(
      instanceCloudFormation(
        orders({ parameterGroups: ['default.mysql8.0'], tags: [], securityGroupIds: [] }),
      ),
    );
    expect(names).not.toContain('DBParameterGroupName');
    expect(names).not.toContain('Tags');
    expect(names).not.toContain('VPCSecurityGroups');
  });

  it('quotes tag values YAML would read as something else', () => {
    const yaml = instanceCloudFormation(
      orders({
        tags: [
          { key: 'backup', value: 'yes' },
          { key: 'tier', value: '2' },
          { key: 'empty', value: '' },
          { key: 'note', value: 'owner: ops # pager' },
        ],
      }),
    );
    expect(yaml).toContain(
      [
        '        - Key: backup',
        '          Value: "yes"',
        '        - Key: tier',
        '          Value: "2"',
        '        - Key: empty',
        '          Value: ""',
        '        - Key: note',
        '          Value: "owner: ops # pager"',
      ].join('\n'),
    );
  });
});

describe('logicalId', () => {
  it('turns an identifier into an alphanumeric logical ID', () => {
    expect(logicalId('myrdslab-replica')).toBe('MyrdslabReplica');
    expect(logicalId('orders')).toBe('Orders');
    expect(logicalId('db-2-eu')).toBe('Db2Eu');
  });

  it('starts with a letter even when the identifier would not', () => {
    expect(logicalId('2024-archive')).toBe('Db2024Archive');
  });
});

describe('yaml', () => {
  it('quotes reserved words, numbers-as-text, and anything with spaces', () => {
    for (const word of ['true', 'No', 'off', 'null', 'Y', '8.0', '2010-09-09', '', 'a b', '-x', '*ref']) {
      expect(yamlScalar(word)).toBe(JSON.stringify(word));
    }
  });

  it('leaves identifiers and ARNs plain, and writes numbers and booleans as such', () => {
    expect(yamlScalar('db.t3.micro')).toBe('db.t3.micro');
    expect(yamlScalar(PRIMARY_ARN)).toBe(PRIMARY_ARN);
    expect(yamlScalar(3306)).toBe('3306');
    expect(yamlScalar(false)).toBe('false');
  });

  it('nests maps and lists in block style, skipping undefined entries', () => {
    expect(toYaml({ A: 1, B: undefined, C: { D: ['x', { E: 'v', F: 'w' }] } })).toBe(
      ['A: 1', 'C:', '  D:', '    - x', '    - E: v', '      F: w'].join('\n'),
    );
  });
});

describe('YAML a parser reads back', () => {
  it('quotes a value ending in a colon, which would otherwise read as a mapping key', () => {
    expect(yamlScalar('see:')).toBe('"see:"');
  });

  it('keeps every setting its type: strings that look like booleans, numbers or dates stay strings', () => {
    const tricky = ['true', 'yes', '123', '1e3', '0x1F', '2024-01-01', 'null', '~', ' a', 'a: b', '#x', '-x'];
    const instance = orders({
      id: 'true',
      dbName: '123',
      masterUsername: 'yes',
      engineVersion: '8.0',
      subnetGroup: '2024-01-01',
      tags: tricky.map((value) => ({ key: value, value })),
    });
    for (const version of ['1.1', '1.2'] as const) {
      const doc = parse(instanceCloudFormation(instance), { version }) as {
        Resources: Record<string, { Properties: Record<string, unknown> }>;
      };
      expect(Object.keys(doc.Resources)).toEqual(['True']);
      expect(doc.Resources.True?.Properties).toMatchObject({
        DBInstanceIdentifier: 'true',
        DBName: '123',
        MasterUsername: 'yes',
        EngineVersion: '8.0',
        DBSubnetGroupName: '2024-01-01',
        AllocatedStorage: '400',
        MaxAllocatedStorage: 1000,
        MultiAZ: false,
        DeletionProtection: true,
        Tags: tricky.map((value) => ({ Key: value, Value: value })),
      });
    }
  });
});

describe('storage settings RDS would refuse', () => {
  it('leaves out Iops and StorageThroughput of a small gp3 volume', () => {
    const yaml = instanceCloudFormation(
      orders({ storage: { type: 'gp3', allocatedGiB: 20, iops: 3000, throughputMiBps: 125 } }),
    );
    expect(yaml).toContain('StorageType: gp3');
    expect(yaml).not.toMatch(/Iops|StorageThroughput/);
  });
});
