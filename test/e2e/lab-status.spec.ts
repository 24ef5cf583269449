import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { useLabApp } from './support/lab-app';

const app = useLabApp({ dataDirPrefix: 'rdx-e2e-lab-', lab: 'auto' });

test('a new user with no AWS configuration gets the local lab with the course instances', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const ui = new AppPage(page);
  await ui.goto(app.url);
  const bar = page.getByTestId('lab-status');
  await expect(bar).toHaveAttribute('data-lab-state', 'ready', { timeout: 200_000 });
  await expect(bar).toContainText('Local lab ready');
  await expect(page.getByTestId('lab-instances')).toContainText('myrdslab (available)', { timeout: 30_000 });
  await expect(page.getByTestId('lab-instances')).toContainText('myrdslab-replica (available)');
  await expect(bar).toContainText('DynamoDB');
  await page.screenshot({ path: test.info().outputPath('lab-status.png') });
});
