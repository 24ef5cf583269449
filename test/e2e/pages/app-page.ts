import { expect, type Locator, type Page } from '@playwright/test';
import { ProfileForm, type ProfileFormFields } from './profile-form';
import { SqlTab } from './sql-tab';

function exactly(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

/** The whole window: header, Connections sidebar, tabs, dialogs. */
export class AppPage {
  readonly title: Locator;
  readonly modeBadge: Locator;
  readonly sidebar: Locator;
  readonly profileItems: Locator;
  readonly addProfileButton: Locator;
  readonly emptyState: Locator;
  readonly emptyAddButton: Locator;
  readonly profilesWarning: Locator;
  readonly connectionRefused: Locator;
  readonly tabHandles: Locator;
  readonly confirmDialog: Locator;

  constructor(readonly page: Page) {
    this.title = page.getByTestId('app-title');
    this.modeBadge = page.getByTestId('mode-badge');
    this.sidebar = page.getByTestId('connections-sidebar');
    this.profileItems = page.getByTestId('profile-item');
    this.addProfileButton = page.getByTestId('add-profile');
    this.emptyState = page.getByTestId('empty-state');
    this.emptyAddButton = page.getByTestId('empty-add-profile');
    this.profilesWarning = page.getByTestId('profiles-warning');
    this.connectionRefused = page.getByTestId('connection-refused');
    this.tabHandles = page.getByTestId('sql-tab-handle');
    this.confirmDialog = page.getByTestId('confirm-dialog');
  }

  /** Opens the app (e.g. the URL printed by browser mode) and waits for its ready signal. */
  async goto(url: string): Promise<void> {
    await this.page.goto(url);
    await this.waitReady();
  }

  async waitReady(): Promise<void> {
    await expect(this.page.locator('body')).toHaveAttribute('data-app-ready', 'true', { timeout: 15_000 });
  }

  profileItem(name: string): Locator {
    return this.profileItems.filter({
      has: this.page.getByTestId('profile-name').filter({ hasText: exactly(name) }),
    });
  }

  async openNewProfileForm(): Promise<ProfileForm> {
    await this.addProfileButton.click();
    const form = new ProfileForm(this.page);
    await form.waitOpen();
    return form;
  }

  /** Fills the form and saves it; waits until the profile is listed. */
  async addProfile(fields: Partial<ProfileFormFields>, password?: string): Promise<void> {
    const form = await this.openNewProfileForm();
    await form.fill(fields);
    if (password !== undefined) await form.setPassword(password);
    await form.save();
    if (fields.name) await expect(this.profileItem(fields.name)).toBeVisible();
  }

  async editProfile(name: string): Promise<ProfileForm> {
    await this.profileItem(name).getByTestId('profile-menu').click();
    await this.page.getByTestId('profile-edit').click();
    const form = new ProfileForm(this.page);
    await form.waitOpen();
    return form;
  }

  /** Deletes through the item's menu and confirms. */
  async deleteProfile(name: string): Promise<void> {
    await this.profileItem(name).getByTestId('profile-menu').click();
    await this.page.getByTestId('profile-delete').click();
    // The dialog opens with a transition; a click that lands before it settles can be lost, so the
    // dialog closing (the delete answered) is the signal, and a lost click is made again.
    const ok = this.confirmDialog.getByTestId('confirm-ok');
    await expect(ok).toBeVisible();
    await expect(async () => {
      if (await ok.isVisible()) await ok.click();
      await expect(ok).toBeHidden({ timeout: 2_000 });
    }).toPass();
    await expect(this.profileItem(name)).toHaveCount(0);
  }

  /** Clicks a stored profile; returns its new SQL tab once the editor is ready. */
  async openProfile(name: string): Promise<SqlTab> {
    await this.profileItem(name).getByTestId('profile-name').click();
    const tab = new SqlTab(this.page);
    await tab.waitEditorReady();
    return tab;
  }

  tabHandle(title: string): Locator {
    return this.tabHandles.filter({ hasText: exactly(title) });
  }

  async closeTab(title: string): Promise<void> {
    await this.tabHandle(title).getByTestId('close-tab').click();
    await expect(this.tabHandle(title)).toHaveCount(0);
  }

  /** The SQL tab on screen. */
  activeTab(): SqlTab {
    return new SqlTab(this.page);
  }
}
