import { Badge, Group } from '@mantine/core';
import type { RdsInstance } from '@shared/models/rds';
import { dateText } from '@renderer/components/format-date';
import { backupText, endpointText, engineText, roleText, storageText } from '../instance-format';
import { ReplicationBadge, StatusBadge } from '../status-badge';
import { FieldSection, type Field } from '@renderer/components/field-section';
import classes from './detail.module.css';

const mono = (text: string | undefined) => (text ? <span className={classes.mono}>{text}</span> : undefined);
const yesNo = (v: boolean) => (v ? 'Yes' : 'No');
const list = (items: string[]) => (items.length > 0 ? mono(items.join(', ')) : undefined);

function pending(i: RdsInstance): string | undefined {
  const entries = Object.entries(i.pendingModifications);
  return entries.length > 0 ? entries.map(([k, v]) => `${k}: ${String(v)}`).join(', ') : undefined;
}

/** Every field of the instance, grouped as the RDS console groups them. */
export function OverviewFields({ instance: i }: { instance: RdsInstance }) {
  const summary: Field[] = [
    ['Status', <StatusBadge key="s" status={i.status} />],
    ['Role', roleText(i)],
    ['Replicas', list(i.replicas.map((r) => (r.region === i.region ? r.id : `${r.id} (${r.region})`)))],
    ['Engine', engineText(i)],
    ['Class', mono(i.instanceClass)],
    ['Created', dateText(i.createdAt)],
    ['ARN', mono(i.arn)],
  ];
  const connectivity: Field[] = [
    ['Endpoint', mono(endpointText(i))],
    ['Multi-AZ', i.multiAz ? `Yes (standby in ${i.secondaryAvailabilityZone ?? '?'})` : 'No'],
    ['Availability zone', i.availabilityZone],
    ['Publicly accessible', yesNo(i.publiclyAccessible)],
    ['VPC', mono(i.vpcId)],
    ['Subnet group', i.subnetGroup],
    ['Security groups', list(i.securityGroupIds)],
    ['CA certificate', i.caCertificate],
  ];
  const storage: Field[] = [
    ['Storage', storageText(i)],
    [
      'Autoscaling limit',
      i.storage.maxAllocatedGiB !== undefined ? `${i.storage.maxAllocatedGiB} GiB` : undefined,
    ],
    ['Backup retention', backupText(i)],
    ['Latest restorable', dateText(i.latestRestorableTime)],
    ['Deletion protection', yesNo(i.deletionProtection)],
    ['Pending changes', pending(i)],
  ];
  const security: Field[] = [
    ['Encrypted', yesNo(i.encrypted)],
    ['KMS key', mono(i.kmsKeyId)],
    ['IAM authentication', yesNo(i.iamAuth)],
    ['Master user', mono(i.masterUsername)],
    [
      'Master secret',
      i.masterUserSecret && (
        <Group gap={6} wrap="nowrap" align="flex-start">
          {mono(i.masterUserSecret.arn)}
          {i.masterUserSecret.status && (
            <Badge size="xs" variant="light" tt="none">
              {i.masterUserSecret.status}
            </Badge>
          )}
        </Group>
      ),
    ],
    ['Database name', mono(i.dbName)],
    ['Parameter groups', list(i.parameterGroups)],
  ];
  const replication: Field[] = i.statusInfos.map((s) => [
    s.type,
    <Group key={s.type} gap={6} wrap="nowrap">
      <ReplicationBadge info={s} size="sm" />
      {s.message && <span className={classes.none}>{s.message}</span>}
    </Group>,
  ]);
  return (
    <div data-testid="detail-overview">
      <FieldSection title="Summary" fields={summary} />
      {replication.length > 0 && <FieldSection title="Replication" fields={replication} />}
      <FieldSection title="Connectivity" fields={connectivity} />
      <FieldSection title="Storage and backups" fields={storage} />
      <FieldSection title="Security" fields={security} />
    </div>
  );
}
