import type { StufVersie } from './build-ggk-envelope.js';

/**
 * How the gateway names itself in the envelopes it sends: `zender/applicatie` (3–50 characters)
 * and `applicatieVersie`/`applicatieSubversie` (four digits each; package version 0.1 → 0000/0001).
 */
export const GATEWAY_APPLICATIE = 'iWmo-gateway';
export const GATEWAY_APPLICATIE_VERSIE: StufVersie = { versie: '0000', subversie: '0001' };
