import { Alert, Button, CopyButton, Group, Loader, Modal, ScrollArea, Center } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { DdlKind } from '@shared/models/schema';
import type { ApiError } from '@renderer/api/api-error';
import { useApi } from '@renderer/api/api-provider';
import { CheckIcon } from '@renderer/components/icons';
import { CopyIcon } from '@renderer/components/toolbar-icons';
import classes from './schema-panel.module.css';

export interface DdlTarget {
  database: string;
  name: string;
  kind: DdlKind;
}

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
  const api = useApi();
  const ddl = useQuery<{ ddl: string }, ApiError>({
    queryKey: ['schema', profileId, 'ddl', target?.database, target?.name, target?.kind],
    queryFn: () => api.call('schema.ddl', { profileId, ...target! }),
    enabled: target !== null,
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });
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
