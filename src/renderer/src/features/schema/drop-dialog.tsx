import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { qualifiedName } from '@shared/sql/quote-identifier';
import { useRunSql } from '@renderer/api/use-sql';
import { TypeToConfirm, typedMatches } from '@renderer/components/type-to-confirm';

export interface DropTarget {
  database: string;
  name: string;
  kind: 'table' | 'view';
}

interface DropDialogProps {
  target: DropTarget | null;
  /** The tab's session: the DROP runs there, as if typed in the editor. */
  sessionId: string | null;
  onDropped: (target: DropTarget) => void;
  onClose: () => void;
}

export function dropStatement(target: DropTarget): string {
  return `DROP ${target.kind === 'view' ? 'VIEW' : 'TABLE'} ${qualifiedName(target.database, target.name)}`;
}

/** Asks the user to type the name, then runs the DROP on the tab's session with their consent. */
export function DropDialog({ target, sessionId, onDropped, onClose }: DropDialogProps) {
  const [typed, setTyped] = useState('');
  const drop = useRunSql();
  const run = (t: DropTarget) =>
    drop.mutate(
      { sessionId: sessionId!, sql: dropStatement(t), confirmed: true },
      {
        onSuccess: () => {
          setTyped('');
          onDropped(t);
        },
      },
    );
  const close = () => {
    setTyped('');
    drop.reset();
    onClose();
  };
  return (
    <Modal
      opened={target !== null}
      onClose={close}
      title={`Drop ${target?.kind ?? 'table'}`}
      size="md"
      data-testid="drop-dialog"
    >
      {target && (
        <Stack gap="md">
          <Text size="sm">
            {target.kind === 'view'
              ? 'The view is removed; its tables and their rows stay.'
              : 'The table and every row in it are deleted for good. This cannot be undone.'}
          </Text>
          <Text size="sm" ff="monospace" fw={500}>
            {dropStatement(target)}
          </Text>
          <TypeToConfirm expected={target.name} value={typed} onChange={setTyped} />
          {sessionId === null && (
            <Alert color="yellow">The tab is not connected. Reconnect it to drop the {target.kind}.</Alert>
          )}
          {drop.error && (
            <Alert color="red" title="The server refused the DROP" data-testid="drop-error">
              {drop.error.message}
            </Alert>
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={close} data-autofocus>
              Cancel
            </Button>
            <Button
              color="red"
              disabled={!typedMatches(target.name, typed) || sessionId === null}
              loading={drop.isPending}
              onClick={() => run(target)}
              data-testid="drop-confirm"
            >
              Drop {target.kind}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
