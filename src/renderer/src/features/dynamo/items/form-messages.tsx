import { Alert, Button, Group, Text } from '@mantine/core';
import type { JsonTextError } from '@shared/models/json-text';
import type { ApiError } from '@renderer/api/api-error';
import { AwsErrorAlert } from '@renderer/components/aws-error-alert';
import classes from './item-editor.module.css';

export interface FormNote {
  text: string;
  /** A refusal (red) rather than a remark. */
  warn?: boolean;
}

interface FormMessagesProps {
  error: JsonTextError | null;
  /** The error came from switching views, not from a save. */
  switching: boolean;
  note: FormNote | null;
  failure: ApiError | null;
}

/** Under the editor: why the text cannot be written (at its line and column), a note, or the write's error. */
export function FormMessages({ error, switching, note, failure }: FormMessagesProps) {
  if (!error && !note && !failure) return null;
  return (
    <div className={classes.message}>
      {error && (
        <Text
          size="xs"
          c="red"
          data-testid="dynamo-item-error"
          data-line={error.line}
          data-column={error.column}
        >
          {switching ? `Cannot switch views: ${error.message}` : error.message}
        </Text>
      )}
      {note && !error && (
        <Text size="xs" c={note.warn ? 'red' : 'dimmed'} data-testid="dynamo-item-note">
          {note.text}
        </Text>
      )}
      {failure && (
        <AwsErrorAlert error={failure} compact title="The write failed" testId="dynamo-item-failure" />
      )}
    </div>
  );
}

/** Shown when the editor opened on an edit left unsaved earlier. */
export function RestoredDraftNote({ onDiscard }: { onDiscard: () => void }) {
  return (
    <Alert color="blue" variant="light" radius={0} p={6} data-testid="dynamo-item-restored">
      <Group gap="xs" justify="space-between" wrap="nowrap">
        <Text size="xs">Your unsaved edit of this item, as you left it.</Text>
        <Button
          size="compact-xs"
          variant="subtle"
          onClick={onDiscard}
          data-testid="dynamo-item-discard-draft"
        >
          Discard edit
        </Button>
      </Group>
    </Alert>
  );
}
