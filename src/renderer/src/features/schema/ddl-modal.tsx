import { CodeModal } from '@renderer/components/code-modal';
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
    <CodeModal
      opened={target !== null}
      title={target ? `DDL of ${target.kind} ${target.database}.${target.name}` : ''}
      code={ddl.data?.ddl}
      loading={ddl.isPending}
      error={ddl.error && { title: 'Could not read the definition', message: ddl.error.message }}
      size="xl"
      testId="ddl-modal"
      onClose={onClose}
    />
  );
}
