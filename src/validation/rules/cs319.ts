import { defineRule, type Finding } from './define-rule.js';
import { CD_CS_SOURCE } from './support/sources.js';

/** Enforced by the WMO323 XSD pattern `([a-zA-Z0-9])+` (level 1); re-verified here. */
const ALFANUMERIEK = /^[a-zA-Z0-9]+$/;

export const CS319 = defineRule({
  id: 'CS319',
  appliesTo: ['WMO323'],
  level: 2,
  retourCode: '0001',
  description: 'Aaneengesloten vullen met cijfers en/of letters',
  source: CD_CS_SOURCE,
  enforcedByXsd: true,
  check(msg) {
    if (ALFANUMERIEK.test(msg.Declaratie.DeclaratieNummer)) {
      return [];
    }
    const finding: Finding = {
      location: '/Bericht/Declaratie/DeclaratieNummer',
      detail: 'DeclaratieNummer bevat andere tekens dan cijfers en letters',
    };
    return [finding];
  },
});
