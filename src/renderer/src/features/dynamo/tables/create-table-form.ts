import type { ScalarType, StreamViewType } from '@shared/models/dynamo';
import { createTableSchema, type CreateTableInput } from '@shared/models/dynamo-schemas';

export interface KeyInput {
  name: string;
  type: ScalarType;
}

export interface IndexInput {
  id: number;
  name: string;
  kind: 'GSI' | 'LSI';
  partitionKey: KeyInput;
  sortKey: KeyInput;
  projection: 'ALL' | 'KEYS_ONLY' | 'INCLUDE';
  /** Comma-separated, for INCLUDE. */
  nonKeyAttributes: string;
}

export interface CreateTableForm {
  table: string;
  region: string;
  partitionKey: KeyInput;
  /** An empty name: no sort key. */
  sortKey: KeyInput;
  billingMode: 'PAY_PER_REQUEST' | 'PROVISIONED';
  readUnits: number;
  writeUnits: number;
  stream: StreamViewType | 'off';
  deletionProtection: boolean;
  indexes: IndexInput[];
}

export function emptyCreateForm(region: string): CreateTableForm {
  return {
    table: '',
    region,
    partitionKey: { name: '', type: 'S' },
    sortKey: { name: '', type: 'S' },
    billingMode: 'PAY_PER_REQUEST',
    readUnits: 5,
    writeUnits: 5,
    stream: 'off',
    deletionProtection: false,
    indexes: [],
  };
}

export type DefinitionResult =
  { ok: true; definition: CreateTableInput } | { ok: false; errors: Record<string, string> };

const key = (k: KeyInput) => ({ name: k.name.trim(), type: k.type });

/** The form as `dynamo.createTable`'s definition, checked with the contract's own schema. */
export function toDefinition(form: CreateTableForm): DefinitionResult {
  const draft = {
    table: form.table.trim(),
    partitionKey: key(form.partitionKey),
    ...(form.sortKey.name.trim() ? { sortKey: key(form.sortKey) } : {}),
    billingMode: form.billingMode,
    ...(form.billingMode === 'PROVISIONED'
      ? { provisioned: { readUnits: form.readUnits, writeUnits: form.writeUnits } }
      : {}),
    indexes: form.indexes.map((i) => ({
      name: i.name.trim(),
      kind: i.kind,
      // An LSI shares the table's partition key; only its sort key is its own.
      partitionKey: i.kind === 'LSI' ? key(form.partitionKey) : key(i.partitionKey),
      ...(i.sortKey.name.trim() ? { sortKey: key(i.sortKey) } : {}),
      projection: i.projection,
      ...(i.projection === 'INCLUDE'
        ? {
            nonKeyAttributes: i.nonKeyAttributes
              .split(',')
              .map((a) => a.trim())
              .filter(Boolean),
          }
        : {}),
    })),
    ...(form.deletionProtection ? { deletionProtection: true } : {}),
    ...(form.stream !== 'off' ? { stream: form.stream } : {}),
  };
  const errors: Record<string, string> = {};
  if (!draft.partitionKey.name) errors['partitionKey.name'] = 'Name the partition key';
  form.indexes.forEach((i, n) => {
    if (i.kind === 'LSI' && !i.sortKey.name.trim())
      errors[`indexes.${n}.sortKey.name`] = 'A local index needs its own sort key';
    if (i.kind === 'LSI' && !draft.sortKey)
      errors[`indexes.${n}.kind`] = 'Local indexes need a table with a sort key';
  });
  const parsed = createTableSchema.safeParse(draft);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors[issue.path.join('.')] ??= issue.message;
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, definition: parsed.data };
}
