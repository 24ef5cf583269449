import { Badge, Button, Group, Loader, Text, Tooltip } from '@mantine/core';
import type { DynamoPriceTable } from '@shared/models/dynamo';
import { capacityText } from '../capacity/capacity-text';
import type { ReaderState } from './use-item-reader';

interface ReadStatusProps {
  state: ReaderState;
  region: string;
  prices: DynamoPriceTable | undefined;
  onNext: () => void;
  onMore: () => void;
  onFetchAll: () => void;
  onCancel: () => void;
}

const n = (v: number) => v.toLocaleString('en-US');
const items = (v: number) => `${n(v)} ${v === 1 ? 'item' : 'items'}`;

/** What the last call returned and cost, the paging buttons, fetch all with its progress. */
export function ReadStatus({ state, region, prices, onNext, onMore, onFetchAll, onCancel }: ReadStatusProps) {
  const busy = state.status === 'loading' || state.status === 'fetching';
  const last = state.last;
  return (
    <Group
      gap="sm"
      wrap="nowrap"
      data-testid="dynamo-read-status"
      data-status={state.status}
      data-count={state.count}
    >
      {state.status === 'fetching' ? (
        <Group gap={6} wrap="nowrap">
          <Loader size={12} />
          <Text size="xs" data-testid="dynamo-fetch-progress">
            Fetching all: {n(state.job?.processed ?? state.count)} items…
          </Text>
          <Button size="compact-xs" variant="default" onClick={onCancel} data-testid="dynamo-fetch-cancel">
            Cancel
          </Button>
        </Group>
      ) : (
        last && (
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {last.kind === 'page'
              ? `${items(state.count)} shown · page ${state.pages}: ${n(last.count)} returned, ${n(last.scannedCount)} read`
              : `${items(state.count)}${state.status === 'cancelled' ? ' (cancelled)' : ''}`}
            {' · '}
            <Text span size="xs" c="var(--mantine-color-text)" data-testid="dynamo-call-capacity">
              {capacityText(last.consumed, region, prices)}
            </Text>
          </Text>
        )
      )}
      {busy && state.throttle ? (
        <Badge color="orange" variant="light" size="sm" data-testid="dynamo-throttled">
          throttled, retrying (attempt {state.throttle.attempt})
        </Badge>
      ) : (
        !busy &&
        state.throttled > 0 && (
          <Tooltip
            label={`DynamoDB throttled ${state.throttled === 1 ? 'one call' : `${state.throttled} calls`} of this read; each was retried after a backoff, which is why it took longer.`}
            multiline
            w={280}
            openDelay={300}
          >
            <Badge
              color="orange"
              variant="outline"
              size="sm"
              data-testid="dynamo-throttled-retried"
              data-count={state.throttled}
            >
              throttled {state.throttled}×, retried
            </Badge>
          </Tooltip>
        )
      )}
      <Group gap={4} ml="auto" wrap="nowrap">
        <Button
          size="compact-xs"
          variant="default"
          disabled={busy || !state.cursor}
          onClick={onNext}
          data-testid="dynamo-next-page"
        >
          Next page
        </Button>
        <Button
          size="compact-xs"
          variant="default"
          disabled={busy || !state.cursor}
          onClick={onMore}
          data-testid="dynamo-load-more"
        >
          Load more
        </Button>
        <Button
          size="compact-xs"
          variant="default"
          disabled={busy}
          onClick={onFetchAll}
          data-testid="dynamo-fetch-all"
        >
          Fetch all
        </Button>
      </Group>
    </Group>
  );
}
