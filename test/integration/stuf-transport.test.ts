import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { BUNDLED_SCHEMA_DIR } from '../../src/config/index.js';
import { EnvelopeSchema } from '../../src/stuf/index.js';
import { createXsdValidator } from '../../src/validation/xsd/index.js';
import { GatewayHarness } from '../helpers/gateway-harness.js';
import { testClients } from '../helpers/test-parties.js';
import { di01Request, HEEN, inSoap11, iwmoSample } from '../unit/stuf/stuf-fixtures.js';

const OFFICIAL_EXAMPLES = resolve(
  process.cwd(),
  '../shared/reference/iwmo/stuf-ggk0210-2.1.04/ggk0210/voorbeeldberichten',
);
const officialPresent = existsSync(OFFICIAL_EXAMPLES);
const envelopeSchema = EnvelopeSchema.fromDir();
const xsd = createXsdValidator(BUNDLED_SCHEMA_DIR, 'libxml2-wasm');
afterAll(() => {
  envelopeSchema.close();
  xsd.close();
});

/** The text of the first element with this local name. */
function textOf(xml: string, name: string): string | undefined {
  return new RegExp(`<(?:[A-Za-z0-9]+:)?${name}(?: [^>]*)?>([^<]*)<`).exec(xml)?.[1];
}

function expectValidEnvelope(xml: string): void {
  expect(envelopeSchema.validate(Buffer.from(xml))).toEqual({ valid: true });
}

async function postDi01(
  gateway: GatewayHarness,
  xml: string,
  contentType = 'text/xml; charset=utf-8',
  headers: Record<string, string> = {},
) {
  const response = await gateway.app.inject({
    method: 'POST',
    url: '/v1/stuf/ggk0210',
    headers: { 'content-type': contentType, ...headers },
    payload: xml,
  });
  return {
    status: response.statusCode,
    type: response.headers['content-type'],
    body: response.body,
  };
}

async function storedMessages(gateway: GatewayHarness): Promise<number> {
  return gateway.intakeRedis.zcard(gateway.store.keys.received);
}

