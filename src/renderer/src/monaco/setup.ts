/**
 * The only module that imports Monaco. It is reached through a dynamic import, so Monaco lands in a
 * lazy chunk loaded after first paint. We take the bare editor API plus the few editor features a SQL
 * box needs, one language and the base editor worker (~4 MB instead of ~14 MB for everything), all
 * from the local bundle: no CDN, and it runs under the page's CSP.
 */
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/cursorUndo/register';
import 'monaco-editor/features/find/register';
// Hover shows an error marker's message; gotoError moves between markers (F8).
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/multicursor/register';
// The suggest widget itself (features/suggest only registers inline completions).
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/features/wordHighlighter/register';
import 'monaco-editor/features/wordOperations/register';
import 'monaco-editor/languages/definitions/mysql/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import { registerSqlCompletion } from './sql-completion-provider';
import { defineThemes } from './themes';

// Every language here runs on the base editor worker (no JSON/TS language services bundled).
self.MonacoEnvironment = { getWorker: () => new EditorWorker() };

defineThemes(monaco);
registerSqlCompletion(monaco);

export { monaco };
