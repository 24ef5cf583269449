import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoItem, DynamoValue } from '../../shared/models/dynamo';
import { setOwn } from '../../shared/models/json-text';

const fromBase64 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'base64'));
const toBase64 = (bytes: Uint8Array): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

/** Wire value → the SDK's AttributeValue (binary as bytes). */
export function toAttributeValue(value: DynamoValue): AttributeValue {
  if ('B' in value) return { B: fromBase64(value.B) };
  if ('BS' in value) return { BS: value.BS.map(fromBase64) };
  if ('M' in value) return { M: toAttributeMap(value.M) };
  if ('L' in value) return { L: value.L.map(toAttributeValue) };
  return value as AttributeValue;
}

export function toAttributeMap(item: DynamoItem): Record<string, AttributeValue> {
  const out: Record<string, AttributeValue> = {};
  for (const [key, value] of Object.entries(item)) setOwn(out, key, toAttributeValue(value));
  return out;
}

/** The SDK's AttributeValue → wire value; one pass, no per-value object churn for scalars. */
export function fromAttributeValue(value: AttributeValue): DynamoValue {
  if (value.S !== undefined) return { S: value.S };
  if (value.N !== undefined) return { N: value.N };
  if (value.BOOL !== undefined) return { BOOL: value.BOOL };
  if (value.NULL !== undefined) return { NULL: true };
  if (value.M !== undefined) return { M: fromAttributeMap(value.M) };
  if (value.L !== undefined) return { L: value.L.map(fromAttributeValue) };
  if (value.B !== undefined) return { B: toBase64(value.B) };
  if (value.SS !== undefined) return { SS: value.SS };
  if (value.NS !== undefined) return { NS: value.NS };
  if (value.BS !== undefined) return { BS: value.BS.map(toBase64) };
  throw new Error(`Unknown DynamoDB attribute type: ${Object.keys(value).join(',')}`);
}

export function fromAttributeMap(item: Record<string, AttributeValue>): DynamoItem {
  const out: DynamoItem = {};
  for (const key in item) {
    const value = item[key];
    if (value) setOwn(out, key, fromAttributeValue(value));
  }
  return out;
}
