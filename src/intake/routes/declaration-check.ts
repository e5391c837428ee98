import { setImmediate } from 'node:timers/promises';

import { GatewayError } from '../../errors/index.js';
import { inspectMessage } from '../../xml/inspect-message.js';
import { requireSendAs } from '../accept-message.js';
import type { AppDeps } from '../build-app.js';
import { checkDeclaration, type DeclarationCheckDeps } from '../check-declaration.js';
import type { GatewayApp } from '../gateway-app.js';

/**
 * POST /v1/declarations/check (docs/api.md "Dry run"): judges a WMO323 on levels 1–4 at once and
 * answers what the gateway would decide, with the WMO325, the findings in plain language and the
 * decision record. Stores nothing and changes nothing. The body is checked as for
 * POST /v1/messages (size, content type, encoding, DTD, namespace); the caller must be the
 * supplier that is the Afzender, or an operator.
 */
export function registerDeclarationCheckRoute(
  app: GatewayApp,
  deps: AppDeps,
  check: DeclarationCheckDeps,
): void {
  app.post('/v1/declarations/check', async (request) => {
    const body = request.body;
    if (!Buffer.isBuffer(body)) {
      throw new GatewayError('GW_ERR_INTAKE_UNSUPPORTED_MEDIA_TYPE');
    }
    // Before anything reads the body: the check blocks the intake for as long as it runs.
    if (check.maxBytes !== undefined && body.byteLength > check.maxBytes) {
      throw new GatewayError('GW_ERR_INTAKE_DRY_RUN_TOO_LARGE', {
        details: { bytes: body.byteLength, maxBytes: check.maxBytes },
      });
    }
    const caller = request.caller;
    const identity = inspectMessage(body);
    if (caller.kind !== 'operator') {
      await requireSendAs(deps, caller, identity, request.log);
    }
    if (identity.messageType !== 'WMO323') {
      throw new GatewayError('GW_ERR_INTAKE_NOT_DECLARATION', {
        message: `Only a WMO323 declaration can be checked, not a ${identity.messageType}`,
        details: { messageType: identity.messageType },
      });
    }
    if (!deps.parties.isLocal(identity.receiver)) {
      throw new GatewayError('GW_ERR_INTAKE_NOT_DECLARATION', {
        message: 'The gateway judges declarations only for its own gemeenten (Header/Ontvanger)',
        details: { ontvanger: identity.receiver ?? null },
      });
    }
    const started = performance.now();
    // Reading the header parsed the whole body; let other requests in before the levels 1–4.
    await setImmediate();
    const result = await checkDeclaration(check, body, deps.clock());
    request.log.info(
      {
        outcome: result.outcome,
        controlLevel: result.controlLevel,
        ruleIds: [...new Set(result.findings.map((f) => f.ruleId))],
        prestaties: result.granted + result.refused,
        ms: Math.round(performance.now() - started),
      },
      'declaration checked (dry run)',
    );
    return result;
  });
}
