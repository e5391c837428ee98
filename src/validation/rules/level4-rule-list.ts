import type { Rule } from './define-rule.js';
import { GW_C01 } from './gw-c01.js';
import { GW_C02 } from './gw-c02.js';
import { GW_C03 } from './gw-c03.js';
import { GW_C04 } from './gw-c04.js';
import { GW_C05 } from './gw-c05.js';
import { GW_C06 } from './gw-c06.js';
import { GW_C07 } from './gw-c07.js';
import { GW_C08 } from './gw-c08.js';
import { GW_C09 } from './gw-c09.js';

/**
 * The gateway's own contract rules (level 4, ids `GW-C…`; docs/rules.md "Contract rules"). The
 * level-4 rules of the standard (TR135, TR346, TR378, TR381, TR418) are in the main list
 * (rule-list.ts); the level-4 registry takes both. GW-C04…GW-C09 also read the register view
 * (the start and stop behind a line, the open debets of its toewijzing) and judge nothing
 * without it.
 */
export const CONTRACT_RULES: readonly Rule[] = Object.freeze([
  GW_C01,
  GW_C02,
  GW_C03,
  GW_C04,
  GW_C05,
  GW_C06,
  GW_C07,
  GW_C08,
  GW_C09,
]);
