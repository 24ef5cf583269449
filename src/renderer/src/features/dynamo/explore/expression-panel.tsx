import { Button, Code, Collapse, CopyButton, Group, Text, UnstyledButton } from '@mantine/core';
import { useMemo, useState } from 'react';
import { buildExpression } from '@shared/dynamo/expression-builder';
import type { BuiltExpression } from '@shared/models/dynamo';
import { readRequestSchema, type ReadRequestInput } from '@shared/models/dynamo-schemas';
import { ChevronDownIcon, CopyIcon } from '@renderer/components/toolbar-icons';
import classes from './explore.module.css';

interface ExpressionPanelProps {
  region: string;
  /** The form as a request; null while it has an error. */
  request: ReadRequestInput | null;
  open: boolean;
  onToggle: () => void;
}

/**
 * What the request becomes, built here as the form changes (the same shared builder the main process
 * runs the request with), ready to copy.
 */
export function ExpressionPanel({ region, request, open, onToggle }: ExpressionPanelProps) {
  const current = useMemo(() => preview(request, region), [request, region]);
  // While the form has an error, the last expression it made stays on screen.
  const [last, setLast] = useState(current);
  if (current && current !== last) setLast(current);
  const e = current ?? last;
  return (
    <div className={classes.expression} data-testid="dynamo-expression">
      <Group gap="xs" wrap="nowrap">
        <UnstyledButton onClick={onToggle} data-testid="dynamo-expression-toggle" aria-expanded={open}>
          <Group gap={4} wrap="nowrap">
            <span style={{ display: 'inline-flex', transform: open ? undefined : 'rotate(-90deg)' }}>
              <ChevronDownIcon size={13} />
            </span>
            <Text size="xs" fw={600}>
              Expression
            </Text>
          </Group>
        </UnstyledButton>
        {e && (
          <Text size="xs" c="dimmed" ff="monospace" truncate style={{ flex: 1 }}>
            {summary(e)}
          </Text>
        )}
        {e && (
          <Group gap={4} ml="auto" wrap="nowrap">
            <CopyCode label="Copy as AWS CLI" value={e.code.cli} testId="dynamo-copy-expression-cli" />
            <CopyCode label="Copy as JS SDK" value={e.code.sdk} testId="dynamo-copy-expression-sdk" />
          </Group>
        )}
      </Group>
      <Collapse expanded={open}>
        {e && (
          <Code block className={classes.exprText} mt={4} data-testid="dynamo-expression-text">
            {describe(e)}
          </Code>
        )}
      </Collapse>
    </div>
  );
}

function CopyCode({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <CopyButton value={value}>
      {({ copied, copy }) => (
        <Button
          size="compact-xs"
          variant="subtle"
          color={copied ? 'teal' : 'gray'}
          leftSection={<CopyIcon size={12} />}
          onClick={copy}
          data-testid={testId}
        >
          {copied ? 'Copied' : label}
        </Button>
      )}
    </CopyButton>
  );
}

/** With the schema's defaults filled in, as the main process reads the request it is sent. */
function preview(request: ReadRequestInput | null, region: string): BuiltExpression | null {
  const parsed = request ? readRequestSchema.safeParse(request) : null;
  return parsed?.success ? buildExpression(parsed.data, region) : null;
}

function summary(e: BuiltExpression): string {
  const parts = [`${e.operation} ${e.tableName}${e.indexName ? `.${e.indexName}` : ''}`];
  if (e.keyConditionExpression) parts.push(e.keyConditionExpression);
  if (e.filterExpression) parts.push(`filter ${e.filterExpression}`);
  return parts.join(' · ');
}

/** The request's parameters as the API names them. */
export function describe(e: BuiltExpression): string {
  const lines = [`${e.operation} on ${e.tableName}${e.indexName ? `, index ${e.indexName}` : ''}`];
  if (e.keyConditionExpression) lines.push(`KeyConditionExpression: ${e.keyConditionExpression}`);
  if (e.filterExpression) lines.push(`FilterExpression: ${e.filterExpression}`);
  if (e.projectionExpression) lines.push(`ProjectionExpression: ${e.projectionExpression}`);
  if (e.expressionAttributeNames)
    lines.push(`ExpressionAttributeNames: ${JSON.stringify(e.expressionAttributeNames)}`);
  if (e.expressionAttributeValues)
    lines.push(`ExpressionAttributeValues: ${JSON.stringify(e.expressionAttributeValues)}`);
  lines.push(`Limit: ${e.limit}`);
  if (e.consistentRead) lines.push('ConsistentRead: true');
  if (e.scanIndexForward === false) lines.push('ScanIndexForward: false');
  return lines.join('\n');
}
