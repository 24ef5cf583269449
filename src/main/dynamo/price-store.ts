import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { AppError } from '../../shared/errors';
import type { DynamoPriceTable } from '../../shared/models/dynamo';
import { DEFAULT_PRICES } from '../../shared/models/dynamo-cost';
import { priceTableSchema } from '../../shared/models/dynamo-schemas';

/** The user's on-demand price table in the data dir; the defaults until they edit it. */
export class PriceStore {
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = join(dataDir, 'dynamodb-prices.json');
  }

  async load(): Promise<DynamoPriceTable> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return DEFAULT_PRICES;
      throw new AppError('STORAGE_ERROR', `Cannot read ${this.file}: ${(err as Error).message}`);
    }
    const parsed = priceTableSchema.safeParse(JSON.parse(text));
    // A hand-edited file that no longer parses falls back to the defaults rather than breaking costs.
    return parsed.success ? parsed.data : DEFAULT_PRICES;
  }

  async save(table: DynamoPriceTable): Promise<DynamoPriceTable> {
    const temp = `${this.file}.${randomUUID()}.tmp`;
    try {
      await mkdir(dirname(this.file), { recursive: true });
      await writeFile(temp, `${JSON.stringify(table, null, 2)}\n`, { mode: 0o600 });
      await rename(temp, this.file);
    } catch (err) {
      await rm(temp, { force: true });
      throw new AppError('STORAGE_ERROR', `Cannot save ${this.file}: ${(err as Error).message}`);
    }
    return table;
  }

  async reset(): Promise<DynamoPriceTable> {
    await rm(this.file, { force: true });
    return DEFAULT_PRICES;
  }
}
