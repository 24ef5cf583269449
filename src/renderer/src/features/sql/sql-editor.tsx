import { useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';
import { monaco } from '@renderer/monaco/setup';
import { errorMarker, useMonacoEditor } from '@renderer/monaco/use-monaco-editor';
import { locateError } from './error-position';
import { formatEditor, insertText, place } from './editor-edits';
import { runTargets, type RunMode } from './run-target';
import type { SqlEditorHandle } from './sql-editor-handle';

export interface SqlEditorProps {
  colorScheme: 'light' | 'dark';
  /** Ctrl/Cmd+Enter: `current`; Ctrl/Cmd+Shift+Enter: `script`. */
  onRun: (mode: RunMode) => void;
  /** Shift+Alt+F. */
  onFormat: () => void;
  ref?: Ref<SqlEditorHandle>;
}

const MARKER_OWNER = 'rdx-run';

/** Monaco in MySQL mode. Loaded lazily (see lazy-sql-editor.tsx); owns its text. */
export function SqlEditor({ colorScheme, onRun, onFormat, ref }: SqlEditorProps) {
  const handlers = useRef({ onRun, onFormat });
  // Where errors are marked ("line:column" list): an app signal tests can wait on.
  const [markedAt, setMarkedAt] = useState('');

  useEffect(() => {
    handlers.current = { onRun, onFormat };
  }, [onRun, onFormat]);

  const { containerRef, editorRef, ready } = useMonacoEditor(colorScheme, {
    value: '',
    language: 'mysql',
    ariaLabel: 'SQL editor',
    init: (editor) => {
      const { KeyMod, KeyCode } = monaco;
      editor.addAction({
        id: 'rdx.run-current',
        label: 'Run statement at cursor or selection',
        keybindings: [KeyMod.CtrlCmd | KeyCode.Enter],
        run: () => handlers.current.onRun('current'),
      });
      editor.addAction({
        id: 'rdx.run-script',
        label: 'Run script',
        keybindings: [KeyMod.CtrlCmd | KeyMod.Shift | KeyCode.Enter],
        run: () => handlers.current.onRun('script'),
      });
      editor.addAction({
        id: 'rdx.format',
        label: 'Format SQL',
        keybindings: [KeyMod.Shift | KeyMod.Alt | KeyCode.KeyF],
        contextMenuGroupId: '1_modification',
        run: () => handlers.current.onFormat(),
      });
    },
  });

  useImperativeHandle(ref, (): SqlEditorHandle => {
    const editor = () => editorRef.current;
    const model = () => editorRef.current?.getModel() ?? null;
    return {
      getStatements: (mode) => {
        const ed = editor();
        return ed?.getModel() ? runTargets(ed.getModel()!.getValue(), place(ed), mode) : [];
      },
      getText: () => {
        const ed = editor();
        const m = model();
        if (!ed || !m) return '';
        const selection = ed.getSelection();
        return (selection && !selection.isEmpty() ? m.getValueInRange(selection) : m.getValue()).trim();
      },
      markError: (statement, message) => {
        const m = model();
        if (!m) return;
        const spot = locateError(statement.text, message);
        const start = m.getPositionAt(statement.start + spot.start);
        const end = m.getPositionAt(statement.start + Math.max(spot.end, spot.start + 1));
        monaco.editor.setModelMarkers(m, MARKER_OWNER, [errorMarker(message, start, end)]);
        setMarkedAt(`${start.lineNumber}:${start.column}`);
        editor()?.revealPositionInCenterIfOutsideViewport(start);
      },
      clearErrors: () => {
        const m = model();
        if (m) monaco.editor.setModelMarkers(m, MARKER_OWNER, []);
        setMarkedAt('');
      },
      format: (dialect) => formatEditor(editor(), dialect),
      insert: (text) => insertText(editor(), text),
      focus: () => editor()?.focus(),
    };
  }, [editorRef]);

  return (
    <div
      ref={containerRef}
      data-testid="sql-editor"
      data-editor-ready={ready ? 'true' : 'false'}
      data-error-marker={markedAt}
      style={{ position: 'absolute', inset: 0 }}
    />
  );
}
