import { readdirSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Only the Electron shell may import electron; everything else must run in plain Node (DESIGN.md §2).
const ELECTRON_SHELL = ['src/main/index.ts', 'src/main/window.ts', 'src/main/ipc.ts', 'src/preload/index.ts'];

// ── The map of the code, held by lint (README "Map of the code"). ──────────────────────────────────
// Paths are repository paths: a folder ends with '/', a module is named without its extension.
const ROOT = import.meta.dirname;
const ALIASES = { '@shared': 'src/shared', '@renderer': 'src/renderer/src' };
const FEATURES = 'src/renderer/src/features/';
const folders = (dir) =>
  readdirSync(resolve(ROOT, dir), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `${dir}${entry.name}/`);

// The main process's service areas: every folder of src/main but the handlers that map channels to them.
const SERVICE_AREAS = folders('src/main/').filter((dir) => dir !== 'src/main/handlers/');
// Renderer code that every feature may use, so it never imports a feature itself.
const RENDERER_SHARED = folders('src/renderer/src/').filter((dir) => dir !== FEATURES);

const SQL_CODE = [
  'src/main/mysql/',
  'src/main/schema/',
  'src/main/sql-history/',
  'src/main/connect/',
  'src/main/replication/',
  'src/shared/sql/',
  'src/renderer/src/api/use-sql',
  'src/renderer/src/api/use-sql-history',
  ...['sql', 'results', 'schema', 'table-editor', 'explain', 'export', 'import', 'replication'].map(
    (feature) => `${FEATURES}${feature}/`,
  ),
];
const DYNAMO_CODE = ['src/main/dynamo/', 'src/shared/dynamo/', `${FEATURES}dynamo/`];

// What one feature may import of another: the tab, dialog or hook that opens it, never its parts.
// UI that several features show lives in components/, server calls shared by several in api/.
const FEATURE_ENTRIES = [
  'aws/aws-section',
  'aws/mfa-dialog',
  'dynamo/lazy-dynamo-tab',
  'explain/explain-host',
  'explain/explain-store',
  'export/export-dialog',
  'import/import-dialog',
  'lab/lab-status-bar',
  'profiles/connections-sidebar',
  'profiles/profile-form-modal',
  'profiles/profiles-empty-state',
  'rds/connect/use-connect-instance',
  'rds/lazy-rds-tab',
  'replication/lazy-replication-tab',
  'replication/use-open-replication',
  'results/result-status',
  'results/result-view',
  'schema/schema-pane',
  'secrets/lazy-secrets-tab',
  'sql/lazy-sql-editor',
  'sql/sql-tab',
  'table-editor/lazy-table-editor-tab',
  'table-editor/open-table-editor',
].map((entry) => `${FEATURES}${entry}`);

const within = (path, places) =>
  places.some((place) => (place.endsWith('/') ? path.startsWith(place) : path === place));
const featureOf = (path) => (path.startsWith(FEATURES) ? path.slice(FEATURES.length).split('/')[0] : null);

/** Each boundary: the code it holds, the imports it refuses there, and why. */
const BOUNDARIES = [
  {
    from: ['src/lab/'],
    refuses: (target) => !within(target, ['src/lab/', 'src/shared/', 'src/node/']),
    message: 'The lab imports only src/lab, src/shared and src/node, never the app.',
  },
  {
    from: ['src/node/'],
    refuses: (target) => within(target, ['src/main/', 'src/lab/', 'src/renderer/', 'src/preload/']),
    message: 'src/node is shared by the app and the lab: it imports neither.',
  },
  {
    from: ['src/shared/'],
    refuses: (target) => !within(target, ['src/shared/']),
    message: 'src/shared runs in every process: it imports only src/shared.',
  },
  {
    from: SERVICE_AREAS,
    refuses: (target) => within(target, ['src/main/handlers/']),
    message: 'Services never import handlers: services.ts wires handlers to services.',
  },
  {
    from: DYNAMO_CODE,
    refuses: (target) => within(target, SQL_CODE),
    message: 'DynamoDB code never imports SQL code; what both need goes to src/shared or components/.',
  },
  {
    from: SQL_CODE,
    refuses: (target) => within(target, DYNAMO_CODE),
    message: 'SQL code never imports DynamoDB code; what both need goes to src/shared or components/.',
  },
  {
    from: ['src/renderer/'],
    refuses: (target) => within(target, ['src/main/', 'src/lab/', 'src/node/']),
    message: 'The renderer reaches the main process only through the api client.',
  },
  {
    from: RENDERER_SHARED,
    refuses: (target) => within(target, [FEATURES]),
    message: 'Shared renderer code never imports a feature.',
  },
  {
    from: [FEATURES],
    refuses: (target, file) =>
      featureOf(target) !== null && featureOf(target) !== featureOf(file) && !within(target, FEATURE_ENTRIES),
    message:
      "A feature never imports another feature's parts: shared UI goes to components/, shared calls to api/, or name an entry in FEATURE_ENTRIES.",
  },
];

/** The repository path an import names, or null for packages and Node built-ins. */
function importTarget(file, specifier) {
  if (specifier.startsWith('.')) return relative(ROOT, resolve(dirname(file), specifier));
  for (const [alias, dir] of Object.entries(ALIASES)) {
    if (specifier === alias || specifier.startsWith(`${alias}/`)) return dir + specifier.slice(alias.length);
  }
  return null;
}

/** Checks every import, `export … from`, `import()` and `import('…').Type` against BOUNDARIES. */
const importMapRule = {
  meta: { type: 'problem', schema: [], messages: { refused: '{{message}} ({{specifier}})' } },
  create(context) {
    const file = relative(ROOT, context.filename).replace(/\\/g, '/');
    const boundaries = BOUNDARIES.filter((boundary) => within(file, boundary.from));
    const check = (node, specifier) => {
      if (typeof specifier !== 'string') return;
      const target = importTarget(file, specifier)?.replace(/\\/g, '/');
      if (!target) return;
      for (const boundary of boundaries) {
        if (!boundary.refuses(target, file)) continue;
        context.report({ node, messageId: 'refused', data: { message: boundary.message, specifier } });
        return;
      }
    };
    const fromSource = (node) => check(node.source ?? node, node.source?.value);
    return {
      ImportDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ExportNamedDeclaration: (node) => node.source && fromSource(node),
      ImportExpression: (node) => check(node, node.source?.value),
      TSImportType: (node) => check(node, (node.argument?.literal ?? node.source)?.value),
    };
  },
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // Types are erased at build time, so tests may name Electron's types without loading it.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'Only the Electron shell files may import electron.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { map: { rules: { imports: importMapRule } } },
    rules: { 'map/imports': 'error' },
  },
  {
    files: ELECTRON_SHELL,
    rules: { '@typescript-eslint/no-restricted-imports': 'off' },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Only informs that the React Compiler skips TanStack Virtual's hooks; we do not run the compiler.
      'react-hooks/incompatible-library': 'off',
      // Text from servers is rendered as text (SECURITY.md): no HTML sinks in the renderer.
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Render text as text.',
        },
        {
          selector: 'MemberExpression[property.name=/^(innerHTML|outerHTML)$/]',
          message: 'Render text as text.',
        },
        {
          selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
          message: 'Render text as text.',
        },
      ],
    },
  },
);
