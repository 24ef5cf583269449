import { useEffect, useImperativeHandle, useRef, useState } from 'react';
import { registerPartiqlCompletion, setPartiqlScope } from '@renderer/monaco/partiql-completion';
import { PARTIQL_LANGUAGE, registerPartiqlLanguage } from '@renderer/monaco/partiql-language';
import { monaco } from '@renderer/monaco/setup';
import { DARK_THEME, LIGHT_THEME } from '@renderer/monaco/themes';
import { MONO_FONT } from '@renderer/theme/theme';
import type { PartiqlEditorHandle, PartiqlEditorProps } from './partiql-editor-handle';
import { partiqlTargets } from './run-plan';

registerPartiqlLanguage(monaco);
registerPartiqlCompletion(monaco);

const MARKER_OWNER = 'rdx-partiql';

/** Monaco in PartiQL mode with table and attribute completion. Loaded lazily; owns its text. */
export function PartiqlEditor({ colorScheme, initialText, completion, onRun, ref }: PartiqlEditorProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const latest = useRef({ onRun, completion });
  const [ready, setReady] = useState(false);
  // How many statements carry an error mark: an app signal tests can wait on.
  const [marked, setMarked] = useState(0);

  useEffect(() => {
    latest.current = { onRun, completion };
  }, [onRun, completion]);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const editor = monaco.editor.create(container, {
      value: initialText,
      language: PARTIQL_LANGUAGE,
      theme: colorScheme === 'dark' ? DARK_THEME : LIGHT_THEME,
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
      ariaLabel: 'PartiQL editor',
    });
    const model = editor.getModel();
    const releaseScope = model
      ? setPartiqlScope(model.uri.toString(), {
          tables: () => latest.current.completion.tables(),
          attributes: () => latest.current.completion.attributes(),
        })
      : () => undefined;
    editor.addAction({
      id: 'rdx.partiql-run',
      label: 'Run statement at cursor or selection',
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
      run: () => latest.current.onRun(),
    });
    // The cursor after the prefilled text, ready for a WHERE.
    const end = model?.getFullModelRange().getEndPosition();
    if (end) editor.setPosition(end);
    editorRef.current = editor;
    setReady(true);
    editor.focus();
    return () => {
      releaseScope();
      editorRef.current = null;
      editor.getModel()?.dispose();
      editor.dispose();
    };
    // Created once: the theme follows below, and recreating the editor would lose the text.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    monaco.editor.setTheme(colorScheme === 'dark' ? DARK_THEME : LIGHT_THEME);
  }, [colorScheme]);

  useImperativeHandle(ref, (): PartiqlEditorHandle => {
    const model = () => editorRef.current?.getModel() ?? null;
    return {
      getTargets: () => {
        const editor = editorRef.current;
        const m = model();
        if (!editor || !m) return [];
        const selection = editor.getSelection();
        const cursor = editor.getPosition();
        return partiqlTargets(m.getValue(), {
          selectionStart: selection ? m.getOffsetAt(selection.getStartPosition()) : 0,
          selectionEnd: selection ? m.getOffsetAt(selection.getEndPosition()) : 0,
          cursor: cursor ? m.getOffsetAt(cursor) : 0,
        });
      },
      markErrors: (errors) => {
        const m = model();
        if (!m) return;
        monaco.editor.setModelMarkers(
          m,
          MARKER_OWNER,
          errors.map(({ statement, message }) => {
            const start = m.getPositionAt(statement.start);
            const end = m.getPositionAt(statement.end);
            return {
              severity: monaco.MarkerSeverity.Error,
              message,
              startLineNumber: start.lineNumber,
              startColumn: start.column,
              endLineNumber: end.lineNumber,
              endColumn: end.column,
            };
          }),
        );
        setMarked(errors.length);
      },
      clearErrors: () => {
        const m = model();
        if (m) monaco.editor.setModelMarkers(m, MARKER_OWNER, []);
        setMarked(0);
      },
      focus: () => editorRef.current?.focus(),
    };
  }, []);

  return (
    <div
      ref={containerRef}
      data-testid="partiql-editor"
      data-editor-ready={ready ? 'true' : 'false'}
      data-error-marks={marked}
      style={{ position: 'absolute', inset: 0 }}
    />
  );
}