describe('StUF-GGk transport (POST /v1/stuf/ggk0210) on real Redis', () => {
  let gateway: GatewayHarness;
  beforeEach(async () => {
    gateway = await GatewayHarness.create();
  });
  afterEach(async () => {
    await gateway.close();
  });

  describe('when a valid Di01 carries a valid WMO301', () => {
    it('answers Bv03, decides the message and serves the WMO302 in a Du01', async () => {
      await gateway.startWorker();
      const answer = await postDi01(gateway, di01Request(iwmoSample('WMO301')));
      expect(answer.status).toBe(200);
      expect(answer.type).toContain('text/xml');
      expectValidEnvelope(answer.body);
      expect(textOf(answer.body, 'berichtcode')).toBe('Bv03');
      expect(textOf(answer.body, 'crossRefnummer')).toBe(HEEN.referentienummer);

      const id = (await gateway.intakeRedis.zrange(gateway.store.keys.received, 0, -1))[0] ?? '';
      const record = await gateway.waitForDecision(id);
      expect(record).toMatchObject({ status: 'accepted', messageType: 'WMO301', sender: '0363' });
      expect(record.stuf?.heen).toEqual(HEEN);

      const du01 = await gateway.app.inject({
        method: 'GET',
        url: `/v1/stuf/ggk0210/retour/${id}`,
      });
      expect(du01.statusCode).toBe(200);
      expectValidEnvelope(du01.body);
      expect(textOf(du01.body, 'berichtcode')).toBe('Du01');
      expect(textOf(du01.body, 'crossRefnummer')).toBe(HEEN.referentienummer);
      expect(textOf(du01.body, 'functie')).toBe('WMO302');
      const retour = Buffer.from(textOf(du01.body, 'xmlBestand') ?? '', 'base64');
      expect(xsd.validate('WMO302', retour)).toEqual({ valid: true });
      const plain = await gateway.app.inject({ method: 'GET', url: `/v1/messages/${id}/retour` });
      expect(retour.toString('utf8')).toBe(plain.body);

      // The same Du01 every time: a receiver can recognise a second fetch as a duplicate.
      const again = await gateway.app.inject({
        method: 'GET',
        url: `/v1/stuf/ggk0210/retour/${id}`,
      });
      expect(again.body).toBe(du01.body);
    });

    it('answers a SOAP 1.2 request in SOAP 1.2', async () => {
      const answer = await postDi01(
        gateway,
        di01Request(iwmoSample('WMO301'), {}, '1.2'),
        'application/soap+xml; charset=utf-8',
      );
      expect(answer.status).toBe(200);
      expect(answer.type).toContain('application/soap+xml');
      expect(answer.body).toContain('http://www.w3.org/2003/05/soap-envelope');
      expectValidEnvelope(answer.body);
    });
  });

  describe('when the decoded payload fails the iWmo XSD', () => {
    it('answers a SOAP Fault with Fo01 StUF055 naming element and line, and stores nothing', async () => {
      const invalid = iwmoSample('WMO301').replace(
        /<wmo301:Bsn>[^<]*<\/wmo301:Bsn>/,
        '<wmo301:Bsn>12AB</wmo301:Bsn>',
      );
      const answer = await postDi01(gateway, di01Request(invalid));
      expect(answer.status).toBe(500);
      expectValidEnvelope(answer.body);
      expect(textOf(answer.body, 'faultcode')).toBe('soap:Client');
      expect(textOf(answer.body, 'berichtcode')).toBe('Fo01');
      expect(textOf(answer.body, 'code')).toBe('StUF055');
      expect(textOf(answer.body, 'plek')).toBe('client');
      expect(textOf(answer.body, 'omschrijving')).toMatch(/element Bsn, regel \d+/);
      expect(textOf(answer.body, 'details')).toBe('WMO301-00040003');
      expect(textOf(answer.body, 'crossRefnummer')).toBe(HEEN.referentienummer);
      expect(answer.body).toMatch(/<xsdFout element="Bsn" regel="\d+"/);
      expect(await storedMessages(gateway)).toBe(0);
    });
  });

  describe('when the same Di01 arrives twice (transport duplicate)', () => {
    it('answers the same Bv03 and stores one message', async () => {
      const request = di01Request(iwmoSample('WMO301'));
      const first = await postDi01(gateway, request);
      const second = await postDi01(gateway, request);
      expect(first.status).toBe(200);
      expect(second.body).toBe(first.body);
      expect(await storedMessages(gateway)).toBe(1);
    });

    it('stores one message when both copies arrive at the same time', async () => {
      const request = di01Request(iwmoSample('WMO301'));
      const answers = await Promise.all([postDi01(gateway, request), postDi01(gateway, request)]);
      expect(answers.map((a) => a.status)).toEqual([200, 200]);
      expect(answers[1]?.body).toBe(answers[0]?.body);
      expect(await storedMessages(gateway)).toBe(1);
    });

    it('answers IB016 when the referentienummer is reused for another payload', async () => {
      await postDi01(gateway, di01Request(iwmoSample('WMO301')));
      const other = iwmoSample('WMO301').replace('GW301-0001', 'GW301-0002');
      const answer = await postDi01(gateway, di01Request(other));
      expect(textOf(answer.body, 'code')).toBe('IB016');
      expect(await storedMessages(gateway)).toBe(1);
    });

    it('treats the same referentienummer from another zender as another message', async () => {
      await postDi01(gateway, di01Request(iwmoSample('WMO301')));
      const answer = await postDi01(
        gateway,
        di01Request(iwmoSample('WMO301'), {
          zender: { organisatie: '0384', applicatie: 'Wmo Applicatie' },
        }),
      );
      expect(answer.status).toBe(200);
      expect(await storedMessages(gateway)).toBe(2);
    });
  });

  describe('when the envelope is not acceptable', () => {
    it('answers IB001 for an envelope that fails the envelope schema (SOAP 1.1: HTTP 500)', async () => {
      const answer = await postDi01(
        gateway,
        di01Request(iwmoSample('WMO301'), { referentienummer: 'niet-een-uuid' }),
      );
      expect(answer.status).toBe(500);
      expectValidEnvelope(answer.body);
      expect(textOf(answer.body, 'code')).toBe('IB001');
      expect(textOf(answer.body, 'omschrijving')).toContain('element referentienummer');
      expect(textOf(answer.body, 'crossRefnummer')).toBe('niet-een-uuid');
    });

    it('answers a SOAP 1.2 sender fault with HTTP 400', async () => {
      const answer = await postDi01(gateway, 'geen xml', 'application/soap+xml');
      expect(answer.status).toBe(400);
      expect(textOf(answer.body, 'Value')).toBe('env:Sender');
      expect(textOf(answer.body, 'code')).toBe('IB001');
    });

    it('answers IB004 for a functie the gateway does not handle', async () => {
      const answer = await postDi01(
        gateway,
        di01Request(iwmoSample('WMO301'), { functie: 'WMO399' }),
      );
      expect(textOf(answer.body, 'code')).toBe('IB004');
    });

    it('answers 415 with IB001 for another content type', async () => {
      const answer = await postDi01(gateway, '{}', 'application/json');
      expect(answer.status).toBe(415);
      expect(textOf(answer.body, 'code')).toBe('IB001');
      expectValidEnvelope(answer.body);
    });
  });

  describe.skipIf(!officialPresent)('with the official example envelopes', () => {
    const example = (name: string): string =>
      readFileSync(resolve(OFFICIAL_EXAMPLES, name), 'utf8');

    it('acknowledges the xmlBestand example once it carries a real WMO301, and answers with Du01', async () => {
      await gateway.startWorker();
      const official = example('envelopHeenbericht-ggk_Di01_v21-xml.xml');
      const withPayload = official.replace(
        /<GGK:xmlBestand>[^<]*</,
        `<GGK:xmlBestand>${Buffer.from(iwmoSample('WMO301')).toString('base64')}<`,
      );
      const answer = await postDi01(gateway, inSoap11(withPayload));
      expect(answer.status).toBe(200);
      expect(textOf(answer.body, 'crossRefnummer')).toBe('9c0f7b90-5c69-41e5-a837-0800200c9a66');
      const id = (await gateway.intakeRedis.zrange(gateway.store.keys.received, 0, -1))[0] ?? '';
      await gateway.waitForDecision(id);
      const du01 = await gateway.app.inject({
        method: 'GET',
        url: `/v1/stuf/ggk0210/retour/${id}`,
      });
      expectValidEnvelope(du01.body);
      expect(textOf(du01.body, 'crossRefnummer')).toBe('9c0f7b90-5c69-41e5-a837-0800200c9a66');
      // Addressed back: from the Di01's ontvanger organisatie to its zender organisatie.
      expect(du01.body).toMatch(/<StUF:zender>\s*<StUF:organisatie>01023456</);
      expect(du01.body).toMatch(/<StUF:ontvanger>\s*<StUF:organisatie>0548</);
    });

    it('answers StUF055 for the example as it is: its payload is a sentence, not an iWmo message', async () => {
      const answer = await postDi01(
        gateway,
        inSoap11(example('envelopHeenbericht-ggk_Di01_v21-xml.xml')),
      );
      expect(textOf(answer.body, 'code')).toBe('StUF055');
      expect(textOf(answer.body, 'details')).toBe('WMO301-00040003');
    });

    it('answers IB004 for the tekstBestand example (functie Dummy)', async () => {
      const answer = await postDi01(
        gateway,
        inSoap11(example('envelopHeenbericht-ggk_Di01_v21-tekst.xml')),
      );
      expect(textOf(answer.body, 'code')).toBe('IB004');
    });

    it('answers IB001 for a Du01 or a Fo01: this endpoint takes Di01 only', async () => {
      for (const name of ['envelopRetourbericht-ggk_Du01-v21.xml', 'Fo01.xml']) {
        const answer = await postDi01(gateway, inSoap11(example(name)));
        expect(textOf(answer.body, 'code'), name).toBe('IB001');
      }
    });
  });
});

