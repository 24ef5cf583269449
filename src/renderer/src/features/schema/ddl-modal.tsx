import { Alert, Button, CopyButton, Group, Loader, Modal, ScrollArea, Center } from '@mantine/core';
import { CheckIcon } from '@renderer/components/icons';
import { CopyIcon } from '@renderer/components/toolbar-icons';
import classes from './schema-panel.module.css';
import { useSchemaDdl, type DdlTarget } from './use-schema';

/** The object's CREATE statement, read fresh from the server, with a copy button. */
export function DdlModal({
  profileId,
  target,
  onClose,
}: {
  profileId: string;
  target: DdlTarget | null;
  onClose: () => void;
}) {
  const ddl = useSchemaDdl(profileId, target);
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={target ? `DDL of ${target.kind} ${target.database}.${target.name}` : ''}
      size="xl"
      data-testid="ddl-modal"
    >
      {ddl.isPending && (
        <Center h={120}>
          <Loader size="sm" />
        </Center>
      )}
      {ddl.error && (
        <Alert color="red" title="Could not read the definition">
          {ddl.error.message}
        </Alert>
      )}
      {ddl.data && (
        <>
          <ScrollArea.Autosize mah="60vh" type="auto">
            <pre className={classes.ddl} data-testid="ddl-text">
              {ddl.data.ddl}
            </pre>
          </ScrollArea.Autosize>
          <Group justify="flex-end" mt="md" gap="xs">
            <CopyButton value={ddl.data.ddl}>
              {({ copied, copy }) => (
                <Button
                  variant="default"
                  leftSection={copied ? <CheckIcon size={14} /> : <CopyIcon size={14} />}
                  onClick={copy}
                  data-testid="ddl-copy"
                >
                  {copied ? 'Copied' : 'Copy'}
                </Button>
              )}
            </CopyButton>
            <Button onClick={onClose}>Close</Button>
          </Group>
        </>
      )}
    </Modal>
  );
}
