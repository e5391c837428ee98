import { BERICHT_SUBVERSIE } from '../../domain/message-types.js';
import { defineRule, type Finding } from './define-rule.js';
import { CD_CS_SOURCE } from './support/sources.js';

/** Enforced by the XSD pattern (level 1); re-verified here. */
export const CS015 = defineRule({
  id: 'CS015',
  appliesTo: ['WMO301', 'WMO305', 'WMO307', 'WMO315', 'WMO317', 'WMO319', 'WMO323', 'WMO325'],
  level: 2,
  retourCode: '0001',
  description: 'BerichtSubversie vullen met 2.',
  source: CD_CS_SOURCE,
  enforcedByXsd: true,
  check(msg) {
    if (msg.header.BerichtSubversie === BERICHT_SUBVERSIE) {
      return [];
    }
    const finding: Finding = {
      location: '/Bericht/Header/BerichtSubversie',
      detail: 'BerichtSubversie is niet 2',
    };
    return [finding];
  },
});
