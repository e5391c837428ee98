import { GatewayError } from '../../errors/index.js';
import { callerMayRead } from '../../parties/index.js';
import type { AllocationView } from '../../register/index.js';
import type { GatewayApp } from '../gateway-app.js';

/** What the route needs from the register (RedisRegister implements it). */
export interface AllocationReader {
  readAllocation(gemeente: string, toewijzingNummer: string): Promise<AllocationView | undefined>;
}

const GEMEENTE = /^[0-9]{4}$/;
const NUMMER = /^\+?[0-9]{1,9}$/;

/**
 * GET /v1/allocations/:toewijzingNummer?gemeente=<CBS code> (docs/api.md): one toewijzing as the
 * register knows it: every version, the actual one, its starts and stops and what has been
 * declared and granted against it. Scoped per gemeente (ToewijzingNummers are unique per
 * gemeente, TR332). A party sees the toewijzingen of its own gemeente or aanbieder codes; any
 * other answers 404, so that the existence of a toewijzing does not leak.
 */
export function registerAllocationRoutes(app: GatewayApp, register: AllocationReader): void {
  app.get<{ Params: { toewijzingNummer: string }; Querystring: { gemeente?: string } }>(
    '/v1/allocations/:toewijzingNummer',
    async (request) => {
      const { toewijzingNummer } = request.params;
      const gemeente = request.query.gemeente;
      if (gemeente === undefined || !GEMEENTE.test(gemeente) || !NUMMER.test(toewijzingNummer)) {
        throw new GatewayError('GW_ERR_API_BAD_REQUEST', {
          message: 'Use /v1/allocations/<ToewijzingNummer>?gemeente=<4-digit CBS code>',
        });
      }
      const allocation = await register.readAllocation(gemeente, toewijzingNummer);
      if (
        allocation === undefined ||
        !callerMayRead(request.caller, allocation.gemeente, allocation.aanbieder)
      ) {
        throw new GatewayError('GW_ERR_API_NOT_FOUND');
      }
      return allocation;
    },
  );
}
