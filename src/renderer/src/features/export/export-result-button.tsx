import { Button } from '@mantine/core';
import { useState } from 'react';
import type { RowsResult } from '@shared/models/sql';
import { ExportDialog } from './export-dialog';

interface ExportResultButtonProps {
  result: Pick<RowsResult, 'resultId' | 'columns' | 'rowCount' | 'stoppedAtLimit'>;
  /** The statement and where it ran: a result cut at its row limit is exported by running it again. */
  statement?: { profileId: string; database?: string | null; sql: string };
}

/**
 * "Export" for a results toolbar: every stored row of the result, or, when it stopped at its row
 * limit, the statement run again without one (so the file has every row).
 */
export function ExportResultButton({ result, statement }: ExportResultButtonProps) {
  const [open, setOpen] = useState(false);
  const rerun = result.stoppedAtLimit && statement;
  return (
    <>
      <Button
        size="compact-xs"
        variant="subtle"
        color="gray"
        onClick={() => setOpen(true)}
        data-testid="export-result"
      >
        Export
      </Button>
      <ExportDialog
        opened={open}
        onClose={() => setOpen(false)}
        title={rerun ? 'Export all rows (runs the statement again)' : 'Export result'}
        expectedRows={rerun ? undefined : result.rowCount}
        source={
          rerun
            ? { kind: 'query', ...statement }
            : {
                kind: 'result',
                resultId: result.resultId,
                columns: result.columns.map((c) => ({ name: c.name, type: c.type, table: c.table })),
              }
        }
      />
    </>
  );
}
