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
    // By test id: the Credentials control has a "Password" choice too.
    this.passwordInput = this.root.getByTestId('field-password');
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

  /**
   * Takes the password from Secrets Manager: the AWS profile by its label ("Local lab"), then the first
   * secret of the profile's region whose name contains `secretName` (the list loads from AWS).
   */
  async useSecret(awsProfileLabel: string, secretName: string): Promise<void> {
    await this.root.getByTestId('field-credentials-source').getByText('Secrets Manager').click();
    await this.chooseOption(this.root.getByTestId('field-credentials-awsProfile'), awsProfileLabel);
    await expect(this.root.getByTestId('field-credentials-region')).not.toHaveValue('');
    await this.chooseOption(this.root.getByTestId('field-credentials-secretArn'), secretName, 30_000);
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

  /** Opens a Mantine select and clicks the first option containing `text` (the list is in a portal). */
  private async chooseOption(select: Locator, text: string, timeout?: number): Promise<void> {
    await select.click();
    const option = this.page.getByRole('option').filter({ hasText: text }).first();
    await option.click({ timeout });
    await expect(select).toHaveValue(new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  }

  private async setSwitch(label: string, on: boolean): Promise<void> {
    // Mantine lays the real checkbox over the track, so it takes the click itself.
    await this.root.getByRole('switch', { name: label }).setChecked(on);
  }
}
