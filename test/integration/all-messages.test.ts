import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { BUNDLED_SCHEMA_DIR } from '../../src/config/index.js';
import { HEEN_MESSAGE_TYPES, MESSAGE_CATALOGUE } from '../../src/domain/message-types.js';
import { createXsdValidator } from '../../src/validation/xsd/index.js';
import { GatewayHarness } from '../helpers/gateway-harness.js';
import { SAMPLES_DIR, validSample } from '../helpers/sample-messages.js';

describe('every heen message type end to end (levels 1 and 2)', () => {
  let gateway: GatewayHarness;
  const xsd = createXsdValidator(BUNDLED_SCHEMA_DIR, 'libxml2-wasm');

  beforeAll(async () => {
    gateway = await GatewayHarness.create();
    await gateway.startWorker();
  });
  afterAll(async () => {
    await gateway.close();
  });

  async function submit(xml: string) {
    const posted = await gateway.post(xml);
    expect(posted.status).toBe(202);
    const id = posted.body['id'] as string;
    const record = await gateway.waitForDecision(id);
    const view = (await gateway.app.inject({ method: 'GET', url: `/v1/messages/${id}` })).json<
      Record<string, unknown>
    >();
    const retour = await gateway.store.getRetour(id);
    return { id, record, view, retour };
  }

  describe.each(HEEN_MESSAGE_TYPES)('%s', (type) => {
    const retourType = MESSAGE_CATALOGUE[type].answeredBy!;

    it(`accepts the valid sample and answers with an XSD-valid ${retourType}`, async () => {
      const { record, retour, view } = await submit(validSample(type));
      expect(record.status).toBe('accepted');
      expect(view).toMatchObject({ controlLevel: 2, retourType, violations: [] });
      expect(retour).toBeDefined();
      expect(xsd.validate(retourType, Buffer.from(retour!))).toEqual({ valid: true });
      if (type === 'WMO323') {
        expect(retour).toContain('<wmo325:RetourCode>0200</wmo325:RetourCode>');
        expect(retour).toContain('<wmo325:RetourCode>8001</wmo325:RetourCode>');
      } else {
        expect(retour).not.toContain('RetourCodes');
      }
    });
  });

  describe('when a message breaks a level-2 rule', () => {
    it('rejects it with a header-only retour carrying 0001 and XsltVersie, and shows the violation', async () => {
      const xml = readFileSync(join(SAMPLES_DIR, 'WMO301/invalid/CS003.xml'), 'utf8');
      const { record, retour, view } = await submit(xml);
      expect(record.status).toBe('rejected');
      expect(view).toMatchObject({
        controlLevel: 2,
        retourType: 'WMO302',
        retourCodes: ['0001'],
        violations: [
          expect.objectContaining({
            ruleId: 'CS003',
            retourCode: '0001',
            level: 2,
            location: expect.stringMatching(/^\/Bericht\//),
          }),
        ],
      });
      expect(xsd.validate('WMO302', Buffer.from(retour!))).toEqual({ valid: true });
      expect(retour).toContain('<wmo302:XsltVersie>2.10.5</wmo302:XsltVersie>');
      expect(retour).toContain('<wmo302:RetourCode>0001</wmo302:RetourCode>');
      expect(retour).not.toContain('<wmo302:Client>');
    });

    it('answers a declaration that breaks one with a header-only WMO325 carrying 0001', async () => {
      const invalid = readFileSync(join(SAMPLES_DIR, 'WMO323/invalid/TR358.xml'), 'utf8');
      const { record, retour } = await submit(invalid);
      expect(record.status).toBe('rejected');
      expect(record.retourType).toBe('WMO325');
      expect(xsd.validate('WMO325', Buffer.from(retour!))).toEqual({ valid: true });
      expect(retour).toContain('<wmo325:RetourCode>0001</wmo325:RetourCode>');
      expect(retour).not.toContain('DeclaratieAntwoord');
    });
  });
});
