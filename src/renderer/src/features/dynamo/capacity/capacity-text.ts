import type { ConsumedCapacity, DynamoPriceTable } from '@shared/models/dynamo';
import { estimateCost } from '@shared/models/dynamo-cost';

/** Units as the console writes them: up to two decimals, no trailing zeros. */
export function formatUnits(units: number): string {
  return Number(units.toFixed(2)).toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** A tiny dollar amount with two significant digits after the zeros: $0.000000063. */
export function formatDollars(amount: number): string {
  if (amount === 0) return '$0';
  if (amount >= 0.01) return `$${amount.toFixed(amount >= 100 ? 0 : 2)}`;
  const digits = Math.min(20, Math.ceil(-Math.log10(amount)) + 1);
  return `$${amount.toFixed(digits).replace(/0+$/, '')}`;
}

/** "0.5 RCU · $0.000000063", "1 WCU · $0.00000063", "0.5 RCU · 1 WCU · $0.00000069". */
export function capacityText(consumed: ConsumedCapacity, region: string, prices?: DynamoPriceTable): string {
  const parts: string[] = [];
  if (consumed.readUnits > 0 || consumed.writeUnits === 0)
    parts.push(`${formatUnits(consumed.readUnits)} RCU`);
  if (consumed.writeUnits > 0) parts.push(`${formatUnits(consumed.writeUnits)} WCU`);
  parts.push(formatDollars(estimateCost(consumed, region, prices).total));
  return parts.join(' · ');
}

/** The total cost of per-region capacity, each region at its own prices. */
export function totalCost(byRegion: Record<string, ConsumedCapacity>, prices?: DynamoPriceTable): number {
  return Object.entries(byRegion).reduce(
    (sum, [region, c]) => sum + estimateCost(c, region, prices).total,
    0,
  );
}
