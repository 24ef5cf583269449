import { Alert, Button, Code, Group, Modal, Radio, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useSaveQuery } from '@renderer/api/use-sql-history';

interface SaveQueryDialogProps {
  /** The SQL to save; null keeps the dialog closed. */
  sql: string | null;
  profileId: string;
  profileName: string;
  onClose: () => void;
}

/** A name from the SQL's first line, so Save can be one click for a quick query. */
function suggestedName(sql: string): string {
  const first = sql.split('\n').find((l) => l.trim() !== '') ?? '';
  return first.trim().replace(/\s+/g, ' ').slice(0, 60);
}

export function SaveQueryDialog({ sql, ...rest }: SaveQueryDialogProps) {
  return (
    <Modal
      opened={sql !== null}
      onClose={rest.onClose}
      title="Save query"
      size="md"
      centered
      data-testid="save-query-dialog"
    >
      {/* Keyed by the SQL: each opening starts from its own suggested name. */}
      {sql !== null && <SaveQueryForm key={sql} sql={sql} {...rest} />}
    </Modal>
  );
}

function SaveQueryForm({ sql, profileId, profileName, onClose }: SaveQueryDialogProps & { sql: string }) {
  const save = useSaveQuery();
  const [name, setName] = useState(() => suggestedName(sql));
  const [scope, setScope] = useState<'profile' | 'global'>('profile');

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    save.mutate(
      { name: name.trim(), sql, profileId: scope === 'profile' ? profileId : null },
      { onSuccess: onClose },
    );
  };

  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <TextInput
          label="Name"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={name.trim() === '' ? 'Name the query' : undefined}
          data-autofocus
          maxLength={120}
          data-testid="save-query-name"
        />
        <Radio.Group
          label="Available for"
          value={scope}
          onChange={(v) => setScope(v as 'profile' | 'global')}
        >
          <Group gap="lg" mt={4}>
            <Radio value="profile" label={`This connection (${profileName})`} />
            <Radio value="global" label="All connections" />
          </Group>
        </Radio.Group>
        <Code block mah={160} style={{ overflow: 'auto', whiteSpace: 'pre-wrap' }}>
          {sql}
        </Code>
        {save.error && (
          <Alert color="red" variant="light" title="Could not save">
            {save.error.message}
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="subtle" color="gray" onClick={onClose}>
            Cancel
          </Button>
          <Button
            type="submit"
            loading={save.isPending}
            disabled={!name.trim()}
            data-testid="save-query-submit"
          >
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
