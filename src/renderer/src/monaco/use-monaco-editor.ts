import { useEffect, useRef, useState } from 'react';
import { MONO_FONT } from '@renderer/theme/theme';
import { monaco } from './setup';
import { DARK_THEME, LIGHT_THEME } from './themes';

type Editor = monaco.editor.IStandaloneCodeEditor;

export interface MonacoEditorSetup {
  value: string;
  language: string;
  ariaLabel: string;
  /** What this editor sets beyond the shared look (word wrap, say). */
  options?: monaco.editor.IStandaloneEditorConstructionOptions;
  /** Adds the editor's own commands and listeners once it exists; returns what undoes them. */
  init?: (editor: Editor) => (() => void) | void;
}

const themeOf = (colorScheme: 'light' | 'dark') => (colorScheme === 'dark' ? DARK_THEME : LIGHT_THEME);

/**
 * A Monaco editor in the returned container: created once and focused, its theme following the colour
 * scheme, disposed with its model on unmount. `ready` turns true once the editor exists.
 */
export function useMonacoEditor(colorScheme: 'light' | 'dark', setup: MonacoEditorSetup) {
  const containerRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<Editor | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const editor = monaco.editor.create(container, {
      value: setup.value,
      language: setup.language,
      theme: themeOf(colorScheme),
      // The editor may be hidden or resized by a splitter; let Monaco watch its box.
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
      ariaLabel: setup.ariaLabel,
      ...setup.options,
    });
    const undo = setup.init?.(editor);
    editorRef.current = editor;
    setReady(true);
    editor.focus();
    return () => {
      undo?.();
      editorRef.current = null;
      editor.getModel()?.dispose();
      editor.dispose();
    };
    // Created once: the theme follows below, and recreating the editor would lose its text and undo history.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    monaco.editor.setTheme(themeOf(colorScheme));
  }, [colorScheme]);

  return { containerRef, editorRef, ready };
}

/** An error marker from `start` to `end`, hovered for its message. */
export function errorMarker(
  message: string,
  start: monaco.IPosition,
  end: monaco.IPosition,
): monaco.editor.IMarkerData {
  return {
    severity: monaco.MarkerSeverity.Error,
    message,
    startLineNumber: start.lineNumber,
    startColumn: start.column,
    endLineNumber: end.lineNumber,
    endColumn: end.column,
  };
}
