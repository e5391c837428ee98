import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AuditLog } from '../../src/audit/audit-log.js';
import { newApiKey } from '../../src/parties/index.js';
import { GatewayHarness } from '../helpers/gateway-harness.js';
import { validSample } from '../helpers/sample-messages.js';
import { testClients } from '../helpers/test-parties.js';

type Role = 'anonymous' | 'wrongKey' | 'sender' | 'receiver' | 'otherParty' | 'operator';
const ROLES: Role[] = ['anonymous', 'wrongKey', 'sender', 'receiver', 'otherParty', 'operator'];

/**
 * Every role × every endpoint × own/other party. The message is a WMO305 from supplier 12345678
 * to gemeente 0363; "otherParty" is another supplier (87654321). Others' messages look absent (404).
 */
describe('authorisation matrix', () => {
  const { clients, keys } = testClients();
  const other = newApiKey('other');
  const keyOf: Record<Role, string | undefined> = {
    anonymous: undefined,
    wrongKey: `${'supplier'}.not-the-secret`,
    sender: keys.supplier,
    receiver: keys.gemeente,
    otherParty: other.apiKey,
    operator: keys.operator,
  };
  let gateway: GatewayHarness;
  let messageId: string;

  beforeAll(async () => {
    gateway = await GatewayHarness.create({
      dryRun: true,
      parties: {
        local: [{ code: '0363', name: 'Gemeente (test)' }],
        remote: [
          { code: '12345678', name: 'Supplier (test)' },
          { code: '87654321', name: 'Other (test)' },
        ],
        clients: [
          ...clients,
          { id: 'other', role: 'party', codes: ['87654321'], secretHash: other.secretHash },
        ],
      },
    });
    await gateway.startWorker();
    const posted = await gateway.post(validSample('WMO305'), 'application/xml', keys.supplier);
    messageId = posted.body['id'] as string;
    await gateway.waitForDecision(messageId);
    await new Promise((r) => setTimeout(r, 300));
  });
  afterAll(async () => {
    await gateway.close();
  });

  const expected: Record<string, Record<Role, number>> = {
    'POST /v1/messages (Afzender 12345678)': {
      anonymous: 401,
      wrongKey: 401,
      sender: 202,
      receiver: 403,
      otherParty: 403,
      operator: 403,
    },
    'POST /v1/declarations/check (Afzender 12345678)': {
      anonymous: 401,
      wrongKey: 401,
      sender: 200,
      receiver: 403,
      otherParty: 403,
      operator: 200,
    },
    'GET /v1/messages/{id}': {
      anonymous: 401,
      wrongKey: 401,
      sender: 200,
      receiver: 200,
      otherParty: 404,
      operator: 200,
    },
    'GET /v1/messages/{id}/retour': {
      anonymous: 401,
      wrongKey: 401,
      sender: 200,
      receiver: 200,
      otherParty: 404,
      operator: 200,
    },
    'GET /v1/inbox': {
      anonymous: 401,
      wrongKey: 401,
      sender: 200,
      receiver: 200,
      otherParty: 200,
      operator: 403,
    },
    'GET /v1/inbox/{retour}': {
      anonymous: 401,
      wrongKey: 401,
      sender: 200,
      receiver: 404,
      otherParty: 404,
      operator: 403,
    },
    'POST /v1/inbox/{forward}/ack': {
      anonymous: 401,
      wrongKey: 401,
      sender: 404,
      receiver: 200,
      otherParty: 404,
      operator: 403,
    },
    'GET /v1/deliveries/dead': {
      anonymous: 401,
      wrongKey: 401,
      sender: 403,
      receiver: 403,
      otherParty: 403,
      operator: 200,
    },
    'POST /v1/deliveries/{id}/replay': {
      anonymous: 401,
      wrongKey: 401,
      sender: 403,
      receiver: 403,
      otherParty: 403,
      operator: 404,
    },
    'GET /healthz': {
      anonymous: 200,
      wrongKey: 200,
      sender: 200,
      receiver: 200,
      otherParty: 200,
      operator: 200,
    },
    'GET /v1/search': {
      anonymous: 401,
      wrongKey: 401,
      sender: 403,
      receiver: 403,
      otherParty: 403,
      operator: 200,
    },
    'POST /v1/search': {
      anonymous: 401,
      wrongKey: 401,
      sender: 403,
      receiver: 403,
      otherParty: 403,
      operator: 200,
    },
    'GET /v1/audit': {
      anonymous: 401,
      wrongKey: 401,
      sender: 403,
      receiver: 403,
      otherParty: 403,
      operator: 200,
    },
    'GET /metrics': {
      anonymous: 401,
      wrongKey: 401,
      sender: 403,
      receiver: 403,
      otherParty: 403,
      operator: 200,
    },
    'POST /console/login': {
      anonymous: 401,
      wrongKey: 401,
      sender: 401,
      receiver: 401,
      otherParty: 401,
      operator: 303,
    },
    'GET /console': {
      anonymous: 303,
      wrongKey: 303,
      sender: 303,
      receiver: 303,
      otherParty: 303,
      operator: 200,
    },
    'GET /console/messages': {
      anonymous: 303,
      wrongKey: 303,
      sender: 303,
      receiver: 303,
      otherParty: 303,
      operator: 200,
    },
    'GET /console/messages/{id}': {
      anonymous: 303,
      wrongKey: 303,
      sender: 303,
      receiver: 303,
      otherParty: 303,
      operator: 200,
    },
    'GET /console/rejects': {
      anonymous: 303,
      wrongKey: 303,
      sender: 303,
      receiver: 303,
      otherParty: 303,
      operator: 200,
    },
    'GET /console/deadlines': {
      anonymous: 303,
      wrongKey: 303,
      sender: 303,
      receiver: 303,
      otherParty: 303,
      operator: 200,
    },
    'GET /console/dead-letters': {
      anonymous: 303,
      wrongKey: 303,
      sender: 303,
      receiver: 303,
      otherParty: 303,
      operator: 200,
    },
    'GET /console/alerts': {
      anonymous: 303,
      wrongKey: 303,
      sender: 303,
      receiver: 303,
      otherParty: 303,
      operator: 200,
    },
  };

  /** Signs in to the console with the role's key: the session cookie, or '' when refused. */
  async function consoleLogin(role: Role): Promise<{ status: number; cookie: string }> {
    const response = await gateway.app.inject({
      method: 'POST',
      url: '/console/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ apiKey: keyOf[role] ?? '' }).toString(),
    });
    const cookie = response.headers['set-cookie'];
    return {
      status: response.statusCode,
      cookie: typeof cookie === 'string' ? (cookie.split(';')[0] ?? '') : '',
    };
  }

  /** A console page with the role's console session (none when its sign-in was refused). */
  async function consolePage(role: Role, url: string): Promise<number> {
    const { cookie } = await consoleLogin(role);
    const response = await gateway.app.inject({
      method: 'GET',
      url,
      headers: cookie === '' ? {} : { cookie },
    });
    return response.statusCode;
  }

  async function callAs(endpoint: string, role: Role): Promise<number> {
    const key = keyOf[role];
    switch (endpoint) {
      case 'POST /v1/messages (Afzender 12345678)':
        return (await gateway.post(validSample('WMO305'), 'application/xml', key)).status;
      case 'POST /v1/declarations/check (Afzender 12345678)':
        return (
          await gateway.app.inject({
            method: 'POST',
            url: '/v1/declarations/check',
            headers: {
              'content-type': 'application/xml',
              ...(key === undefined ? {} : { authorization: `Bearer ${key}` }),
            },
            payload: validSample('WMO323'),
          })
        ).statusCode;
      case 'GET /v1/messages/{id}':
        return (await gateway.call('GET', `/v1/messages/${messageId}`, key)).status;
      case 'GET /v1/messages/{id}/retour':
        return (await gateway.call('GET', `/v1/messages/${messageId}/retour`, key)).status;
      case 'GET /v1/inbox':
        return (await gateway.call('GET', '/v1/inbox', key)).status;
      case 'GET /v1/inbox/{retour}':
        return (await gateway.call('GET', `/v1/inbox/${messageId}-retour`, key)).status;
      case 'POST /v1/inbox/{forward}/ack':
        return (await gateway.call('POST', `/v1/inbox/${messageId}-forward/ack`, key)).status;
      case 'GET /v1/deliveries/dead':
        return (await gateway.call('GET', '/v1/deliveries/dead', key)).status;
      case 'POST /v1/deliveries/{id}/replay':
        return (await gateway.call('POST', `/v1/deliveries/${messageId}-retour/replay`, key))
          .status;
      case 'GET /healthz':
        return (await gateway.call('GET', '/healthz', key)).status;
      case 'GET /v1/search':
        return (await gateway.call('GET', '/v1/search?messageType=WMO305', key)).status;
      case 'POST /v1/search':
        return (
          await gateway.app.inject({
            method: 'POST',
            url: '/v1/search',
            headers: {
              'content-type': 'application/json',
              ...(key === undefined ? {} : { authorization: `Bearer ${key}` }),
            },
            payload: { messageType: 'WMO305' },
          })
        ).statusCode;
      case 'GET /v1/audit':
        return (await gateway.call('GET', '/v1/audit?from=2000-01-01&to=2100-01-01', key)).status;
      case 'GET /metrics':
        return (await gateway.call('GET', '/metrics', key)).status;
      case 'POST /console/login':
        return (await consoleLogin(role)).status;
      case 'GET /console':
      case 'GET /console/messages':
      case 'GET /console/rejects':
      case 'GET /console/deadlines':
      case 'GET /console/dead-letters':
      case 'GET /console/alerts':
        return consolePage(role, endpoint.slice('GET '.length));
      case 'GET /console/messages/{id}':
        return consolePage(role, `/console/messages/${messageId}`);
      default:
        throw new Error(endpoint);
    }
  }

  for (const [endpoint, byRole] of Object.entries(expected)) {
    for (const role of ROLES) {
      it(`${endpoint} as ${role} → ${byRole[role]}`, async () => {
        expect(await callAs(endpoint, role)).toBe(byRole[role]);
      });
    }
  }

  it('records a refused send-as in the audit trail and never logs API keys', async () => {
    expect(await callAs('POST /v1/messages (Afzender 12345678)', 'receiver')).toBe(403);
    const entries = await new AuditLog(gateway.intakeRedis, gateway.prefix).latest(10);
    expect(entries).toContainEqual(
      expect.objectContaining({
        action: 'send-as',
        clientId: 'gemeente',
        outcome: 'refused',
        detail: { afzender: '12345678', messageType: 'WMO305' },
      }),
    );
    for (const key of Object.values(keys)) {
      expect(gateway.logs.text).not.toContain(key.split('.')[1]);
    }
  });
});
