import { defineRule, type Finding } from './define-rule.js';
import { CD_CS_SOURCE } from './support/sources.js';

export const CD007 = defineRule({
  id: 'CD007',
  appliesTo: ['WMO301'],
  level: 2,
  retourCode: '0001',
  description:
    'Als Communicatie / Vorm de waarde 1 (tolk taal) heeft, dan verplicht vullen, anders leeglaten.',
  source: CD_CS_SOURCE,
  check(msg) {
    const communicatie = msg.Client.Communicatie;
    if (
      communicatie === undefined ||
      (communicatie.Taal !== undefined) === (communicatie.Vorm === '1')
    ) {
      return [];
    }
    const finding: Finding = {
      location: '/Bericht/Client/Communicatie/Taal',
      detail:
        communicatie.Taal === undefined
          ? 'Vorm is 1 (tolk taal) maar Taal is leeg'
          : 'Taal gevuld terwijl Vorm niet 1 is',
    };
    return [finding];
  },
});
