import { Badge, Group, Text } from '@mantine/core';
import type { DynamoEndpointInfo, DynamoTableDetail } from '@shared/models/dynamo';
import { ApiError } from '@renderer/api/api-error';
import { AwsErrorAlert } from '@renderer/components/aws-error-alert';
import { keyLabel } from '../table-header';
import { DetailSection, Fields } from './detail-section';
import { formatBytes, formatCount, formatDate } from './detail-format';
import { IndexesTable } from './indexes-table';
import { StreamControl, TtlControl } from './settings-controls';
import classes from './details.module.css';

interface TableDetailsProps {
  profile: string;
  detail: DynamoTableDetail;
  endpoint: DynamoEndpointInfo | undefined;
}

const onOff = (on: boolean) => (
  <Badge size="xs" variant="light" color={on ? 'teal' : 'gray'}>
    {on ? 'on' : 'off'}
  </Badge>
);

/** Everything DescribeTable and its neighbours say about a table; TTL and stream can be changed here. */
export function TableDetails({ profile, detail: d, endpoint }: TableDetailsProps) {
  const capacity =
    d.billingMode === 'PROVISIONED' && d.provisioned
      ? `Provisioned · ${d.provisioned.readUnits} read / ${d.provisioned.writeUnits} write units`
      : 'On demand (pay per request)';
  return (
    <div className={classes.root} data-testid="dynamo-details">
      {d.partErrors?.map((p) => (
        <div key={p.part} className={classes.wide}>
          <AwsErrorAlert
            compact
            title={`${p.part.toUpperCase()} could not be read`}
            error={new ApiError({ name: 'AwsError', code: p.error.code, message: p.error.message })}
          />
        </div>
      ))}
      <DetailSection title="Table" tall testId="dynamo-details-table">
        <Fields
          rows={[
            ['Status', d.status.toLowerCase()],
            ['Region', d.region],
            ['Created', formatDate(d.createdAt)],
            ['Items', d.itemCount === undefined ? undefined : `~${formatCount(d.itemCount)}`],
            ['Size', d.sizeBytes === undefined ? undefined : formatBytes(d.sizeBytes)],
            ['Table class', d.tableClass ?? 'STANDARD'],
            ['Deletion protection', onOff(d.deletionProtection)],
            [
              'ARN',
              d.arn && (
                <Text span size="xs" ff="monospace">
                  {d.arn}
                </Text>
              ),
            ],
          ]}
        />
      </DetailSection>
      <DetailSection title="Keys and attributes" testId="dynamo-details-keys">
        <Fields
          rows={[
            ['Partition key', keyLabel(d.partitionKey)],
            ['Sort key', d.sortKey ? keyLabel(d.sortKey) : undefined],
            ['Attributes', d.attributes.map(keyLabel).join(', ')],
          ]}
        />
      </DetailSection>
      <DetailSection title="Capacity and backups" testId="dynamo-details-capacity">
        <Fields
          rows={[
            ['Billing', capacity],
            [
              'Point-in-time recovery',
              d.pitr ? (
                <Group gap={6}>
                  {onOff(d.pitr.status === 'ENABLED')}
                  {d.pitr.earliestRestore && (
                    <Text span size="xs" c="dimmed">
                      from {formatDate(d.pitr.earliestRestore)}
                    </Text>
                  )}
                </Group>
              ) : undefined,
            ],
            [
              'Replicas',
              d.replicas.length
                ? d.replicas
                    .map((r) => `${r.region}${r.status ? ` (${r.status.toLowerCase()})` : ''}`)
                    .join(', ')
                : 'none',
            ],
          ]}
        />
      </DetailSection>
      <DetailSection title="Secondary indexes" wide testId="dynamo-details-indexes">
        <IndexesTable indexes={d.indexes} />
      </DetailSection>
      <DetailSection title="Time to live">
        <TtlControl
          key={`${d.ttl?.status}-${d.ttl?.attribute}`}
          profile={profile}
          detail={d}
          endpoint={endpoint}
        />
      </DetailSection>
      <DetailSection title="Stream">
        <StreamControl
          key={`${d.stream?.enabled}-${d.stream?.viewType}`}
          profile={profile}
          detail={d}
          endpoint={endpoint}
        />
      </DetailSection>
      <DetailSection title="Tags" testId="dynamo-details-tags">
        {d.tags.length === 0 ? (
          <Text size="sm" c="dimmed">
            No tags.
          </Text>
        ) : (
          <Fields rows={d.tags.map((t) => [t.key, t.value])} />
        )}
      </DetailSection>
    </div>
  );
}
