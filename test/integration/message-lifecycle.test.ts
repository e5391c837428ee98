import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { BUNDLED_SCHEMA_DIR } from '../../src/config/index.js';
import { createXsdValidator } from '../../src/validation/xsd/index.js';
import { GatewayHarness } from '../helpers/gateway-harness.js';
import { validSample, withElementText } from '../helpers/sample-messages.js';

describe('message lifecycle (intake → queue → XSD → retour) on real Redis', () => {
  let gateway: GatewayHarness;
  const xsd = createXsdValidator(BUNDLED_SCHEMA_DIR, 'libxml2-wasm');

  beforeEach(async () => {
    gateway = await GatewayHarness.create();
    await gateway.startWorker();
  });
  afterEach(async () => {
    await gateway.close();
  });

  describe('when a valid WMO301 is posted', () => {
    it('answers 202 with a tracking id, accepts it and serves a header-only WMO302', async () => {
      const xml = validSample('WMO301');
      const posted = await gateway.post(xml);
      expect(posted.status).toBe(202);
      expect(posted.body).toEqual({ id: expect.any(String), status: 'received' });
      const id = posted.body['id'] as string;

      const record = await gateway.waitForDecision(id);
      expect(record.status).toBe('accepted');

      const view = await gateway.app.inject({ method: 'GET', url: `/v1/messages/${id}` });
      expect(view.statusCode).toBe(200);
      const body = view.json<Record<string, unknown>>();
      expect(body).toMatchObject({
        id,
        messageType: 'WMO301',
        status: 'accepted',
        sender: expect.stringMatching(/^[0-9]{4}$/),
        receiver: expect.stringMatching(/^[0-9]{8}$/),
        berichtIdentificatie: expect.any(String),
        receivedAt: expect.any(String),
        retourId: 'R00000000001',
        retourType: 'WMO302',
        retourCodes: [],
      });

      const retour = await gateway.app.inject({ method: 'GET', url: `/v1/messages/${id}/retour` });
      expect(retour.statusCode).toBe(200);
      expect(retour.headers['content-type']).toContain('application/xml');
      expect(xsd.validate('WMO302', Buffer.from(retour.body))).toEqual({ valid: true });
      expect(retour.body).toContain('<wmo302:BerichtCode>415</wmo302:BerichtCode>');
      expect(retour.body).toContain(
        '<wmo302:IdentificatieRetour>R00000000001</wmo302:IdentificatieRetour>',
      );
      expect(retour.body).not.toContain('RetourCodes');
      expect(retour.body).not.toContain('<wmo302:Client>');
      // Afzender and Ontvanger are copied, not swapped (fact sheet §7.1).
      expect(retour.body).toContain(`<wmo302:Afzender>${String(body['sender'])}</wmo302:Afzender>`);
    });
  });

  describe('when a WMO301 fails the XSD (level 1)', () => {
    it('rejects it without a retour and names the failing element and line', async () => {
      const xml = withElementText(validSample('WMO301'), 'Geslacht', '7');
      const posted = await gateway.post(xml);
      expect(posted.status).toBe(202);
      const id = posted.body['id'] as string;
      const record = await gateway.waitForDecision(id);
      expect(record.status).toBe('rejected');
      expect(record.controlLevel).toBe(1);
      expect(record.retourId).toBeUndefined();
      expect(record.transportError).toMatchObject({
        code: 'StUF055',
        issues: [expect.objectContaining({ element: 'Geslacht', line: expect.any(Number) })],
      });
      const retour = await gateway.app.inject({ method: 'GET', url: `/v1/messages/${id}/retour` });
      expect(retour.statusCode).toBe(404);
      expect(retour.json()).toMatchObject({ code: 'GW_ERR_API_RETOUR_NOT_READY' });
    });
  });

  describe('when the same message is queued twice', () => {
    it('decides it once and issues one retour id', async () => {
      const posted = await gateway.post(validSample('WMO301'));
      const id = posted.body['id'] as string;
      await gateway.waitForDecision(id);
      const { enqueueMessage } = await import('../../src/queue/inbound-queue.js');
      await gateway.queue.remove(id);
      await enqueueMessage(
        gateway.queue,
        { messageId: id, correlationId: 'again' },
        {
          attempts: 1,
          backoffMs: 10,
        },
      );
      await new Promise((r) => setTimeout(r, 500));
      const events = await gateway.store.getEvents(id);
      expect(events.filter((e) => e.event === 'accepted')).toHaveLength(1);
      expect((await gateway.store.get(id))?.retourId).toBe('R00000000001');
    });
  });

  describe('when logging', () => {
    it('never writes the BSN or the XML body to the log', async () => {
      const xml = validSample('WMO301');
      const bsn = /<[^>]*Bsn>([0-9]{9})</.exec(xml)?.[1];
      expect(bsn).toBeDefined();
      const posted = await gateway.post(xml);
      await gateway.waitForDecision(posted.body['id'] as string);
      gateway.logger.info({ bsn, input: { xml } }, 'deliberately unsafe log call');
      expect(gateway.logs.lines.length).toBeGreaterThan(3);
      expect(gateway.logs.text).not.toContain(bsn);
      expect(gateway.logs.text).not.toContain('<wmo301:');
    });
  });
});
