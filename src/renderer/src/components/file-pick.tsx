import { Button, FileButton, Text } from '@mantine/core';
import type { ReactNode } from 'react';

interface FilePickProps {
  accept: string;
  onPick: (file: File) => void;
  /** A file is chosen: the button offers another, the summary is no longer dimmed. */
  chosen: boolean;
  disabled: boolean;
  chooseLabel: string;
  buttonTestId: string;
  /** The chosen file's name and size, or what may be chosen. */
  summary: ReactNode;
  summaryTestId?: string;
}

/** The button that opens the file chooser and the line beside it; the caller's row lays them out. */
export function FilePick({
  accept,
  onPick,
  chosen,
  disabled,
  chooseLabel,
  buttonTestId,
  summary,
  summaryTestId,
}: FilePickProps) {
  return (
    <>
      <FileButton onChange={(f) => f && onPick(f)} accept={accept}>
        {(props) => (
          <Button size="xs" variant="default" disabled={disabled} {...props} data-testid={buttonTestId}>
            {chosen ? 'Choose another file' : chooseLabel}
          </Button>
        )}
      </FileButton>
      <Text
        size="sm"
        ff="monospace"
        c={chosen ? undefined : 'dimmed'}
        style={{ flex: 1 }}
        truncate
        data-testid={summaryTestId}
      >
        {summary}
      </Text>
    </>
  );
}
