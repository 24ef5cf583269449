import { useEffect, useRef, useState } from 'react';
import type { JsonTextError } from '@shared/models/json-text';
import { DARK_THEME, LIGHT_THEME } from '@renderer/monaco/themes';
import { monaco } from '@renderer/monaco/setup';
import { MONO_FONT } from '@renderer/theme/theme';
import { JSON_LANGUAGE, registerJsonLanguage } from './json-language';

export interface JsonEditorProps {
  /** The text; pushed into the editor only when `revision` changes (a mode switch, a reload). */
  text: string;
  revision: number;
  /** Marked in the editor at its line and column. */
  error: JsonTextError | null;
  colorScheme: 'light' | 'dark';
  onChange: (text: string) => void;
  /** Ctrl/Cmd+S or Ctrl/Cmd+Enter. */
  onSave: () => void;
}

const MARKER_OWNER = 'rdx-item';

registerJsonLanguage(monaco);

/** Monaco on a JSON item. Loaded lazily (see lazy-json-editor.tsx); the drawer owns the text. */
export function JsonEditor({ text, revision, error, colorScheme, onChange, onSave }: JsonEditorProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const handlers = useRef({ onChange, onSave });
  const textRef = useRef(text);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    handlers.current = { onChange, onSave };
    textRef.current = text;
  });

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const editor = monaco.editor.create(container, {
      value: textRef.current,
      language: JSON_LANGUAGE,
      theme: colorScheme === 'dark' ? DARK_THEME : LIGHT_THEME,
      automaticLayout: true,
      minimap: { enabled: false },
      fontFamily: MONO_FONT,
      fontSize: 13,
      lineHeight: 20,
      padding: { top: 8, bottom: 8 },
      scrollBeyondLastLine: false,
      overviewRulerBorder: false,
      hideCursorInOverviewRuler: true,
      scrollbar: { verticalScrollbarSize: 10, horizontalScrollbarSize: 10 },
      lineNumbersMinChars: 3,
      tabSize: 2,
      wordWrap: 'on',
      fixedOverflowWidgets: true,
      ariaLabel: 'Item JSON',
    });
    const sub = editor.onDidChangeModelContent(() => handlers.current.onChange(editor.getValue()));
    const { KeyMod, KeyCode } = monaco;
    editor.addAction({
      id: 'rdx.save-item',
      label: 'Save item',
      keybindings: [KeyMod.CtrlCmd | KeyCode.KeyS, KeyMod.CtrlCmd | KeyCode.Enter],
      run: () => handlers.current.onSave(),
    });
    editorRef.current = editor;
    setReady(true);
    editor.focus();
    return () => {
      sub.dispose();
      editorRef.current = null;
      editor.getModel()?.dispose();
      editor.dispose();
    };
    // The theme is applied below; recreating the editor would lose the undo history.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    monaco.editor.setTheme(colorScheme === 'dark' ? DARK_THEME : LIGHT_THEME);
  }, [colorScheme]);

  // A replaced text goes in as one edit, so Ctrl+Z brings the previous text back.
  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model || model.getValue() === textRef.current) return;
    editor.pushUndoStop();
    editor.executeEdits('rdx-replace', [{ range: model.getFullModelRange(), text: textRef.current }]);
    editor.pushUndoStop();
  }, [revision]);

  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model) return;
    if (!error) {
      monaco.editor.setModelMarkers(model, MARKER_OWNER, []);
      return;
    }
    const start = model.getPositionAt(error.offset);
    const end = model.getPositionAt(error.offset + 1);
    monaco.editor.setModelMarkers(model, MARKER_OWNER, [
      {
        severity: monaco.MarkerSeverity.Error,
        message: error.message,
        startLineNumber: start.lineNumber,
        startColumn: start.column,
        endLineNumber: end.lineNumber,
        endColumn: Math.max(end.column, start.column + 1),
      },
    ]);
    editor.revealPositionInCenterIfOutsideViewport(start);
  }, [error, ready]);

  return (
    <div
      ref={containerRef}
      data-testid="dynamo-item-text"
      data-editor-ready={ready ? 'true' : 'false'}
      data-error-marker={error ? `${error.line}:${error.column}` : ''}
      style={{ position: 'absolute', inset: 0 }}
    />
  );
}
