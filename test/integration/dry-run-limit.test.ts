import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { GatewayHarness } from '../helpers/gateway-harness.js';
import { validSample } from '../helpers/sample-messages.js';

/**
 * The dry run runs on the intake's event loop, linear in the declaration: above DRY_RUN_MAX_BYTES
 * it refuses the body before reading it (docs/contracts.md "Dry run").
 */
describe('POST /v1/declarations/check above DRY_RUN_MAX_BYTES', () => {
  const declaration = Buffer.from(validSample('WMO323'));
  let gateway: GatewayHarness;

  beforeAll(async () => {
    gateway = await GatewayHarness.create({
      level3: true,
      dryRun: true,
      dryRunMaxBytes: declaration.byteLength,
    });
  });
  afterAll(async () => {
    await gateway.close();
  });

  async function check(payload: Buffer) {
    const response = await gateway.app.inject({
      method: 'POST',
      url: '/v1/declarations/check',
      headers: { 'content-type': 'application/xml' },
      payload,
    });
    return { status: response.statusCode, body: response.json<Record<string, unknown>>() };
  }

  it('answers 413 GW_ERR_INTAKE_DRY_RUN_TOO_LARGE with both sizes', async () => {
    const larger = Buffer.concat([declaration, Buffer.from('\n')]);
    const answer = await check(larger);
    expect(answer.status).toBe(413);
    expect(answer.body).toMatchObject({
      code: 'GW_ERR_INTAKE_DRY_RUN_TOO_LARGE',
      details: { bytes: declaration.byteLength + 1, maxBytes: declaration.byteLength },
    });
  });

  it('checks a declaration of exactly the limit', async () => {
    const answer = await check(declaration);
    expect(answer.status).toBe(200);
    expect(answer.body).toHaveProperty('outcome');
  });
});
