import type * as Monaco from 'monaco-editor/editor/editor.api';

export const LIGHT_THEME = 'rdx-light';
export const DARK_THEME = 'rdx-dark';

/** Monaco's stock themes, with backgrounds matched to Mantine's body colours so the editor sits flush. */
export function defineThemes(monaco: typeof Monaco): void {
  monaco.editor.defineTheme(LIGHT_THEME, {
    base: 'vs',
    inherit: true,
    rules: [],
    colors: {
      'editor.background': '#ffffff',
      'editorLineNumber.foreground': '#adb5bd',
      'editor.lineHighlightBackground': '#f8f9fa',
      'editor.lineHighlightBorder': '#00000000',
    },
  });
  monaco.editor.defineTheme(DARK_THEME, {
    base: 'vs-dark',
    inherit: true,
    rules: [],
    colors: {
      'editor.background': '#242424',
      'editorLineNumber.foreground': '#5c5f66',
      'editor.lineHighlightBackground': '#2c2c2c',
      'editor.lineHighlightBorder': '#00000000',
    },
  });
}
