import { ActionIcon, Alert, Badge, Code, CopyButton, Group, Text, Tooltip } from '@mantine/core';
import type { ApiError } from '@renderer/api/api-error';
import { AlertIcon, CheckIcon } from '@renderer/components/icons';
import { CopyIcon } from '@renderer/components/toolbar-icons';
import { describeAwsError } from './aws-error-text';

interface AwsErrorAlertProps {
  error: ApiError;
  /** Narrow places (the sidebar): smaller text, no icon. */
  compact?: boolean;
  /** Overrides the title, e.g. "us-west-2 could not be listed". */
  title?: string;
  testId?: string;
}

/** An AWS failure with its code, AWS's own code, the message and what to do next. */
export function AwsErrorAlert({ error, compact = false, title, testId = 'aws-error' }: AwsErrorAlertProps) {
  const text = describeAwsError(error);
  const size = compact ? 'xs' : 'sm';
  return (
    <Alert
      color={error.code === 'SSO_EXPIRED' || error.code === 'THROTTLED' ? 'orange' : 'red'}
      variant="light"
      p={compact ? 8 : undefined}
      icon={compact ? undefined : <AlertIcon />}
      title={
        // Narrow: the code goes under the title rather than being cut off beside it.
        <Group gap={compact ? 4 : 6} wrap={compact ? 'wrap' : 'nowrap'}>
          <Text size={size} fw={600} span>
            {title ?? text.title}
          </Text>
          <Badge size="xs" variant="outline" color="gray" tt="none" data-testid="error-code">
            {text.awsCode ?? error.code}
          </Badge>
        </Group>
      }
      data-testid={testId}
      data-code={error.code}
    >
      <Text size={size} style={{ wordBreak: 'break-word' }}>
        {error.message}
      </Text>
      {text.command && (
        <Group gap={4} mt={6} wrap="nowrap">
          <Code
            style={{ flex: 1, minWidth: 0, overflowX: 'auto', whiteSpace: 'nowrap' }}
            data-testid="sso-command"
          >
            {text.command}
          </Code>
          <CopyButton value={text.command}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? 'Copied' : 'Copy command'} withArrow>
                <ActionIcon
                  variant="subtle"
                  color={copied ? 'teal' : 'gray'}
                  size="sm"
                  onClick={copy}
                  aria-label="Copy command"
                >
                  {copied ? <CheckIcon size={14} /> : <CopyIcon size={14} />}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
        </Group>
      )}
      {text.hint && (
        <Text size="xs" c="dimmed" mt={4}>
          {text.hint}
        </Text>
      )}
    </Alert>
  );
}
