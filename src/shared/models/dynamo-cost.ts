import type { ConsumedCapacity, DynamoPriceTable } from './dynamo';

/**
 * On-demand request unit prices (USD per million) as AWS listed them after the November 2024 cut.
 * A starting point the user can edit; AWS's pricing page is the authority.
 */
export const DEFAULT_PRICES: DynamoPriceTable = {
  currency: 'USD',
  regions: {
    'us-east-1': { readPerMillion: 0.125, writePerMillion: 0.625 },
    'us-east-2': { readPerMillion: 0.125, writePerMillion: 0.625 },
    'us-west-2': { readPerMillion: 0.125, writePerMillion: 0.625 },
    'eu-west-1': { readPerMillion: 0.1415, writePerMillion: 0.7075 },
    'eu-central-1': { readPerMillion: 0.1525, writePerMillion: 0.7625 },
    'ap-southeast-1': { readPerMillion: 0.1425, writePerMillion: 0.7125 },
    'ap-northeast-1': { readPerMillion: 0.1425, writePerMillion: 0.7125 },
  },
  default: { readPerMillion: 0.125, writePerMillion: 0.625 },
};

export interface CostEstimate {
  currency: 'USD';
  read: number;
  write: number;
  total: number;
  /** The prices used: the region's own, or the table's default. */
  pricedAs: string;
}

/** What consumed units cost on demand in `region`. */
export function estimateCost(
  consumed: Pick<ConsumedCapacity, 'readUnits' | 'writeUnits'>,
  region: string,
  prices: DynamoPriceTable = DEFAULT_PRICES,
): CostEstimate {
  const own = prices.regions[region];
  const price = own ?? prices.default;
  const read = (consumed.readUnits * price.readPerMillion) / 1_000_000;
  const write = (consumed.writeUnits * price.writePerMillion) / 1_000_000;
  return { currency: prices.currency, read, write, total: read + write, pricedAs: own ? region : 'default' };
}

export const NO_CAPACITY: ConsumedCapacity = { readUnits: 0, writeUnits: 0 };

/** Sums two answers' capacity (a running total, a job's pages). */
export function addCapacity(a: ConsumedCapacity, b: ConsumedCapacity): ConsumedCapacity {
  const parts = [...(a.parts ?? [])];
  for (const part of b.parts ?? []) {
    const same = parts.findIndex((p) => p.table === part.table && p.index === part.index);
    const prev = parts[same];
    if (prev) {
      parts[same] = {
        ...prev,
        readUnits: prev.readUnits + part.readUnits,
        writeUnits: prev.writeUnits + part.writeUnits,
      };
    } else parts.push(part);
  }
  return {
    readUnits: a.readUnits + b.readUnits,
    writeUnits: a.writeUnits + b.writeUnits,
    ...(parts.length ? { parts } : {}),
  };
}
