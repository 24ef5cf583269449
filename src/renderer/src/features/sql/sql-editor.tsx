import { useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';
import { DARK_THEME, LIGHT_THEME } from '@renderer/monaco/themes';
import { monaco } from '@renderer/monaco/setup';
import { MONO_FONT } from '@renderer/theme/theme';
import type { SqlEditorHandle } from './sql-editor-handle';

export interface SqlEditorProps {
  colorScheme: 'light' | 'dark';
  /** Called with the selection, or the whole text when nothing is selected. */
  onRun: (sql: string) => void;
  ref?: Ref<SqlEditorHandle>;
}

function textToRun(editor: monaco.editor.ICodeEditor): string {
  const model = editor.getModel();
  if (!model) return '';
  const selection = editor.getSelection();
  // TODO(issue 6): run the statement under the cursor instead of the whole text.
  const text = selection && !selection.isEmpty() ? model.getValueInRange(selection) : model.getValue();
  return text.trim();
}

/** Monaco in MySQL mode. Loaded lazily (see lazy-sql-editor.tsx); owns its text. */
export function SqlEditor({ colorScheme, onRun, ref }: SqlEditorProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const onRunRef = useRef(onRun);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    onRunRef.current = onRun;
  }, [onRun]);

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
    editor.addAction({
      id: 'rdx.run-statement',
      label: 'Run statement',
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
      run: (ed) => onRunRef.current(textToRun(ed)),
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

  useImperativeHandle(
    ref,
    () => ({
      getTextToRun: () => (editorRef.current ? textToRun(editorRef.current) : ''),
      focus: () => editorRef.current?.focus(),
    }),
    [],
  );

  return (
    <div
      ref={containerRef}
      data-testid="sql-editor"
      data-editor-ready={ready ? 'true' : 'false'}
      style={{ position: 'absolute', inset: 0 }}
    />
  );
}
