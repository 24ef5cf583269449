import type { FileFormat } from '@shared/models/dynamo-schemas';

export const TRANSFER_FORMATS: { value: FileFormat; label: string; extension: string }[] = [
  { value: 'jsonl', label: 'JSON lines', extension: 'jsonl' },
  { value: 'dynamodb-json', label: 'DynamoDB JSON', extension: 'json' },
  { value: 'csv', label: 'CSV', extension: 'csv' },
];

export const EXPORT_NOTES: Record<FileFormat, string> = {
  jsonl:
    'One item per line as plain JSON. Numbers keep every digit; binary, sets and odd numbers are tagged ($binary, $set, $number).',
  'dynamodb-json':
    'One item per line as {"Item": {...}} with type tags, as the DynamoDB export to S3 writes it. Lossless.',
  csv: 'A header of name:TYPE columns (the union of attributes), one row per item; maps, lists and sets as JSON cells. Empty strings and NULL come back as absent attributes.',
};

export const IMPORT_NOTES: Record<FileFormat, string> = {
  jsonl: 'One plain JSON object per line (as the JSON lines export writes it).',
  'dynamodb-json': 'One item per line, bare ({"id": {"S": "1"}}) or wrapped ({"Item": {...}}).',
  csv: 'A header row; name:TYPE columns (S, N, B, BOOL, NULL, JSON) or plain names (keys take the table’s key types, the rest are strings).',
};

/** The format a file most likely has, from its name and first line; `.json` files are told apart by content. */
export function guessFormat(fileName: string, firstLine: string): FileFormat {
  const name = fileName.toLowerCase();
  if (name.endsWith('.csv')) return 'csv';
  if (name.endsWith('.jsonl') || name.endsWith('.ndjson')) return 'jsonl';
  // DynamoDB JSON wraps the item ({"Item": ...}) or tags the first value ({"id": {"S": ...).
  const tagged = /^\s*\{\s*("Item"\s*:|"(?:[^"\\]|\\.)*"\s*:\s*\{\s*"(S|N|B|SS|NS|BS|M|L|NULL|BOOL)"\s*:)/;
  return tagged.test(firstLine) ? 'dynamodb-json' : 'jsonl';
}
