import { Button, Group, Text, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useDynamoPrices } from '../use-dynamo';
import { formatDollars, formatUnits, totalCost } from './capacity-text';
import { sumRegions, useDynamoCapacity } from './capacity-store';
import { PriceDialog } from './price-dialog';

/** The tab's running total: units consumed by every call so far and what they cost on demand. */
export function CapacityTotal() {
  const byRegion = useDynamoCapacity((s) => s.byRegion);
  const calls = useDynamoCapacity((s) => s.calls);
  const reset = useDynamoCapacity((s) => s.reset);
  const prices = useDynamoPrices().data;
  const [editing, setEditing] = useState(false);
  const sum = sumRegions(byRegion);
  return (
    <Group gap={6} wrap="nowrap" data-testid="dynamo-capacity-total" data-calls={calls}>
      <Tooltip label="Consumed capacity of every call in this tab, priced at on-demand rates" openDelay={300}>
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          Total: {formatUnits(sum.readUnits)} RCU · {formatUnits(sum.writeUnits)} WCU ·{' '}
          <Text span size="xs" fw={600} c="var(--mantine-color-text)" data-testid="dynamo-cost-total">
            {formatDollars(totalCost(byRegion, prices))}
          </Text>{' '}
          · {calls} {calls === 1 ? 'call' : 'calls'}
        </Text>
      </Tooltip>
      <Button
        size="compact-xs"
        variant="subtle"
        color="gray"
        onClick={() => setEditing(true)}
        data-testid="dynamo-prices"
      >
        Prices
      </Button>
      <Button size="compact-xs" variant="subtle" color="gray" onClick={reset} disabled={calls === 0}>
        Reset
      </Button>
      {editing && prices && <PriceDialog prices={prices} onClose={() => setEditing(false)} />}
    </Group>
  );
}
