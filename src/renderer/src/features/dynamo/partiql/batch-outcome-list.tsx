import { Badge, Text } from '@mantine/core';
import { compactValue } from '../explore/item-columns';
import type { BatchOutcome } from './batch-outcomes';
import classes from './partiql.module.css';

/** A batch's statements, each with what came of it: its item, "done", or DynamoDB's error. */
export function BatchOutcomeList({ outcomes }: { outcomes: BatchOutcome[] }) {
  return (
    <div className={classes.outcomes} data-testid="partiql-outcomes" role="list">
      {outcomes.map((o) => (
        <div
          key={o.index}
          className={classes.outcome}
          role="listitem"
          data-testid="partiql-outcome"
          data-state={o.state}
        >
          <Text size="xs" c="dimmed" ta="right">
            {o.index + 1}
          </Text>
          <Badge size="xs" variant="light" color={o.state === 'ok' ? 'teal' : 'red'}>
            {o.state === 'ok' ? 'ok' : 'failed'}
          </Badge>
          <span className={classes.statementText} title={o.statement.text}>
            {o.statement.text}
          </span>
          <span className={classes.outcomeDetail}>
            {o.error ? (
              <Text span size="xs" c="red">
                <b>{o.error.code}</b>: {o.error.message}
                {o.error.current && (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    (current item: {compactValue({ M: o.error.current })})
                  </Text>
                )}
              </Text>
            ) : o.item ? (
              <Text span size="xs" ff="monospace">
                {compactValue({ M: o.item })}
              </Text>
            ) : (
              <Text span size="xs" c="dimmed">
                Done
              </Text>
            )}
          </span>
        </div>
      ))}
    </div>
  );
}
