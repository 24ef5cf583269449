import type { Cell } from '@shared/models/sql';
import { binaryLength } from './cell-format';
import classes from '@renderer/components/result-grid.module.css';

/** Renders a cell as text (React escapes it): database content is never interpreted as HTML. */
export function CellValue({ value }: { value: Cell }) {
  if (value === null) return <span className={classes.null}>NULL</span>;
  if (typeof value === 'object') {
    return <span className={classes.special}>binary ({binaryLength(value.$binary)} bytes)</span>;
  }
  if (value === '') return <span className={classes.empty} aria-label="empty string" />;
  return <>{String(value)}</>;
}
