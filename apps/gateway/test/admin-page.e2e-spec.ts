import { mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { Browser, Page, chromium } from 'playwright-core';
import { SyncStack, callJson, expectEventually, signInHrUser, uniqueName } from '@icims-sync/testing';

/**
 * The HR admin's page in real Chromium against the running system (both sandboxes, the
 * vault, the gateway, icims-ingest and hr-export on the real broker and store): the seeds'
 * walk-through from sign-in to an export in the history. Screenshots of each step go to
 * .local/test-results/admin-page/.
 */
jest.setTimeout(300_000);

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = path.resolve('.local/test-results/admin-page');
const PEOPLE = 60;
const randomCustomerId = () => String(100_000 + Math.floor(Math.random() * 800_000));

describe('the admin page (Settings › Integrations › iCIMS) in Chromium', () => {
  let stack: SyncStack;
  let browser: Browser;
  let page: Page;
  let tenantId: string;
  let customerId: string;
  let icims: { clientId: string; clientSecret: string };
  /** Console errors and CSP reports of the whole walk: there must be none. */
  const problems: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    stack = await SyncStack.start({ gatewayEnv: { ADMIN_DEV_SIGN_IN: 'on' }, exportEnv: {} });
    tenantId = uniqueName('page');
    customerId = randomCustomerId();
    icims = await stack.enableTenant(tenantId, customerId);
    await callJson('POST', `${stack.urls.sandbox}/sandbox/customers/${customerId}/seed`, { count: PEOPLE, seed: 11, invalidEvery: 0 });
    await callJson('PUT', `${stack.urls.hr}/tenants/${tenantId}/users/ada`, { displayName: 'Ada Admin', roles: ['HR_ADMIN'], active: true });
    await callJson('PUT', `${stack.urls.hr}/tenants/${tenantId}/users/sam`, { displayName: 'Sam Staff', roles: ['EMPLOYEE'], active: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    page.on('console', (message) => {
      if (message.type() === 'error' && !/status of 40[139]/.test(message.text())) problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(String(error)));
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  let step = 0;
  const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `${String((step += 1)).padStart(2, '0')}-${name}.png`), fullPage: true });
  const admin = (method: 'GET' | 'POST', route: string, token: string) => callJson(method, `${stack.urls.gateway}/admin/tenants/${tenantId}${route}`, undefined, { authorization: `Bearer ${token}` });
  const signIn = async (userId: string) => {
    await page.getByLabel('Tenant id').fill(tenantId);
    await page.getByLabel('User id').fill(userId);
    await page.getByRole('button', { name: 'Sign in' }).click();
  };
  /** No serious or critical accessibility violation on the page as it is now. */
  const expectAccessible = async () => {
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
  };

  it('is served same-origin under a strict Content-Security-Policy', async () => {
    const response = await page.goto(`${stack.urls.gateway}/ui/`);
    const csp = response!.headers()['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await shot('sign-in');
    await expectAccessible();
  });

  it('refuses a user who is not an HR admin, saying why', async () => {
    await signIn('sam');
    await expect(page.getByRole('heading', { name: 'You cannot manage this integration' }).waitFor()).resolves.toBeUndefined();
    expect(await page.getByRole('alert').innerText()).toMatch(/only an HR admin/);
    await shot('non-admin-refused');
    await page.getByRole('button', { name: 'Sign out' }).click();
  });

  it('takes the consent, then keeps Connect disabled until every field is filled', async () => {
    await signIn('ada');
    await page.getByRole('heading', { name: 'Privacy policy' }).waitFor();
    const save = page.getByRole('button', { name: 'Save', exact: true });
    expect(await save.isDisabled()).toBe(true);
    await page.getByLabel(/I have read and accept the privacy policy/).check();
    await save.click();
    expect(await page.getByTestId('consent-accepted').innerText()).toMatch(/^Accepted by Ada Admin at /);
    await shot('consent-accepted');

    const connect = page.getByRole('button', { name: 'Connect' });
    expect(await connect.isDisabled()).toBe(true);
    expect(await connect.getAttribute('class')).not.toContain('primary');
    await page.getByLabel('Customer ID').fill(customerId);
    await page.getByLabel('Client ID').fill(icims.clientId);
    expect(await connect.isDisabled()).toBe(true);
    await shot('connect-disabled');
    await page.getByLabel('Client Secret').fill('not-the-secret');
    expect(await connect.isEnabled()).toBe(true);
    expect(await connect.getAttribute('class')).toContain('primary');
    await expectAccessible();
  });

  it('shows why a wrong secret does not connect, then connects with the right one and never shows it again', async () => {
    await page.getByRole('button', { name: 'Connect' }).click();
    const result = page.getByTestId('connect-result');
    await expect(result.filter({ hasText: 'Not connected' }).waitFor()).resolves.toBeUndefined();
    expect(await result.innerText()).toMatch(/Check the Client ID and Client Secret/);
    await page.getByTestId('status-badge').filter({ hasText: 'Error' }).waitFor();
    await shot('wrong-secret');

    await page.getByLabel('Client Secret').fill(icims.clientSecret);
    await page.getByRole('button', { name: 'Connect' }).click();
    await page.getByTestId('connect-result').filter({ hasText: 'Connected to iCIMS.' }).waitFor();
    expect(await page.getByText(/Saved \(\*{4}.{4}\)\. Leave blank to keep it\./).count()).toBe(1);
    expect(await page.content()).not.toContain(icims.clientSecret);
    await shot('connected');
  });

  it('sets the owner, the hired statuses and the toggles after Connect', async () => {
    // Whoever connects owns the connection until another admin is chosen.
    expect(await page.getByLabel('Owner', { exact: true }).inputValue()).toBe('ada');
    expect(await page.getByRole('button', { name: 'Save owner' }).isDisabled()).toBe(true);
    await page.getByTestId('status-badge').filter({ hasText: 'Connected' }).waitFor();

    expect(await page.getByText('No hired status is set').count()).toBe(1);
    await page.getByLabel(/iCIMS status ids that mean hired/).fill('C38353');
    await page.getByRole('button', { name: 'Save statuses' }).click();
    await page.getByText('No hired status is set').waitFor({ state: 'detached' });

    await page.getByLabel(/Automatic export to iCIMS/).uncheck();
    await expectEventually(async () => expect((await admin('GET', '/icims', await token())).body.toggles).toEqual({ autoImport: true, autoExport: false }));
    await page.getByLabel(/Automatic export to iCIMS/).check();
    await expectEventually(async () => expect((await admin('GET', '/icims', await token())).body.toggles).toEqual({ autoImport: true, autoExport: true }));
    expect(await page.getByTestId('next-import').innerText()).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} /);
    await shot('after-connect');
    await expectAccessible();
  });

  it('previews, then imports with the counters rising to the API’s numbers', async () => {
    await page.getByRole('tab', { name: 'Import' }).click();
    await page.getByLabel(/Full import/).check();
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    await page.locator('[data-testid="run-window"][data-status="succeeded"]').waitFor();
    // A preview counts what the import would do, and writes nothing.
    expect(await page.getByTestId('counter-total').innerText()).toBe(String(PEOPLE));
    expect(await page.getByTestId('counter-added').innerText()).toBe(String(PEOPLE));
    expect(await page.getByText('A preview: nothing was written.').count()).toBe(1);
    await shot('preview');

    // Every value the total takes on the page, as the events arrive (run in the page; the suite has no DOM types).
    await page.evaluate(`(() => {
      const seen = (window.seenTotals = []);
      new MutationObserver(() => {
        const total = document.querySelector('[data-testid="counter-total"]')?.textContent ?? '';
        if (seen.at(-1) !== total) seen.push(total);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    })()`);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.locator('[data-testid="run-window"][data-status="running"], [data-testid="run-window"][data-status="queued"]').first().waitFor();
    await shot('import-running');
    await page.locator('[data-testid="run-window"][data-status="succeeded"]').waitFor({ timeout: 120_000 });
    await shot('import-finished');
    const seen = ((await page.evaluate('window.seenTotals')) as string[]).map(Number);
    expect(seen.at(-1)).toBe(PEOPLE);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(new Set(seen).size).toBeGreaterThan(1);

    const runs = (await admin('GET', '/runs?direction=import&limit=5', await token())).body.items;
    const real = runs.find((run: { dryRun?: boolean }) => !run.dryRun);
    const shown = Object.fromEntries(await Promise.all(['added', 'updated', 'deleted', 'skipped', 'errored', 'total'].map(async (name) => [name, Number(await page.getByTestId(`counter-${name}`).innerText())])));
    expect(shown).toEqual(real.counters);
    expect(real.counters.added).toBe(PEOPLE);
  });

  it('shows the history of both directions and a run’s records; an HR save appears as an export', async () => {
    await page.getByRole('tab', { name: 'Sync history' }).click();
    const rows = page.getByTestId('runs-table').locator('tbody tr');
    await rows.first().waitFor();
    // The import's HR writes came back as HR saves: each an export run, skipped as our own echo.
    expect(await rows.and(page.locator('[data-direction="export"]')).count()).toBeGreaterThan(0);
    await page.getByLabel('Trigger').selectOption('manual');
    await expectEventually(async () => expect(await rows.count()).toBe(2));
    expect(await rows.and(page.locator('[data-trigger="manual"]')).count()).toBe(2);
    await shot('history');

    await page.getByTestId('runs-table').locator('tbody tr[data-trigger="manual"]').first().getByRole('button').click();
    await page.getByTestId('records-table').waitFor();
    expect(await page.getByTestId('detail-status').innerText()).toBe('succeeded');
    expect(await page.getByTestId('records-table').locator('tbody tr').count()).toBe(Math.min(PEOPLE, 50));
    expect(await page.getByTestId('records-table').locator('tbody tr').first().innerText()).toMatch(/added/);
    await shot('run-records');
    await expectAccessible();
    await page.getByRole('button', { name: /Back to the history/ }).click();

    const importRun = (await admin('GET', '/runs?direction=import&limit=1', await token())).body.items[0];
    const record = (await admin('GET', `/runs/${importRun.runId}/records?limit=1`, await token())).body.items[0];
    expect((await callJson('PATCH', `${stack.urls.hr}/tenants/${tenantId}/employees/${record.employeeId}`, { lastName: 'Saved-In-HR' })).status).toBe(200);
    await page.getByLabel('Trigger').selectOption('auto-export');
    // The one export that PATCHed iCIMS: updated 1 of 1 (the page refreshes the history by itself).
    await rows.filter({ hasText: '0 · 1 · 0 · 0 · 0 · 1' }).first().waitFor({ timeout: 60_000 });
    await shot('export-in-history');
  });

  it('lists the settings timeline and the field mapping, whose ids can be changed', async () => {
    await page.getByRole('tab', { name: 'Settings timeline' }).click();
    await page.getByText('consent.accepted', { exact: false }).first().waitFor();
    await shot('timeline');
    await page.getByRole('tab', { name: 'Field mapping' }).click();
    const ssn = page.getByLabel('iCIMS field id for SSN');
    expect(await ssn.inputValue()).toBe('usssn');
    await ssn.fill('customfield4711');
    await page.getByRole('button', { name: 'Save field ids' }).click();
    await page.getByText('Field ids saved.').waitFor();
    expect((await admin('GET', '/icims', await token())).body.fieldIds.overrides).toEqual({ ssn: 'customfield4711' });
    await shot('field-mapping');
    await expectAccessible();
  });

  it('works on a phone-width screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('tab', { name: 'Connection' }).click();
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await shot('phone');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('finds the import under way again after a reload, and keeps the token out of storage', async () => {
    // Slow iCIMS: the run is still going when the page comes back.
    await callJson('PUT', `${stack.urls.sandbox}/sandbox/customers/${customerId}/faults`, { latencyMs: 3_000 });
    await page.getByRole('tab', { name: 'Import' }).click();
    await page.getByLabel(/Full import/).check();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const running = page.locator('[data-testid="run-window"][data-status="running"]');
    await running.waitFor();
    await page.reload();
    await signIn('ada');
    await page.getByRole('tab', { name: 'Import' }).click();
    await page.locator('[data-testid="run-window"][data-status="running"]').waitFor();
    await shot('import-after-reload');
    await callJson('PUT', `${stack.urls.sandbox}/sandbox/customers/${customerId}/faults`, { latencyMs: 0 });
    await page.locator('[data-testid="run-window"][data-status="succeeded"]').waitFor({ timeout: 120_000 });
    expect(await page.evaluate('[localStorage.length, sessionStorage.length, document.cookie]')).toEqual([0, 0, '']);
    expect(problems).toEqual([]);
  });

  /** A token of the admin's, as the page holds one (the page's own is in its memory only). */
  async function token(): Promise<string> {
    return signInHrUser(stack.urls.hr, tenantId, 'ada', { displayName: 'Ada Admin', roles: ['HR_ADMIN'] });
  }
});
