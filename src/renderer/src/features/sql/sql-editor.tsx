import { useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';
import { DARK_THEME, LIGHT_THEME } from '@renderer/monaco/themes';
import { monaco } from '@renderer/monaco/setup';
import { MONO_FONT } from '@renderer/theme/theme';
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
  const containerRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const handlers = useRef({ onRun, onFormat });
  const [ready, setReady] = useState(false);
  // Where errors are marked ("line:column" list): an app signal tests can wait on.
  const [markedAt, setMarkedAt] = useState('');

  useEffect(() => {
    handlers.current = { onRun, onFormat };
  }, [onRun, onFormat]);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const editor = monaco.editor.create(container, {
      value: '',
      language: 'mysql',
      theme: colorScheme === 'dark' ? DARK_THEME : LIGHT_THEME,
      // The tab may be hidden or resized by the splitter; let Monaco watch its box.
      automaticLayout: true,
      minimap: { enabled: false },
      fontFamily: MONO_FONT,
      fontSize: 13,
      lineHeight: 20,
      padding: { top: 8, bottom: 8 },
      scrollBeyondLastLine: false,
      renderLineHighlight: 'line',
      overviewRulerBorder: false,
      hideCursorInOverviewRuler: true,
      scrollbar: { verticalScrollbarSize: 10, horizontalScrollbarSize: 10 },
      lineNumbersMinChars: 3,
      tabSize: 2,
      fixedOverflowWidgets: true,
      ariaLabel: 'SQL editor',
    });
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
    editorRef.current = editor;
    setReady(true);
    editor.focus();
    return () => {
      editorRef.current = null;
      editor.getModel()?.dispose();
      editor.dispose();
    };
    // The theme is applied by the effect below; recreating the editor would lose the text.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    monaco.editor.setTheme(colorScheme === 'dark' ? DARK_THEME : LIGHT_THEME);
  }, [colorScheme]);

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
        monaco.editor.setModelMarkers(m, MARKER_OWNER, [
          {
            severity: monaco.MarkerSeverity.Error,
            message,
            startLineNumber: start.lineNumber,
            startColumn: start.column,
            endLineNumber: end.lineNumber,
            endColumn: end.column,
          },
        ]);
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
  }, []);

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
