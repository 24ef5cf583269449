import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toConsumed } from '../../src/main/dynamo/consumed-capacity';
import { PriceStore } from '../../src/main/dynamo/price-store';
import { addCapacity, DEFAULT_PRICES, estimateCost } from '../../src/shared/models/dynamo-cost';

describe('consumed capacity and cost', () => {
  it('reads TOTAL and INDEXES answers as read and write units', () => {
    expect(toConsumed({ TableName: 'T', CapacityUnits: 2.5 }, 'read')).toEqual({
      readUnits: 2.5,
      writeUnits: 0,
    });
    expect(
      toConsumed(
        [
          { TableName: 'T', CapacityUnits: 1 },
          { TableName: 'U', CapacityUnits: 2 },
        ],
        'write',
      ),
    ).toEqual({
      readUnits: 0,
      writeUnits: 3,
    });
    expect(
      toConsumed(
        {
          TableName: 'T',
          CapacityUnits: 1.5,
          ReadCapacityUnits: 1.5,
          Table: { ReadCapacityUnits: 1 },
          GlobalSecondaryIndexes: { byDate: { ReadCapacityUnits: 0.5 } },
        },
        'read',
      ),
    ).toEqual({
      readUnits: 1.5,
      writeUnits: 0,
      parts: [
        { table: 'T', readUnits: 1, writeUnits: 0 },
        { table: 'T', index: 'byDate', readUnits: 0.5, writeUnits: 0 },
      ],
    });
    expect(toConsumed(undefined, 'read')).toEqual({ readUnits: 0, writeUnits: 0 });
  });

  it('keeps a running total per table and index', () => {
    const a = { readUnits: 1, writeUnits: 0, parts: [{ table: 'T', readUnits: 1, writeUnits: 0 }] };
    const b = { readUnits: 0, writeUnits: 2, parts: [{ table: 'T', readUnits: 0, writeUnits: 2 }] };
    expect(addCapacity(a, b)).toEqual({
      readUnits: 1,
      writeUnits: 2,
      parts: [{ table: 'T', readUnits: 1, writeUnits: 2 }],
    });
  });

  it('prices units at the region on-demand rate, or the default for an unlisted region', () => {
    const cost = estimateCost({ readUnits: 2_000_000, writeUnits: 1_000_000 }, 'us-east-1');
    expect(cost).toMatchObject({ currency: 'USD', read: 0.25, write: 0.625, pricedAs: 'us-east-1' });
    expect(cost.total).toBeCloseTo(0.875, 10);
    const custom = { ...DEFAULT_PRICES, default: { readPerMillion: 1, writePerMillion: 10 } };
    expect(estimateCost({ readUnits: 500_000, writeUnits: 100_000 }, 'sa-east-1', custom)).toMatchObject({
      read: 0.5,
      write: 1,
      total: 1.5,
      pricedAs: 'default',
    });
  });

  it('stores an edited price table in the data dir and resets to the defaults', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rdx-prices-'));
    try {
      const store = new PriceStore(dir);
      expect(await store.load()).toEqual(DEFAULT_PRICES);
      const edited = {
        ...DEFAULT_PRICES,
        regions: { 'eu-west-1': { readPerMillion: 0.2, writePerMillion: 1 } },
      };
      await store.save(edited);
      expect(JSON.parse(await readFile(join(dir, 'dynamodb-prices.json'), 'utf8'))).toEqual(edited);
      expect(await new PriceStore(dir).load()).toEqual(edited);
      expect(await store.reset()).toEqual(DEFAULT_PRICES);
      expect(await store.load()).toEqual(DEFAULT_PRICES);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
