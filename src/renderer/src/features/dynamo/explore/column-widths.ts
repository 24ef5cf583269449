import type { DynamoItem } from '@shared/models/dynamo';
import { compactValue } from './item-columns';

const CHAR_PX = 7.3;
const MIN = 70;
const MAX = 360;
/** Header padding, the gap before the key label, and the label ("partition key", 10px) itself. */
const CELL_PAD = 18;
const KEY_LABEL_PX = 6 + 80;

/**
 * Column widths from the header and the first items' text (monospace, so characters suffice). A key
 * column's header also says "partition key" / "sort key": it gets room for both, or its name is cut.
 */
export function columnWidths(
  columns: readonly string[],
  sample: readonly DynamoItem[],
  keyNames: readonly string[] = [],
): number[] {
  return columns.map((c) => {
    let longest = c.length + 2;
    for (const item of sample) {
      const v = item[c];
      if (v) longest = Math.max(longest, Math.min(60, compactValue(v).length));
    }
    const fit = Math.min(MAX, Math.max(MIN, longest * CHAR_PX + CELL_PAD));
    const header = keyNames.includes(c) ? c.length * CHAR_PX + KEY_LABEL_PX + CELL_PAD : 0;
    return Math.round(Math.max(fit, header));
  });
}