describe('StUF-GGk retour (GET /v1/stuf/ggk0210/retour/{id})', () => {
  let gateway: GatewayHarness;
  beforeEach(async () => {
    gateway = await GatewayHarness.create();
  });
  afterEach(async () => {
    await gateway.close();
  });

  it('answers 404 GW_ERR_API_RETOUR_NOT_READY before the decision', async () => {
    await postDi01(gateway, di01Request(iwmoSample('WMO301')));
    const id = (await gateway.intakeRedis.zrange(gateway.store.keys.received, 0, -1))[0] ?? '';
    const response = await gateway.app.inject({
      method: 'GET',
      url: `/v1/stuf/ggk0210/retour/${id}`,
    });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'GW_ERR_API_RETOUR_NOT_READY' });
  });

  it('answers 404 GW_ERR_API_NOT_STUF for a message posted to /v1/messages', async () => {
    const posted = await gateway.post(iwmoSample('WMO301'));
    const response = await gateway.app.inject({
      method: 'GET',
      url: `/v1/stuf/ggk0210/retour/${String(posted.body['id'])}`,
    });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'GW_ERR_API_NOT_STUF' });
  });

  it('answers the Fo01 StUF055 for a message the worker rejected on level 1', async () => {
    await postDi01(gateway, di01Request(iwmoSample('WMO301')));
    const id = (await gateway.intakeRedis.zrange(gateway.store.keys.received, 0, -1))[0] ?? '';
    const issue = { message: "Element 'Bsn': not valid", line: 21, element: 'Bsn' };
    await gateway.store.finish(
      id,
      {
        status: 'rejected',
        controlLevel: 1,
        violations: [],
        transportError: { code: 'StUF055', description: 'x', issues: [issue] },
      },
      new Date(),
    );
    const response = await gateway.app.inject({
      method: 'GET',
      url: `/v1/stuf/ggk0210/retour/${id}`,
    });
    expect(response.statusCode).toBe(200);
    expectValidEnvelope(response.body);
    expect(textOf(response.body, 'code')).toBe('StUF055');
    expect(textOf(response.body, 'omschrijving')).toContain('element Bsn, regel 21');
    expect(textOf(response.body, 'crossRefnummer')).toBe(HEEN.referentienummer);
  });

  it('sends the WMO325 for a WMO323 as a Di01 of its own', async () => {
    await gateway.startWorker();
    const answer = await postDi01(
      gateway,
      di01Request(iwmoSample('WMO323'), {
        functie: 'WMO323',
        zender: { organisatie: '12345678', applicatie: 'Zorg Applicatie' },
        ontvanger: { organisatie: '0363', applicatie: 'GGk' },
      }),
    );
    expect(answer.status).toBe(200);
    const id = (await gateway.intakeRedis.zrange(gateway.store.keys.received, 0, -1))[0] ?? '';
    await gateway.waitForDecision(id);
    const response = await gateway.app.inject({
      method: 'GET',
      url: `/v1/stuf/ggk0210/retour/${id}`,
    });
    expectValidEnvelope(response.body);
    expect(textOf(response.body, 'berichtcode')).toBe('Di01');
    expect(textOf(response.body, 'functie')).toBe('WMO325');
  });
});

