import { expect, type Locator, type Page } from '@playwright/test';
import { SqlTab } from './sql-tab';

/**
 * The SQL tab's editor workspace: run modes, one result tab per statement, error markers, the
 * confirmation for destructive statements, formatting, session controls and the history panel.
 */
export class SqlWorkspace extends SqlTab {
  readonly resultTabs: Locator;
  readonly runMenu: Locator;
  readonly formatButton: Locator;
  readonly consentDialog: Locator;
  readonly environmentBadge: Locator;
  readonly autocommitSwitch: Locator;
  readonly commitButton: Locator;
  readonly rollbackButton: Locator;
  readonly transactionBadge: Locator;
  readonly currentDatabase: Locator;
  readonly sidePanel: Locator;
  readonly historyItems: Locator;
  readonly savedItems: Locator;

  constructor(page: Page) {
    super(page);
    this.resultTabs = this.results.getByTestId('result-tab');
    this.runMenu = this.root.getByTestId('run-menu');
    this.formatButton = this.root.getByTestId('format-button');
    // The modal's content (its root wrapper has no box of its own).
    this.consentDialog = page.getByRole('dialog', { name: /destructive statement/ });
    this.environmentBadge = this.root.getByTestId('environment-badge');
    this.autocommitSwitch = this.root.getByRole('switch', { name: 'Auto-commit' });
    this.commitButton = this.root.getByTestId('commit-button');
    this.rollbackButton = this.root.getByTestId('rollback-button');
    this.transactionBadge = this.root.getByTestId('transaction-open');
    this.currentDatabase = this.root.getByTestId('current-database');
    this.sidePanel = this.root.getByTestId('sql-side-panel');
    this.historyItems = this.sidePanel.getByTestId('history-item');
    this.savedItems = this.sidePanel.getByTestId('saved-item');
  }

  private async runCount(): Promise<number> {
    return Number((await this.results.getAttribute('data-run-count')) ?? '0');
  }

  /** Waits until the run started by `start` has finished (every statement answered or skipped). */
  private async finishes(start: () => Promise<void>): Promise<void> {
    await this.waitConnected();
    const before = await this.runCount();
    await start();
    await expect(this.results).toHaveAttribute('data-run-count', String(before + 1), { timeout: 30_000 });
  }

  /** Runs every statement through the toolbar's Run menu. */
  async runScript(): Promise<void> {
    await this.finishes(async () => {
      await this.runMenu.click();
      await this.page.getByTestId('run-script').click();
    });
  }

  /** Presses Ctrl/Cmd+Shift+Enter in the editor. */
  async runScriptByKeyboard(): Promise<void> {
    await this.finishes(async () => {
      await this.focusEditor();
      await this.page.keyboard.press('ControlOrMeta+Shift+Enter');
    });
  }

  /** Puts the cursor at the end of a 1-based line. */
  async cursorToLine(line: number): Promise<void> {
    await this.focusEditor();
    await this.page.keyboard.press('ControlOrMeta+Home');
    for (let i = 1; i < line; i++) await this.page.keyboard.press('ArrowDown');
    await this.page.keyboard.press('End');
  }

  async focusEditor(): Promise<void> {
    if (!(await this.editor.locator('.monaco-editor.focused').count())) {
      await this.editor.locator('textarea, .native-edit-context').first().focus();
    }
  }

  resultTab(index: number): Locator {
    return this.resultTabs.nth(index);
  }

  /** "line:column" of the error marked in the editor, or "" when none. */
  async errorMarker(): Promise<string> {
    return (await this.editor.getAttribute('data-error-marker')) ?? '';
  }

  /** Opens the History / Saved panel on the given view. */
  async openSidePanel(view: 'History' | 'Saved'): Promise<void> {
    if (!(await this.sidePanel.isVisible())) await this.root.getByTestId('toggle-side-panel').click();
    await this.sidePanel.getByTestId('side-panel-view').getByText(view, { exact: true }).click();
  }

  async searchSidePanel(text: string): Promise<void> {
    await this.sidePanel.getByTestId('side-panel-search').fill(text);
  }

  /** Hovers an item of the panel and clicks one of its actions (insert, run, delete). */
  async itemAction(item: Locator, action: 'insert' | 'run' | 'delete'): Promise<void> {
    await item.hover();
    await item.getByTestId(action === 'delete' ? 'saved-delete' : `item-${action}`).click();
  }

  /** Saves the editor's text through the Saved view's button, under `name`, for this connection. */
  async saveCurrentQuery(name: string): Promise<void> {
    await this.openSidePanel('Saved');
    await this.sidePanel.getByTestId('save-current-query').click();
    const dialog = this.page.getByTestId('save-query-dialog');
    await dialog.getByTestId('save-query-name').fill(name);
    await dialog.getByTestId('save-query-submit').click();
    await expect(dialog).toBeHidden();
  }
}
