import { defineRule, type Finding } from './define-rule.js';
import { CD_CS_SOURCE } from './support/sources.js';

export const CD086 = defineRule({
  id: 'CD086',
  appliesTo: ['WMO319'],
  level: 2,
  retourCode: '0001',
  description: 'Als VerzoekAntwoord de waarde 2 (Aanvraag in onderzoek) heeft, dan leeg laten',
  source: CD_CS_SOURCE,
  check(msg) {
    const antwoord = msg.Antwoord;
    if (antwoord.VerzoekAntwoord !== '2' || antwoord.RedenAfwijzingVerzoek === undefined) {
      return [];
    }
    const finding: Finding = {
      location: '/Bericht/Antwoord/RedenAfwijzingVerzoek',
      detail: 'VerzoekAntwoord is 2 (aanvraag in onderzoek) maar RedenAfwijzingVerzoek is gevuld',
    };
    return [finding];
  },
});
