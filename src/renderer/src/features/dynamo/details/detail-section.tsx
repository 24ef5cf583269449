import type { ReactNode } from 'react';
import classes from './details.module.css';

export function DetailSection({
  title,
  wide,
  tall,
  children,
  testId,
}: {
  title: string;
  wide?: boolean;
  /** Spans two rows, so two short sections sit beside it. */
  tall?: boolean;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <section
      className={[classes.section, wide && classes.wide, tall && classes.tall].filter(Boolean).join(' ')}
      data-testid={testId}
    >
      <div className={classes.title}>{title}</div>
      {children}
    </section>
  );
}

/** Label/value rows; a missing value shows as a dash. */
export function Fields({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <div className={classes.fields}>
      {rows.map(([label, value]) => (
        <div key={label} style={{ display: 'contents' }} data-field={label}>
          <span className={classes.label}>{label}</span>
          <span className={classes.value}>{value ?? '—'}</span>
        </div>
      ))}
    </div>
  );
}
