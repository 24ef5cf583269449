import { Button } from '@mantine/core';
import { useState } from 'react';
import type { DynamoTableDetail } from '@shared/models/dynamo';
import { ExportDialog } from './export-dialog';
import { ImportDialog } from './import-dialog';

/** The table header's Export and Import; each dialog lives only while open. */
export function TransferButtons({ profile, detail }: { profile: string; detail: DynamoTableDetail }) {
  const [open, setOpen] = useState<'export' | 'import' | null>(null);
  const active = detail.status === 'ACTIVE';
  return (
    <>
      <Button
        size="xs"
        variant="default"
        disabled={!active}
        onClick={() => setOpen('export')}
        data-testid="dynamo-export"
      >
        Export…
      </Button>
      <Button
        size="xs"
        variant="default"
        disabled={!active}
        onClick={() => setOpen('import')}
        data-testid="dynamo-import"
      >
        Import…
      </Button>
      {open === 'export' && <ExportDialog profile={profile} detail={detail} onClose={() => setOpen(null)} />}
      {open === 'import' && <ImportDialog profile={profile} detail={detail} onClose={() => setOpen(null)} />}
    </>
  );
}
