import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { JSON_NUMBER, TAGS } from '../../shared/models/dynamo-values';

/*
 * An exported JSON line straight from the SDK's attribute values, in one pass: the same text as
 * `formatPlainItem(fromAttributeMap(item), 0)` (plain JSON, numbers' digits kept, tags for binary,
 * sets and odd numbers), without building the two trees in between, which cost more than the scan
 * itself on a large export.
 */
export function plainJsonLine(item: Record<string, AttributeValue>): string {
  return mapText(item);
}

const str = (text: string): string => JSON.stringify(text);
const toBase64 = (bytes: Uint8Array): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
const numberText = (n: string): string => (JSON_NUMBER.test(n) ? n : `{"$number":${str(n)}}`);
const binaryText = (bytes: Uint8Array): string => `{"$binary":${str(toBase64(bytes))}}`;

function mapText(map: Record<string, AttributeValue>): string {
  let body = '';
  let count = 0;
  let only = '';
  for (const key in map) {
    const value = map[key];
    if (!value) continue;
    body += `${count === 0 ? '' : ','}${str(key)}:${valueText(value)}`;
    count++;
    only = key;
  }
  const text = `{${body}}`;
  // A map that looks like a tag is wrapped, so it reads back as a map.
  return count === 1 && TAGS.has(only) ? `{"$map":${text}}` : text;
}

function valueText(value: AttributeValue): string {
  if (value.S !== undefined) return str(value.S);
  if (value.N !== undefined) return numberText(value.N);
  if (value.BOOL !== undefined) return value.BOOL ? 'true' : 'false';
  if (value.NULL !== undefined) return 'null';
  if (value.M !== undefined) return mapText(value.M);
  if (value.L !== undefined) return `[${value.L.map(valueText).join(',')}]`;
  if (value.B !== undefined) return binaryText(value.B);
  if (value.SS !== undefined) return `{"$set":[${value.SS.map(str).join(',')}]}`;
  if (value.NS !== undefined) return `{"$set":[${value.NS.map(numberText).join(',')}]}`;
  if (value.BS !== undefined) return `{"$set":[${value.BS.map(binaryText).join(',')}]}`;
  throw new Error(`Unknown DynamoDB attribute type: ${Object.keys(value).join(',')}`);
}
