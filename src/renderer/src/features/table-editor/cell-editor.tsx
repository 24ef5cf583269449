import { useState } from 'react';
import type { Cell } from '@shared/models/sql';
import type { TableColumn } from '@shared/models/table-edit';
import { ToolbarIconButton } from '@renderer/components/toolbar-icon-button';
import { inputHint, inputProblem } from './input-check';
import classes from './edit-grid.module.css';

interface CellEditorProps {
  column: TableColumn;
  value: Cell | undefined;
  onCommit: (value: Cell) => void;
  onCancel: () => void;
}

/**
 * Typing edits the text; the NULL button sets NULL, which stays distinct from an empty text.
 * Enter keeps the value, Escape drops it; leaving the field keeps it when it is valid.
 */
export function CellEditor({ column, value, onCommit, onCancel }: CellEditorProps) {
  const [text, setText] = useState(value === null || value === undefined ? '' : String(value));
  // Untouched, a NULL stays NULL: opening the editor and leaving must not turn it into ''.
  const [touched, setTouched] = useState(false);
  const problem = inputProblem(column, text);
  const commit = (): void => (problem || !touched ? onCancel() : onCommit(text));
  return (
    <div className={classes.editor}>
      <input
        autoFocus
        className={classes.editorInput}
        data-invalid={problem ? true : undefined}
        value={text}
        placeholder={inputHint(column)}
        aria-label={`Value of ${column.name}`}
        title={problem ?? undefined}
        onChange={(e) => {
          setTouched(true);
          setText(e.currentTarget.value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') onCancel();
        }}
        onBlur={commit}
        data-testid="cell-editor"
      />
      {column.nullable && (
        <ToolbarIconButton
          tooltip="Set to NULL"
          openDelay={300}
          withArrow
          size="xs"
          className={classes.nullButton}
          // Before the input's blur, so the click sets NULL rather than keeping the text.
          onMouseDown={(e) => {
            e.preventDefault();
            onCommit(null);
          }}
          data-testid="cell-set-null"
          icon="∅"
        />
      )}
    </div>
  );
}
