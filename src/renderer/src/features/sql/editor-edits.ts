import type { monaco } from '@renderer/monaco/setup';
import { FormatRefused, formatSql, type SqlDialect } from './format-sql';
import type { FormatOutcome } from './sql-editor-handle';

/** Where the user is in the editor, as offsets into its text (see run-target.ts). */
export function place(editor: monaco.editor.ICodeEditor) {
  const model = editor.getModel()!;
  const selection = editor.getSelection();
  const cursor = editor.getPosition();
  return {
    selectionStart: selection ? model.getOffsetAt(selection.getStartPosition()) : 0,
    selectionEnd: selection ? model.getOffsetAt(selection.getEndPosition()) : 0,
    cursor: cursor ? model.getOffsetAt(cursor) : 0,
  };
}

/** Formats the selection, or the whole text, as an edit: Ctrl/Cmd+Z brings the old layout back. */
export function formatEditor(editor: monaco.editor.ICodeEditor | null, dialect: SqlDialect): FormatOutcome {
  const model = editor?.getModel();
  if (!editor || !model) return { ok: true, changed: false };
  const selection = editor.getSelection();
  const range = selection && !selection.isEmpty() ? selection : model.getFullModelRange();
  const before = model.getValueInRange(range);
  if (before.trim() === '') return { ok: true, changed: false };
  let after: string;
  try {
    after = formatSql(before, dialect);
  } catch (err) {
    const why =
      err instanceof FormatRefused
        ? err.message
        : `The formatter could not read it: ${err instanceof Error ? err.message : String(err)}`;
    return { ok: false, message: why };
  }
  if (after === before) return { ok: true, changed: false };
  editor.pushUndoStop();
  editor.executeEdits('rdx.format', [{ range, text: after, forceMoveMarkers: true }]);
  editor.pushUndoStop();
  return { ok: true, changed: true };
}

/**
 * Inserts a statement as one undoable edit: over the selection, or on a new paragraph after the
 * cursor's line, ending the statement before it with `;` if needed so the two stay apart.
 */
export function insertText(editor: monaco.editor.ICodeEditor | null, text: string): void {
  const model = editor?.getModel();
  if (!editor || !model) return;
  const selection = editor.getSelection();
  let range: monaco.IRange;
  let insert = text;
  if (selection && !selection.isEmpty()) {
    range = selection;
  } else if (model.getValue().trim() === '') {
    range = model.getFullModelRange();
  } else {
    const line = editor.getPosition()?.lineNumber ?? model.getLineCount();
    const end = { lineNumber: line, column: model.getLineMaxColumn(line) };
    range = { startLineNumber: line, startColumn: end.column, endLineNumber: line, endColumn: end.column };
    const before = model.getValueInRange({ startLineNumber: 1, startColumn: 1, ...toEnd(end) }).trimEnd();
    const terminator = before === '' || before.endsWith(';') ? '' : ';';
    insert = `${terminator}\n\n${/;\s*$/.test(text) ? text : `${text};`}`;
  }
  editor.pushUndoStop();
  editor.executeEdits('rdx.insert', [{ range, text: insert, forceMoveMarkers: true }]);
  editor.pushUndoStop();
  editor.focus();
}

function toEnd(end: { lineNumber: number; column: number }) {
  return { endLineNumber: end.lineNumber, endColumn: end.column };
}