describe('StUF-GGk transport with API keys', () => {
  const { clients, keys } = testClients();
  let gateway: GatewayHarness;
  beforeAll(async () => {
    gateway = await GatewayHarness.create({
      parties: {
        local: [{ code: '12345678', name: 'Supplier (test)' }],
        remote: [{ code: '0363', name: 'Gemeente (test)' }],
        clients,
      },
    });
  });
  afterAll(async () => {
    await gateway.close();
  });

  it('answers 401 with IB002 without a key', async () => {
    const answer = await postDi01(gateway, di01Request(iwmoSample('WMO301')));
    expect(answer.status).toBe(401);
    expect(textOf(answer.body, 'code')).toBe('IB002');
    expectValidEnvelope(answer.body);
  });

  it("answers IB002 for a client that sends in another party's name", async () => {
    const answer = await postDi01(gateway, di01Request(iwmoSample('WMO301')), 'text/xml', {
      authorization: `Bearer ${keys.supplier}`,
    });
    expect(textOf(answer.body, 'code')).toBe('IB002');
    expect(textOf(answer.body, 'crossRefnummer')).toBe(HEEN.referentienummer);
  });

  it('acknowledges a Di01 from the party the payload names as Afzender', async () => {
    const answer = await postDi01(gateway, di01Request(iwmoSample('WMO301')), 'text/xml', {
      authorization: `Bearer ${keys.gemeente}`,
    });
    expect(answer.status).toBe(200);
    expect(textOf(answer.body, 'berichtcode')).toBe('Bv03');
  });
});
