import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chromium, type Browser, type Page } from 'playwright-core';
import { EMULATOR_DEMO_KEY } from '../../src/emulator/index.js';
import { startStack, type TestStack } from '../helpers/stack.js';

/** Debian's chromium; `.ci/run` installs it. Playwright's own browser downloads are not used. */
const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOT = new URL('../../test-results/explorer.png', import.meta.url).pathname;
const FAILURE_SCREENSHOT = new URL('../../test-results/explorer-failure.png', import.meta.url).pathname;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

let stack: TestStack;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium); .ci/run does this in CI.`);
  }
  stack = await startStack();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    // Without the background-networking flags chromium dials out (updates, sync, field trials),
    // which the closed network refuses; the test also asserts the page itself stays on loopback.
    // Playwright gives every launch a fresh, temporary --user-data-dir of its own.
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    timeout: 30_000,
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

describe('the explorer in a real browser', () => {
  it('opens with a createCustomer example that runs without a key and shows the created customer', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const requestedHosts: string[] = [];
    const consoleErrors: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.protocol !== 'data:' && url.protocol !== 'blob:') requestedHosts.push(url.host.replace(/:\d+$/, ''));
    });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(String(error)));

    const response = await page.goto(`${stack.server.url}/graphql`, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");

    // The example tab is ready: the mutation and its variables are already in the editors.
    const runButton = page.locator('.graphiql-execute-button');
    await runButton.waitFor({ state: 'visible', timeout: 30_000 });
    await waitForEditor(page, '.graphiql-query-editor .CodeMirror', 'createCustomer(input: $input)');
    await waitForEditor(page, '.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror', '"firstName": "Ada"');

    await runButton.click();
    const created = (await resultJson(page, 'createCustomer')).createCustomer as Record<string, unknown>;
    expect(created).toEqual({
      id: expect.stringMatching(UUID),
      email: expect.stringMatching(/^ada\.[0-9a-f]{8}@example\.com$/),
      type: 'INDIVIDUAL',
      firstName: 'Ada',
      lastName: 'Lovelace',
      kyc: null,
    });
    // What the pane shows is what the upstream holds, under the emulator's demo key (no key typed).
    const stored = await stack.admin.customersOf(EMULATOR_DEMO_KEY, created.email as string);
    expect(stored).toEqual([expect.objectContaining({ customer_id: created.id, first_name: 'Ada' })]);
    await expect(page.locator('.result-window').innerText()).resolves.toContain(String(created.id));

    mkdirSync(dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });

    // The second example tab reads the customer back once its id is pasted into the variables.
    // The customer tabs come first: the second one reads the customer.
    await page.locator('.graphiql-tab').nth(1).click();
    await waitForEditor(page, '.graphiql-query-editor .CodeMirror', 'customer(id: $id)');
    const variablesEditor = '.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror';
    await waitForEditor(page, variablesEditor, '"id"');
    await page.locator(variablesEditor).evaluate((element, id) => {
      (element as unknown as { CodeMirror: CodeMirrorLike }).CodeMirror.setValue(JSON.stringify({ id }));
    }, created.id);
    await waitForEditor(page, variablesEditor, String(created.id));
    await runButton.click();
    const read = (await resultJson(page, 'customer')).customer as Record<string, unknown>;
    expect(read).toMatchObject({ id: created.id, email: created.email, type: 'INDIVIDUAL', companyName: null });

    expect(requestedHosts.length).toBeGreaterThan(5);
    expect(requestedHosts.filter((host) => !LOOPBACK_HOSTS.has(host))).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.close();
  }, 150_000);

  it('runs the ready subscription tab over graphql-ws and shows the one event that arrives', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(String(error)));
    // The demo account's webhooks come back to this server (what `npm start` sets up by itself).
    await registerDemoWebhook();
    const customer = await stack.admin.seedCustomer(EMULATOR_DEMO_KEY, {
      email: 'browser.kyc@example.com', type: 'individual', first_name: 'Brow', last_name: 'Ser', kycs: { status: 'pending' },
    });

    await page.goto(`${stack.server.url}/graphql`, { waitUntil: 'load' });
    const runButton = page.locator('.graphiql-execute-button');
    await runButton.waitFor({ state: 'visible', timeout: 30_000 });
    await page.locator('.graphiql-tab', { hasText: 'KycUpdates' }).click();
    await waitForEditor(page, '.graphiql-query-editor .CodeMirror', 'customerKycUpdated');
    await runButton.click();
    // The subscription is live once the socket is acknowledged; give it a moment, then approve the KYC upstream.
    await page.waitForTimeout(1_000);
    await stack.admin.approveKyc(EMULATOR_DEMO_KEY, customer.customer_id as string);
    const event = (await resultJson(page, 'customerKycUpdated')).customerKycUpdated as Record<string, unknown>;
    expect(event).toMatchObject({ customerId: customer.customer_id, customer: { email: 'browser.kyc@example.com', kyc: { status: 'APPROVED' } } });
    expect(consoleErrors).toEqual([]);
    await page.close();
  }, 150_000);
});

async function registerDemoWebhook(): Promise<void> {
  const response = await fetch(`${stack.emulator.url}/v0/webhooks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'api-key': EMULATOR_DEMO_KEY },
    body: JSON.stringify({ url: `${stack.server.url}/webhooks/align` }),
  });
  expect(response.status).toBe(201);
}

/** The page's document, as the functions evaluated in the browser use it (tests compile without the DOM lib). */
declare const document: { querySelector(selector: string): unknown };

interface CodeMirrorLike {
  getValue(): string;
  setValue(value: string): void;
}

/** Waits until a CodeMirror editor's text contains `wanted`; on timeout, a screenshot and the text tell why. */
async function waitForEditor(page: Page, selector: string, wanted: string): Promise<string> {
  const read = () =>
    page.locator(selector).evaluate((element) => (element as unknown as { CodeMirror: CodeMirrorLike }).CodeMirror.getValue());
  try {
    await page.waitForFunction(
      ({ selector, wanted }) => {
        const element = document.querySelector(selector) as unknown as { CodeMirror?: CodeMirrorLike } | null;
        return (element?.CodeMirror?.getValue() ?? '').includes(wanted);
      },
      { selector, wanted },
      { timeout: 30_000 },
    );
  } catch (error) {
    mkdirSync(dirname(FAILURE_SCREENSHOT), { recursive: true });
    await page.screenshot({ path: FAILURE_SCREENSHOT });
    const text = await read().catch(() => '(editor not found)');
    throw new Error(`${selector} never showed ${wanted} (screenshot: ${FAILURE_SCREENSHOT}); it shows:\n${text}\n${String(error)}`);
  }
  return read();
}

/** Waits until the result pane holds `data.<field>`, then returns `data` (failing on any error). */
async function resultJson(page: Page, field: string): Promise<Record<string, unknown>> {
  const text = await waitForEditor(page, '.result-window .CodeMirror', `"${field}"`);
  const result = JSON.parse(text) as { data?: Record<string, unknown>; errors?: unknown };
  expect(result.errors).toBeUndefined();
  return result.data!;
}
