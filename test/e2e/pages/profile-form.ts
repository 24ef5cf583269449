import { expect, type Locator, type Page } from '@playwright/test';

/** The profile form's fields as a test states them; `port` may be a string to try invalid input. */
export interface ProfileFormFields {
  name: string;
  host: string;
  port: number | string;
  user: string;
  database: string;
  tls: boolean;
  readOnly: boolean;
  /** One of the profile colours: gray, blue, teal, green, yellow, orange, red, grape. */
  color: string;
}

type TextField = 'name' | 'host' | 'port' | 'user' | 'database';
const TEXT_FIELDS: readonly TextField[] = ['name', 'host', 'port', 'user', 'database'];
const SWITCH_LABELS = { tls: 'Use TLS', readOnly: 'Read-only' } as const;

/** The add/edit connection dialog. */
export class ProfileForm {
  readonly root: Locator;
  readonly testResult: Locator;
  readonly formError: Locator;
  readonly saveButton: Locator;
  readonly cancelButton: Locator;
  readonly testButton: Locator;
  readonly passwordInput: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('profile-form');
    this.testResult = this.root.getByTestId('test-result');
    this.formError = this.root.getByTestId('form-error');
    this.saveButton = this.root.getByTestId('save-profile');
    this.cancelButton = this.root.getByTestId('cancel-profile');
    this.testButton = this.root.getByTestId('test-connection');
    this.passwordInput = this.root.getByLabel('Password', { exact: true });
  }

  field(name: TextField): Locator {
    return this.root.getByTestId(`field-${name}`);
  }

  /** The inline message under a field (empty locator when the field is valid). */
  fieldError(name: TextField): Locator {
    return this.root.getByTestId(`error-${name}`);
  }

  async waitOpen(): Promise<void> {
    await expect(this.root).toBeVisible();
  }

  async fill(fields: Partial<ProfileFormFields>): Promise<void> {
    for (const name of TEXT_FIELDS) {
      const value = fields[name];
      if (value !== undefined) await this.field(name).fill(String(value));
    }
    for (const key of ['tls', 'readOnly'] as const) {
      const value = fields[key];
      if (value !== undefined) await this.setSwitch(SWITCH_LABELS[key], value);
    }
    if (fields.color !== undefined) await this.root.getByTestId(`color-${fields.color}`).click();
  }

  async setPassword(password: string): Promise<void> {
    await this.passwordInput.fill(password);
  }

  /** Editing only: remove the stored password on save. */
  async clearStoredPassword(): Promise<void> {
    await this.root.getByTestId('clear-password').click();
  }

  /** Clicks "Test connection" and returns the text of the green or red result. */
  async testConnection(): Promise<string> {
    await this.testButton.click();
    await expect(this.testResult).toBeVisible({ timeout: 20_000 });
    return (await this.testResult.innerText()).trim();
  }

  /** `success` or `error`, from the shown test result. */
  async testState(): Promise<string | null> {
    return this.testResult.getAttribute('data-state');
  }

  /** Clicks Save without waiting: for checking validation and server errors. */
  async submit(): Promise<void> {
    await this.saveButton.click();
  }

  /** Clicks Save and waits for the dialog to close (the save succeeded). */
  async save(): Promise<void> {
    await this.submit();
    await expect(this.root).toBeHidden({ timeout: 10_000 });
  }

  async cancel(): Promise<void> {
    await this.cancelButton.click();
    await expect(this.root).toBeHidden();
  }

  private async setSwitch(label: string, on: boolean): Promise<void> {
    // Mantine lays the real checkbox over the track, so it takes the click itself.
    await this.root.getByRole('switch', { name: label }).setChecked(on);
  }
}
