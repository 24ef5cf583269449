import { expect, type Locator, type Page } from '@playwright/test';

/** The visible SQL tab: toolbar, Monaco editor, results panel. */
export class SqlTab {
  readonly root: Locator;
  readonly editor: Locator;
  readonly results: Locator;
  readonly runButton: Locator;
  readonly resultError: Locator;
  readonly grid: Locator;
  readonly headers: Locator;
  readonly sessionLost: Locator;
  readonly reconnectButton: Locator;
  readonly serverVersion: Locator;

  constructor(readonly page: Page) {
    // Hidden tabs stay mounted; the one on screen is the one a user works with.
    this.root = page.getByTestId('sql-tab').filter({ visible: true });
    this.editor = this.root.getByTestId('sql-editor');
    this.results = this.root.getByTestId('results-panel');
    this.runButton = this.root.getByTestId('run-button');
    this.resultError = this.results.getByTestId('result-error');
    this.grid = this.results.getByTestId('result-grid');
    this.headers = this.results.getByTestId('result-header');
    this.sessionLost = this.root.getByTestId('session-lost');
    this.reconnectButton = this.root.getByTestId('reconnect');
    this.serverVersion = this.root.getByTestId('server-version');
  }

  async waitEditorReady(): Promise<void> {
    await expect(this.editor).toHaveAttribute('data-editor-ready', 'true', { timeout: 15_000 });
  }

  /** The tab's session is open (the toolbar shows the server version). */
  async waitConnected(): Promise<void> {
    await expect(this.serverVersion).toBeVisible({ timeout: 15_000 });
  }

  /** Clicks into Monaco and types with the keyboard, replacing the text unless `replace` is false. */
  async typeSql(text: string, { replace = true }: { replace?: boolean } = {}): Promise<void> {
    await this.waitEditorReady();
    await this.editor.locator('.view-lines').click();
    if (replace) {
      await this.page.keyboard.press('ControlOrMeta+A');
      await this.page.keyboard.press('Delete');
    }
    await this.page.keyboard.type(text);
  }

  /** The editor's text as Monaco renders it (non-breaking spaces turned back into spaces). */
  async editorText(): Promise<string> {
    const text = await this.editor.locator('.view-lines').innerText();
    return text.replace(/\u00a0/g, ' ');
  }

  /** Presses Ctrl/Cmd+Enter in the editor and waits until this run has finished (done or error). */
  async run(): Promise<void> {
    await this.waitConnected();
    const before = Number((await this.results.getAttribute('data-run-count')) ?? '0');
    if (!(await this.editor.locator('.monaco-editor.focused').count())) {
      await this.editor.locator('textarea, .native-edit-context').first().focus();
    }
    await this.page.keyboard.press('ControlOrMeta+Enter');
    await expect(this.results).toHaveAttribute('data-run-count', String(before + 1), { timeout: 30_000 });
  }

  /** `idle`, `running`, `done` or `error`. */
  async resultState(): Promise<string | null> {
    return this.results.getAttribute('data-result-state');
  }

  /** A grid cell by 0-based row and column (rows are virtualized: only those on screen exist). */
  resultCell(row: number, col: number): Locator {
    return this.results.locator(`[data-testid="result-cell"][data-row="${row}"][data-col="${col}"]`);
  }

  /** "1 row · 2 ms", "3 rows affected · 1 ms", … */
  async statusText(): Promise<string> {
    return (await this.results.getByTestId('result-status').innerText()).trim();
  }

  async errorText(): Promise<string> {
    return (await this.resultError.innerText()).trim();
  }
}
