import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type AlertTimer, loadAlertRules, startAlertTimer } from '../../src/alerts/index.js';
import { EndpointServer } from '../helpers/endpoint-server.js';
import { GatewayHarness } from '../helpers/gateway-harness.js';
import { SAMPLES_DIR, validSample, withElementText } from '../helpers/sample-messages.js';
import { testClients } from '../helpers/test-parties.js';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = join(import.meta.dirname, '../../test-artifacts/screenshots');
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const available = existsSync(CHROMIUM);
if (!available) {
  // Never a silent pass: say why the suite does not run.
  process.stderr.write(
    `\n[browser] SKIPPED: ${CHROMIUM} is not installed (apt-get install -y chromium)\n\n`,
  );
}

/**
 * The console driven in real headless Chromium (the Debian `chromium` package; no browser
 * download): sign in, find a rejected declaration by DeclaratieNummer, open its violations,
 * replay a dead letter, follow the overview's alert banner to the alerts page. Screenshots go to
 * test-artifacts/screenshots/.
 */
describe.skipIf(!available)(
  available
    ? 'console in Chromium'
    : `console in Chromium (SKIPPED: ${CHROMIUM} is not installed; apt-get install -y chromium)`,
  () => {
    const { clients, keys } = testClients();
    let gateway: GatewayHarness;
    let backOffice: EndpointServer;
    let supplier: EndpointServer;
    let alertReceiver: EndpointServer;
    let alerts: AlertTimer;
    let context: BrowserContext;
    let page: Page;
    let base: string;
    let profile: string;
    let rejectedId: string;

    const shot = (name: string) =>
      page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

    beforeAll(async () => {
      mkdirSync(SCREENSHOTS, { recursive: true });
      backOffice = await EndpointServer.start((n) => (n === 0 ? 400 : 200));
      // The supplier refuses its retours: they become dead letters and their deadlines stay open.
      supplier = await EndpointServer.start(() => 400);
      gateway = await GatewayHarness.create({
        allowReplay: true,
        deliveryAttempts: 1,
        parties: {
          local: [
            {
              code: '0363',
              name: 'Gemeente (test)',
              delivery: { type: 'http', url: backOffice.url, timeoutMs: 2_000 },
            },
          ],
          remote: [
            {
              code: '12345678',
              name: 'Supplier (test)',
              delivery: { type: 'http', url: supplier.url, timeoutMs: 2_000 },
            },
          ],
          clients,
        },
      });
      await gateway.startWorker();
      const declaration = withElementText(
        withElementText(
          withElementText(
            readFileSync(join(SAMPLES_DIR, 'WMO323/invalid/TR101.xml'), 'utf8'),
            'DeclaratieNummer',
            'DECBROWSER1',
          ),
          'Afzender',
          '12345678',
        ),
        'Identificatie',
        'BRW-323-1',
      );
      const start = withElementText(validSample('WMO305'), 'Identificatie', 'BRW-305-1');
      rejectedId = (await gateway.post(declaration, 'application/xml', keys.supplier)).body[
        'id'
      ] as string;
      const startId = (await gateway.post(start, 'application/xml', keys.supplier)).body[
        'id'
      ] as string;
      await gateway.waitForDecision(rejectedId);
      await gateway.waitForDecision(startId);
      const deadline = Date.now() + 20_000;
      while ((await gateway.deliveries.deadLetters(10)).length < 3) {
        if (Date.now() > deadline) {
          throw new Error('no dead letter to replay');
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      base = await gateway.app.listen({ host: '127.0.0.1', port: 0 });
      // The built-in alert rules, evaluated once as a worker's alert timer would: the dead letters
      // fire, so the overview shows the banner.
      alertReceiver = await EndpointServer.start(() => 200);
      alerts = startAlertTimer({
        sources: {
          redis: gateway.intakeRedis,
          prefix: gateway.prefix,
          queues: { inbound: gateway.queue, delivery: gateway.deliveryQueue },
          isLocal: (code) => gateway.parties.isLocal(code),
        },
        rules: loadAlertRules(undefined),
        webhook: { url: alertReceiver.url },
        consoleUrl: base,
        environment: 'test',
        clock: () => new Date(),
        logger: gateway.logger,
        everyMs: 0,
      });
      await alerts.runOnce();
      await alerts.settled();
      profile = mkdtempSync(join(tmpdir(), 'iwmo-chromium-'));
      context = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM,
        headless: true,
        args: ARGS,
        viewport: { width: 1280, height: 900 },
      });
      page = context.pages()[0] ?? (await context.newPage());
    });
    afterAll(async () => {
      await context?.close();
      await alerts?.stop();
      await gateway?.close();
      await alertReceiver?.close();
      await backOffice?.close();
      await supplier?.close();
      if (profile !== undefined) {
        rmSync(profile, { recursive: true, force: true });
      }
    });

    it('signs in with the operator key, using the keyboard', async () => {
      await page.goto(`${base}/console`);
      await expect.poll(() => page.url()).toContain('/console/login');
      await shot('01-login');
      await page.getByLabel('Operator API key').focus();
      await page.keyboard.type(keys.operator);
      await page.keyboard.press('Enter');
      await page.waitForURL(`${base}/console`);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Overview');
      expect(await page.getByText('Workers alive').count()).toBe(1);
      const cookies = await context.cookies();
      expect(cookies.find((c) => c.name === 'iwmo_console')).toMatchObject({
        httpOnly: true,
        sameSite: 'Strict',
      });
      await shot('02-overview');
    });

    it('finds the rejected declaration by DeclaratieNummer and opens its violations', async () => {
      await page.getByRole('link', { name: 'Messages' }).click();
      await page.getByLabel('DeclaratieNummer').fill('DECBROWSER1');
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await page.waitForURL(/declaratieNummer=DECBROWSER1/);
      const row = page.locator('tbody tr', { hasText: 'WMO323' });
      expect(await row.count()).toBe(1);
      expect(await row.textContent()).toContain('rejected');
      await shot('03-search-declaratie');
      await row.getByRole('link').click();
      await page.waitForURL(`${base}/console/messages/${rejectedId}`);
      const violations = page.locator('table', {
        has: page.locator('caption', { hasText: 'Rules this message broke' }),
      });
      expect(await violations.locator('tbody tr').count()).toBeGreaterThan(0);
      expect(await violations.textContent()).toContain('TR101');
      await page.getByRole('heading', { name: 'Violations' }).scrollIntoViewIfNeeded();
      await shot('04-message-violations');
    });

    it('shows rejects per rule and the answer deadlines', async () => {
      await page.getByRole('link', { name: 'Rejects' }).click();
      await page.waitForURL(`${base}/console/rejects`);
      expect(await page.locator('table').first().textContent()).toContain('TR101');
      await shot('05-rejects');
      await page.getByRole('link', { name: 'Deadlines' }).click();
      await page.waitForURL(`${base}/console/deadlines`);
      expect(await page.locator('caption').first().textContent()).toContain('Answers due');
      expect(await page.locator('tbody tr').count()).toBe(2);
      await shot('06-deadlines');
    });

    it('replays a dead letter', async () => {
      await page.getByRole('link', { name: 'Dead letters' }).click();
      await page.waitForURL(`${base}/console/dead-letters`);
      await shot('07-dead-letters');
      const dead = (await gateway.deliveries.deadLetters(10)).find((d) => d.kind === 'forward');
      await page
        .getByRole('button', { name: /^Replay forward delivery/ })
        .first()
        .click();
      await page.waitForURL(/replayed=1/);
      expect(await page.getByRole('status').textContent()).toContain('Replayed 1 dead letter');
      await shot('08-replayed');
      await expect
        .poll(async () => (await gateway.deliveries.get(dead?.id ?? ''))?.status, {
          timeout: 20_000,
        })
        .toBe('delivered');
    });

    it('follows the alert banner of the overview to the alerts page', async () => {
      await alerts.runOnce();
      await page.getByRole('link', { name: 'Overview' }).click();
      await page.waitForURL(`${base}/console`);
      const banner = page.getByRole('alert');
      expect(await banner.textContent()).toContain('1 alert firing');
      await banner.getByRole('link', { name: 'dead-letters' }).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(`${base}/console/alerts#alert-dead-letters`);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Alerts');
      const rules = page.locator('table', {
        has: page.locator('caption', { hasText: 'Alert rules and their state' }),
      });
      expect(await rules.locator('tbody tr').count()).toBe(loadAlertRules(undefined).length);
      const row = rules.locator('tr#alert-dead-letters');
      expect(await row.getAttribute('class')).toBe('alert-firing');
      expect(await row.textContent()).toContain('firing');
      const calls = page.locator('table', {
        has: page.locator('caption', { hasText: 'Webhook attempts' }),
      });
      expect(await calls.textContent()).toContain('delivered');
      expect(JSON.parse(alertReceiver.received[0]?.body ?? '{}')).toMatchObject({
        alert: 'dead-letters',
        state: 'firing',
        console: `${base}/console/alerts#alert-dead-letters`,
      });
      await shot('09-alerts');
    });
  },
);
