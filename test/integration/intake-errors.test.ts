import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';

import { AuditLog } from '../../src/audit/audit-log.js';
import { createDeliveryQueue, DeliveryStore } from '../../src/delivery/index.js';
import { buildApp } from '../../src/intake/index.js';
import { PartyDirectory } from '../../src/parties/index.js';
import { createFailFastConnection } from '../../src/queue/connections.js';
import { createInboundQueue } from '../../src/queue/inbound-queue.js';
import { findFreePort } from '../../src/redis/free-port.js';
import { BodyCipher, MessageStore } from '../../src/store/index.js';
import { GatewayHarness } from '../helpers/gateway-harness.js';
import { validSample, withElementText } from '../helpers/sample-messages.js';

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol9 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">]>
<wmo301:Bericht xmlns:wmo301="http://www.istandaarden.nl/iwmo/3_2/wmo301/schema">&lol9;</wmo301:Bericht>`;

const XXE = `<?xml version="1.0"?>
<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<wmo301:Bericht xmlns:wmo301="http://www.istandaarden.nl/iwmo/3_2/wmo301/schema">&xxe;</wmo301:Bericht>`;

describe('intake answers bad input with a specific error', () => {
  let gateway: GatewayHarness | undefined;
  afterEach(async () => {
    await gateway?.close();
    gateway = undefined;
  });

  const cases: [string, string | Buffer, string, number, string][] = [
    ['not well-formed XML', '<a><b></a>', 'application/xml', 400, 'GW_ERR_INTAKE_NOT_WELL_FORMED'],
    ['an empty body', '', 'application/xml', 400, 'GW_ERR_INTAKE_EMPTY_BODY'],
    ['a billion-laughs DTD', BILLION_LAUGHS, 'application/xml', 400, 'GW_ERR_INTAKE_DTD_FORBIDDEN'],
    ['an external entity (XXE)', XXE, 'text/xml', 400, 'GW_ERR_INTAKE_DTD_FORBIDDEN'],
    [
      'an iJw message',
      '<jw:Bericht xmlns:jw="http://www.istandaarden.nl/ijw/3_2/jw301/schema"/>',
      'application/xml',
      400,
      'GW_ERR_INTAKE_NOT_IWMO',
    ],
    [
      'a non-iWmo root',
      '<order xmlns="urn:shop"/>',
      'application/xml',
      400,
      'GW_ERR_INTAKE_NOT_IWMO',
    ],
    ['JSON', '{"a":1}', 'application/json', 415, 'GW_ERR_INTAKE_UNSUPPORTED_MEDIA_TYPE'],
    [
      'a UTF-8 BOM',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<a/>')]),
      'application/xml',
      400,
      'GW_ERR_INTAKE_ENCODING',
    ],
    [
      'invalid UTF-8',
      Buffer.from([0x3c, 0x61, 0xff, 0x2f, 0x3e]),
      'application/xml',
      400,
      'GW_ERR_INTAKE_ENCODING',
    ],
  ];

  it.each(cases)('refuses %s', async (_name, payload, contentType, status, code) => {
    gateway = await GatewayHarness.create();
    const answer = await gateway.post(payload, contentType);
    expect(answer.status).toBe(status);
    expect(answer.body).toMatchObject({ code, message: expect.any(String) });
    expect(await gateway.store.pendingBefore(new Date(Date.now() + 1000), 10)).toEqual([]);
  });

  it('refuses a BerichtCode that does not match the namespace', async () => {
    gateway = await GatewayHarness.create();
    const answer = await gateway.post(withElementText(validSample('WMO301'), 'BerichtCode', '418'));
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 'GW_ERR_INTAKE_BERICHTCODE_MISMATCH' });
    expect(String(answer.body['message'])).toContain('WMO305');
  });

  it('refuses a body over the configured limit with 413', async () => {
    gateway = await GatewayHarness.create({ maxMessageBytes: 1024 });
    const answer = await gateway.post(validSample('WMO301').padEnd(4096, ' '));
    expect(answer.status).toBe(413);
    expect(answer.body).toMatchObject({ code: 'GW_ERR_INTAKE_TOO_LARGE' });
  });

  it('answers 503 and acknowledges nothing when Redis is unreachable', async () => {
    const deadPort = await findFreePort();
    const redis = createFailFastConnection(`redis://127.0.0.1:${deadPort}`, {
      retryStrategy: () => null,
    });
    redis.on('error', () => undefined);
    const queue = createInboundQueue(redis, 'unreachable');
    queue.on('error', () => undefined);
    const { createLogger } = await import('../../src/observability/index.js');
    const app = buildApp({
      store: new MessageStore(redis, 'unreachable', new BodyCipher(Buffer.alloc(32))),
      queue,
      redis,
      retry: { attempts: 1, backoffMs: 10 },
      maxMessageBytes: 1_000_000,
      logger: createLogger({ level: 'silent', environment: 'test', name: 'test' }),
      clock: () => new Date(),
      parties: PartyDirectory.openForDevelopment(),
      deliveries: new DeliveryStore(redis, 'unreachable'),
      deliveryQueue: createDeliveryQueue(redis, 'unreachable'),
      deliveryRetry: { attempts: 1, backoffMs: 10 },
      audit: new AuditLog(redis, 'unreachable'),
    });
    const posted = await app.inject({
      method: 'POST',
      url: '/v1/messages',
      headers: { 'content-type': 'application/xml' },
      payload: validSample('WMO301'),
    });
    expect(posted.statusCode).toBe(503);
    expect(posted.json()).toMatchObject({ code: 'GW_ERR_INTAKE_STORE_UNAVAILABLE' });
    const health = await app.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(503);
    await app.close();
    await queue.close().catch(() => undefined);
    redis.disconnect();
  });

  it('answers 404 for an unknown message id', async () => {
    gateway = await GatewayHarness.create();
    const answer = await gateway.app.inject({
      method: 'GET',
      url: '/v1/messages/00000000-0000-4000-8000-000000000000',
    });
    expect(answer.statusCode).toBe(404);
    expect(answer.json()).toMatchObject({ code: 'GW_ERR_API_NOT_FOUND' });
  });

  it('reports healthy only while a worker is connected', async () => {
    gateway = await GatewayHarness.create();
    expect((await gateway.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(503);
    const worker = await gateway.startWorker();
    const healthy = await gateway.app.inject({ method: 'GET', url: '/healthz' });
    expect(healthy.statusCode).toBe(200);
    expect(healthy.json()).toMatchObject({ status: 'ok', redis: 'up', workers: 1 });
    await worker.close();
  });

  it('keeps a stored message whose job was lost and queues it again on reconciliation', async () => {
    gateway = await GatewayHarness.create();
    const posted = await gateway.post(validSample('WMO301'));
    const id = posted.body['id'] as string;
    await gateway.queue.remove(id);
    expect(await gateway.queue.getJob(id)).toBeUndefined();
    const { reconcilePending } = await import('../../src/queue/reconcile-pending.js');
    const report = await reconcilePending(
      {
        store: gateway.store,
        queue: gateway.queue,
        retry: { attempts: 1, backoffMs: 10 },
        logger: gateway.logger,
      },
      new Date(Date.now() + 60_000),
      1_000,
    );
    expect(report).toEqual({ requeued: 1, markedFailed: 0 });
    await gateway.startWorker();
    expect((await gateway.waitForDecision(id)).status).toBe('accepted');
    const probe = new Redis(gateway.redisUrl);
    expect(await probe.exists(gateway.store.keys.body(id))).toBe(1);
    await probe.quit();
  });
});
