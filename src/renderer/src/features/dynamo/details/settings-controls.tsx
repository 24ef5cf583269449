import { Button, Group, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { DynamoEndpointInfo, DynamoTableDetail, StreamViewType } from '@shared/models/dynamo';
import { toApiError } from '@renderer/api/api-error';
import { AwsErrorAlert } from '@renderer/components/aws-error-alert';
import { useUpdateStream, useUpdateTtl } from '../use-table-admin';

interface ControlProps {
  profile: string;
  detail: DynamoTableDetail;
  endpoint: DynamoEndpointInfo | undefined;
}

export function Unsupported({ what, endpoint }: { what: string; endpoint: DynamoEndpointInfo }) {
  return (
    <Text size="sm" c="dimmed" data-testid="dynamo-unsupported">
      {what} is not supported by this endpoint ({endpoint.backend}).
    </Text>
  );
}

/** Time to live: on or off, and the attribute holding each item's expiry (epoch seconds). */
export function TtlControl({ profile, detail, endpoint }: ControlProps) {
  const enabled = detail.ttl?.status === 'ENABLED' || detail.ttl?.status === 'ENABLING';
  const [on, setOn] = useState(enabled);
  const [attribute, setAttribute] = useState(detail.ttl?.attribute ?? 'expiresAt');
  const save = useUpdateTtl({ profile, region: detail.region, table: detail.name });
  if (endpoint && !endpoint.ttl) return <Unsupported what="Time to live" endpoint={endpoint} />;
  const changed = on !== enabled || (on && attribute.trim() !== (detail.ttl?.attribute ?? ''));
  return (
    <Stack gap={6} data-testid="dynamo-ttl">
      <Text size="sm" data-testid="dynamo-ttl-status" data-status={detail.ttl?.status}>
        Status: <b>{detail.ttl?.status.toLowerCase() ?? 'unknown'}</b>
        {detail.ttl?.attribute && ` · attribute ${detail.ttl.attribute}`}
      </Text>
      <Group gap="sm" align="flex-end">
        <Switch
          size="xs"
          label="Expire items"
          checked={on}
          onChange={(e) => setOn(e.currentTarget.checked)}
          mb={6}
          data-testid="dynamo-ttl-switch"
        />
        <TextInput
          size="xs"
          label="Attribute (epoch seconds)"
          value={attribute}
          onChange={(e) => setAttribute(e.currentTarget.value)}
          w={180}
          spellCheck={false}
          data-testid="dynamo-ttl-attribute"
        />
        <Button
          size="xs"
          variant="light"
          disabled={!changed || !attribute.trim()}
          loading={save.isPending}
          onClick={() => save.mutate({ enabled: on, attribute: attribute.trim() })}
          data-testid="dynamo-ttl-save"
        >
          Save
        </Button>
      </Group>
      {save.error && <AwsErrorAlert error={toApiError(save.error)} compact title="TTL was not changed" />}
    </Stack>
  );
}

const VIEW_TYPES = [
  { value: 'KEYS_ONLY', label: 'Keys only' },
  { value: 'NEW_IMAGE', label: 'New image' },
  { value: 'OLD_IMAGE', label: 'Old image' },
  { value: 'NEW_AND_OLD_IMAGES', label: 'New and old images' },
];

/** The table's stream: on or off, and what each record carries. */
export function StreamControl({ profile, detail, endpoint }: ControlProps) {
  const enabled = detail.stream?.enabled ?? false;
  const [on, setOn] = useState(enabled);
  const [viewType, setViewType] = useState<StreamViewType>(detail.stream?.viewType ?? 'NEW_AND_OLD_IMAGES');
  const save = useUpdateStream({ profile, region: detail.region, table: detail.name });
  if (endpoint && !endpoint.streams) return <Unsupported what="DynamoDB Streams" endpoint={endpoint} />;
  const changed = on !== enabled || (on && viewType !== detail.stream?.viewType);
  return (
    <Stack gap={6} data-testid="dynamo-stream">
      <Text size="sm" data-testid="dynamo-stream-status">
        Status: <b>{enabled ? `on · ${detail.stream?.viewType ?? ''}` : 'off'}</b>
      </Text>
      {detail.stream?.arn && (
        <Text size="xs" c="dimmed" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
          {detail.stream.arn}
        </Text>
      )}
      <Group gap="sm" align="flex-end">
        <Switch
          size="xs"
          label="Stream changes"
          checked={on}
          onChange={(e) => setOn(e.currentTarget.checked)}
          mb={6}
        />
        <Select
          size="xs"
          label="View type"
          data={VIEW_TYPES}
          value={viewType}
          disabled={!on}
          onChange={(v) => v && setViewType(v as StreamViewType)}
          allowDeselect={false}
          w={180}
        />
        <Button
          size="xs"
          variant="light"
          disabled={!changed}
          loading={save.isPending}
          onClick={() => save.mutate({ enabled: on, ...(on ? { viewType } : {}) })}
        >
          Save
        </Button>
      </Group>
      {save.error && (
        <AwsErrorAlert error={toApiError(save.error)} compact title="The stream was not changed" />
      )}
    </Stack>
  );
}
