import { expect, type Locator, type Page } from '@playwright/test';
import { RdsInstances } from './rds-instances';

/** The sidebar's AWS section: profile, regions, caller identity, the way into RDS. */
export class AwsPanel {
  readonly root: Locator;
  readonly profileSelect: Locator;
  readonly regionPicker: Locator;
  readonly identity: Locator;
  readonly account: Locator;
  readonly arn: Locator;
  readonly error: Locator;
  readonly configProblems: Locator;
  readonly openRdsButton: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('aws-panel');
    this.profileSelect = this.root.getByTestId('aws-profile-select');
    this.regionPicker = this.root.getByTestId('aws-region-picker');
    this.identity = this.root.getByTestId('aws-identity');
    this.account = this.root.getByTestId('aws-account');
    this.arn = this.root.getByTestId('aws-arn');
    this.error = this.root.getByTestId('aws-error');
    this.configProblems = this.root.getByTestId('aws-config-problems');
    this.openRdsButton = this.root.getByTestId('open-rds-instances');
  }

  /** Picks a profile by the label the list shows ("Local lab", a profile name). */
  async chooseProfile(label: string): Promise<void> {
    await this.profileSelect.click();
    const option = this.page
      .getByTestId('aws-profile-option')
      .filter({ has: this.page.getByText(label, { exact: true }) });
    await option.click();
    await expect(this.profileSelect).toHaveValue(label);
  }

  /** The kind badge of the chosen profile: `lab`, `sso`, `assume-role`, `static`… */
  async profileKind(): Promise<string | null> {
    return this.root.getByTestId('aws-profile-kind').first().getAttribute('data-kind');
  }

  /** Waits until STS answered for the chosen profile (the lab answers once it has started). */
  async waitIdentity(timeout = 15_000): Promise<void> {
    await expect(this.identity).toHaveAttribute('data-state', 'ok', { timeout });
  }

  async openRdsInstances(): Promise<RdsInstances> {
    await this.openRdsButton.click();
    const rds = new RdsInstances(this.page);
    await expect(rds.root).toBeVisible();
    return rds;
  }
}
