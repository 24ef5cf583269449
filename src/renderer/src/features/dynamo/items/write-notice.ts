import { notifications } from '@mantine/notifications';
import type { ConsumedCapacity, DynamoPriceTable } from '@shared/models/dynamo';
import { capacityText } from '../capacity/capacity-text';

/** "Saved UserID=1001 · 1 WCU · $0.0000013": what a write did and what it consumed. */
export function notifyWrite(
  what: string,
  consumed: ConsumedCapacity,
  region: string,
  prices: DynamoPriceTable | undefined,
): void {
  notifications.show({
    message: `${what} · ${capacityText(consumed, region, prices)}`,
    autoClose: 4000,
    color: 'teal',
    'data-testid': 'dynamo-write-notice',
  });
}
