import { defineRule, type Finding } from './define-rule.js';
import { locate } from './support/located.js';
import { CD_CS_SOURCE } from './support/sources.js';

export const CD043 = defineRule({
  id: 'CD043',
  appliesTo: ['WMO315'],
  level: 2,
  retourCode: '0001',
  description: 'Indien Beschikkingnummer gevuld is, verplicht vullen, anders leeg laten.',
  source: CD_CS_SOURCE,
  check(msg) {
    const findings: Finding[] = [];
    const producten = locate(
      msg.Client.AangevraagdeProducten,
      '/Bericht/Client/AangevraagdeProducten',
      'AangevraagdProduct',
    );
    for (const { item, path } of producten) {
      if ((item.BeschikkingNummer === undefined) !== (item.BeschikkingIngangsdatum === undefined)) {
        findings.push({
          location: `${path}/BeschikkingIngangsdatum`,
          detail:
            item.BeschikkingNummer === undefined
              ? 'BeschikkingIngangsdatum gevuld zonder BeschikkingNummer'
              : 'BeschikkingNummer gevuld zonder BeschikkingIngangsdatum',
        });
      }
    }
    return findings;
  },
});
