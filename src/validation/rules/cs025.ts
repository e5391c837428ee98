import { BERICHT_VERSIE } from '../../domain/message-types.js';
import { defineRule, type Finding } from './define-rule.js';
import { CD_CS_SOURCE } from './support/sources.js';

/** Enforced by the XSD pattern (level 1); re-verified here. */
export const CS025 = defineRule({
  id: 'CS025',
  appliesTo: ['WMO301', 'WMO305', 'WMO307', 'WMO315', 'WMO317', 'WMO319', 'WMO323', 'WMO325'],
  level: 2,
  retourCode: '0001',
  description: 'BerichtVersie vullen met 3.',
  source: CD_CS_SOURCE,
  enforcedByXsd: true,
  check(msg) {
    if (msg.header.BerichtVersie === BERICHT_VERSIE) {
      return [];
    }
    const finding: Finding = {
      location: '/Bericht/Header/BerichtVersie',
      detail: 'BerichtVersie is niet 3',
    };
    return [finding];
  },
});
