import classes from './tone-dot.module.css';

export type Tone = 'green' | 'blue' | 'yellow' | 'orange' | 'red' | 'gray';

/** The small status dot used by the status bar, the instances table and the topology graph. */
export function ToneDot({ tone, pulse = false }: { tone: Tone; pulse?: boolean }) {
  return <span className={classes.dot} data-tone={tone} data-pulse={pulse || undefined} aria-hidden="true" />;
}
