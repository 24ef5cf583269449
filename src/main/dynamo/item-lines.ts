import type { DynamoItem } from '../../shared/models/dynamo';
import type { FileFormat } from '../../shared/models/dynamo-schemas';
import { formatPlainItem } from '../../shared/models/dynamo-values';

/** One exported line (JSON lines: plain JSON; DynamoDB JSON: the S3 export's `{"Item": ...}`). */
export function itemLine(item: DynamoItem, format: Exclude<FileFormat, 'csv'>): string {
  return format === 'jsonl' ? formatPlainItem(item, 0) : JSON.stringify({ Item: item });
}
