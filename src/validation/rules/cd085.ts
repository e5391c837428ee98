import { defineRule, type Finding } from './define-rule.js';
import { CD_CS_SOURCE } from './support/sources.js';

export const CD085 = defineRule({
  id: 'CD085',
  appliesTo: ['WMO319'],
  level: 2,
  retourCode: '0001',
  description: 'Als VerzoekAntwoord de waarde 1 (Verzoek afgewezen) heeft, dan vullen',
  source: CD_CS_SOURCE,
  check(msg) {
    const antwoord = msg.Antwoord;
    if (antwoord.VerzoekAntwoord !== '1' || antwoord.RedenAfwijzingVerzoek !== undefined) {
      return [];
    }
    const finding: Finding = {
      location: '/Bericht/Antwoord/RedenAfwijzingVerzoek',
      detail: 'VerzoekAntwoord is 1 (verzoek afgewezen) maar RedenAfwijzingVerzoek is leeg',
    };
    return [finding];
  },
});
