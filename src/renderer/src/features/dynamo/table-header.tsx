import { Badge, Button, Group, Menu, Text } from '@mantine/core';
import { useState } from 'react';
import type { DynamoTableDetail, KeyElement } from '@shared/models/dynamo';
import { DotsIcon, TrashIcon } from '@renderer/components/icons';
import { CodeModal } from '@renderer/components/code-modal';
import { formatBytes, formatCount } from './details/detail-format';
import { TransferButtons } from './transfer/transfer-buttons';
import { useTableCode } from './use-table-admin';

export function keyLabel(key: KeyElement): string {
  return `${key.name} (${key.type})`;
}

/** The keys line in full, for when the header is too narrow to show it. */
function keysTitle(detail: DynamoTableDetail): string {
  const parts = [`Partition key ${keyLabel(detail.partitionKey)}`];
  if (detail.sortKey) parts.push(`Sort key ${keyLabel(detail.sortKey)}`);
  parts.push(detail.region);
  if (detail.itemCount !== undefined) parts.push(`~${formatCount(detail.itemCount)} items`);
  if (detail.sizeBytes !== undefined) parts.push(formatBytes(detail.sizeBytes));
  return parts.join(' · ');
}

const STATUS_COLOR: Record<string, string> = {
  ACTIVE: 'teal',
  CREATING: 'blue',
  UPDATING: 'blue',
  DELETING: 'red',
};

interface TableHeaderProps {
  profile: string;
  detail: DynamoTableDetail;
  onDelete: () => void;
}

/** Name, keys, status and size at a glance; export and import, the table's code and its deletion. */
export function TableHeader({ profile, detail, onDelete }: TableHeaderProps) {
  const [code, setCode] = useState<{ title: string; note: string; text: string } | null>(null);
  const tableCode = useTableCode({ profile, region: detail.region, table: detail.name });
  const showCode = (kind: 'cloudformation' | 'cli') =>
    tableCode.mutate(undefined, {
      onSuccess: (answer) =>
        setCode(
          kind === 'cli'
            ? { title: 'AWS CLI', note: 'The create-table command for this table.', text: answer.cli }
            : {
                title: 'CloudFormation',
                note: 'This table as an AWS::DynamoDB::Table resource.',
                text: answer.cloudformation,
              },
        ),
    });
  return (
    <Group px="sm" py={8} gap="sm" wrap="nowrap" data-testid="dynamo-table-header">
      <Text
        fw={600}
        size="md"
        truncate
        title={detail.name}
        style={{ flexShrink: 0, maxWidth: '30%' }}
        data-testid="dynamo-table-name"
      >
        {detail.name}
      </Text>
      <Badge
        size="sm"
        variant="light"
        color={STATUS_COLOR[detail.status] ?? 'gray'}
        style={{ flexShrink: 0 }}
        data-testid="dynamo-table-status"
      >
        {detail.status.toLowerCase()}
      </Badge>
      <Text
        size="xs"
        c="dimmed"
        truncate
        title={keysTitle(detail)}
        style={{ flex: '1 1 auto', minWidth: 0 }}
        data-testid="dynamo-table-keys"
      >
        Partition key <b>{keyLabel(detail.partitionKey)}</b>
        {detail.sortKey && (
          <>
            {' · '}Sort key <b>{keyLabel(detail.sortKey)}</b>
          </>
        )}
        {' · '}
        {detail.region}
        {detail.itemCount !== undefined && ` · ~${formatCount(detail.itemCount)} items`}
        {detail.sizeBytes !== undefined && ` · ${formatBytes(detail.sizeBytes)}`}
      </Text>
      <Group gap={6} ml="auto" wrap="nowrap" style={{ flexShrink: 0 }}>
        <TransferButtons profile={profile} detail={detail} />
        <Button
          size="xs"
          variant="default"
          onClick={() => showCode('cloudformation')}
          data-testid="dynamo-view-cfn"
        >
          View as CloudFormation
        </Button>
        <Button size="xs" variant="default" onClick={() => showCode('cli')} data-testid="dynamo-copy-cli">
          Copy as AWS CLI
        </Button>
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button
              size="xs"
              variant="subtle"
              color="gray"
              px={6}
              aria-label="More actions"
              data-testid="dynamo-table-menu"
            >
              <DotsIcon size={16} />
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item
              color="red"
              leftSection={<TrashIcon size={14} />}
              onClick={onDelete}
              data-testid="dynamo-delete-table"
            >
              Delete table…
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
      <CodeModal
        title={code?.title ?? ''}
        note={code?.note ?? ''}
        code={code?.text ?? null}
        onClose={() => setCode(null)}
      />
    </Group>
  );
}
