import type {
  DynamoIndex,
  DynamoTableDetail,
  DynamoValue,
  FilterOperator,
  KeyElement,
  SortKeyOperator,
} from '@shared/models/dynamo';
import type { FilterInput, ReadRequestInput } from '@shared/models/dynamo-schemas';

/** The types a filter value can be typed as in the builder. */
export type ValueType = 'S' | 'N' | 'B' | 'BOOL' | 'NULL';

export interface FilterRow {
  id: number;
  name: string;
  type: ValueType;
  op: FilterOperator;
  value: string;
  value2: string;
}

/** The builder's inputs as the user typed them; kept as text so a failed run loses nothing. */
export interface BuilderForm {
  mode: 'scan' | 'query';
  /** null: the table itself. */
  index: string | null;
  partitionValue: string;
  sortOp: SortKeyOperator | 'none';
  sortValue: string;
  sortValue2: string;
  filters: FilterRow[];
  /** Comma-separated attribute names; empty: every attribute. */
  projection: string;
  consistentRead: boolean;
  limit: number;
  descending: boolean;
}

export const EMPTY_FORM: BuilderForm = {
  mode: 'scan',
  index: null,
  partitionValue: '',
  sortOp: 'none',
  sortValue: '',
  sortValue2: '',
  filters: [],
  projection: '',
  consistentRead: false,
  limit: 100,
  descending: false,
};

/** Operators that take no value, and the one that takes a list. */
export const NO_VALUE_OPS: readonly FilterOperator[] = ['exists', 'not_exists'];
export const LIST_OPS: readonly FilterOperator[] = ['in'];

export interface FormKeys {
  partitionKey: KeyElement;
  sortKey?: KeyElement;
  index?: DynamoIndex;
}

/** The keys a query uses: the table's, or the chosen index's. */
export function keysOf(
  table: Pick<DynamoTableDetail, 'partitionKey' | 'sortKey' | 'indexes'>,
  index: string | null,
): FormKeys {
  const found = index ? table.indexes.find((i) => i.name === index) : undefined;
  if (found)
    return {
      partitionKey: found.partitionKey,
      ...(found.sortKey ? { sortKey: found.sortKey } : {}),
      index: found,
    };
  return { partitionKey: table.partitionKey, ...(table.sortKey ? { sortKey: table.sortKey } : {}) };
}

export type Built<T> = { ok: true; value: T } | { ok: false; field: string; message: string };

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Typed text as a DynamoDB value; numbers stay text so no precision is lost. */
export function toValue(type: ValueType, text: string, field: string): Built<DynamoValue> {
  const t = type === 'S' ? text : text.trim();
  switch (type) {
    case 'S':
      return { ok: true, value: { S: t } };
    case 'N':
      return NUMBER.test(t)
        ? { ok: true, value: { N: t } }
        : { ok: false, field, message: `“${text}” is not a number` };
    case 'B':
      return BASE64.test(t) && t.length % 4 === 0
        ? { ok: true, value: { B: t } }
        : { ok: false, field, message: 'Binary values are typed as base64' };
    case 'BOOL':
      if (t === 'true' || t === 'false') return { ok: true, value: { BOOL: t === 'true' } };
      return { ok: false, field, message: 'A boolean is true or false' };
    case 'NULL':
      return { ok: true, value: { NULL: true } };
  }
}

function filterOf(row: FilterRow, i: number): Built<FilterInput> {
  const field = `filters.${i}`;
  const name = row.name.trim();
  if (!name) return { ok: false, field: `${field}.name`, message: 'Name the attribute to filter on' };
  if (NO_VALUE_OPS.includes(row.op)) return { ok: true, value: { name, op: row.op } };
  if (row.op === 'attribute_type') {
    // The value is a type letter (S, N, M, …), always a string.
    return { ok: true, value: { name, op: row.op, value: { S: row.value.trim() || row.type } } };
  }
  if (LIST_OPS.includes(row.op)) {
    const values: DynamoValue[] = [];
    for (const part of row.value.split(',')) {
      const v = toValue(row.type, row.type === 'S' ? part.trim() : part, `${field}.value`);
      if (!v.ok) return v;
      values.push(v.value);
    }
    return { ok: true, value: { name, op: row.op, values } };
  }
  const value = toValue(row.type, row.value, `${field}.value`);
  if (!value.ok) return value;
  if (row.op !== 'between') return { ok: true, value: { name, op: row.op, value: value.value } };
  const value2 = toValue(row.type, row.value2, `${field}.value2`);
  if (!value2.ok) return value2;
  return { ok: true, value: { name, op: row.op, value: value.value, value2: value2.value } };
}

/** The form as a `dynamo.read` request, or the first field that stops it. */
export function toReadRequest(
  table: Pick<DynamoTableDetail, 'name' | 'partitionKey' | 'sortKey' | 'indexes'>,
  form: BuilderForm,
): Built<ReadRequestInput> {
  const keys = keysOf(table, form.index);
  const request: ReadRequestInput = { mode: form.mode, table: table.name, limit: clampLimit(form.limit) };
  if (form.index && keys.index) request.index = form.index;
  if (form.mode === 'query') {
    if (form.partitionValue.trim() === '')
      return { ok: false, field: 'partitionValue', message: `Enter the ${keys.partitionKey.name} to query` };
    const pk = toValue(keys.partitionKey.type, form.partitionValue, 'partitionValue');
    if (!pk.ok) return pk;
    request.partitionKey = { name: keys.partitionKey.name, value: pk.value };
    if (keys.sortKey && form.sortOp !== 'none') {
      const sk = toValue(keys.sortKey.type, form.sortValue, 'sortValue');
      if (!sk.ok) return sk;
      request.sortKey = { name: keys.sortKey.name, op: form.sortOp, value: sk.value };
      if (form.sortOp === 'between') {
        const sk2 = toValue(keys.sortKey.type, form.sortValue2, 'sortValue2');
        if (!sk2.ok) return sk2;
        request.sortKey.value2 = sk2.value;
      }
    }
    if (form.descending) request.descending = true;
  }
  const filters: FilterInput[] = [];
  for (const [i, row] of form.filters.entries()) {
    const f = filterOf(row, i);
    if (!f.ok) return f;
    filters.push(f.value);
  }
  if (filters.length) request.filters = filters;
  const projection = form.projection
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (projection.length) request.projection = projection;
  // A GSI cannot be read consistently; the option is off (and hidden) there.
  if (form.consistentRead && keys.index?.kind !== 'GSI') request.consistentRead = true;
  return { ok: true, value: request };
}

export function clampLimit(limit: number): number {
  return Number.isFinite(limit) ? Math.min(1000, Math.max(1, Math.round(limit))) : 100;
}
