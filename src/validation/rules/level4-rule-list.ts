import type { Rule } from './define-rule.js';
import { GW_C01 } from './gw-c01.js';
import { GW_C02 } from './gw-c02.js';
import { GW_C03 } from './gw-c03.js';

/**
 * The gateway's own contract rules (level 4, ids `GW-C…`; docs/rules.md "Contract rules"). The
 * level-4 rules of the standard (TR135, TR346, TR378, TR381, TR418) are in the main list
 * (rule-list.ts); the level-4 registry takes both.
 */
export const CONTRACT_RULES: readonly Rule[] = Object.freeze([GW_C01, GW_C02, GW_C03]);
