import { defineRule, type Finding } from './define-rule.js';
import { locate } from './support/located.js';
import { CD_CS_SOURCE } from './support/sources.js';

/** TypeVerwijzer 02 huisarts, 03 jeugdarts, 04 gecertificeerde instelling, 05 medisch specialist. */
const MET_ZORGVERLENERCODE = new Set(['02', '03', '04', '05']);

export const CD066 = defineRule({
  id: 'CD066',
  appliesTo: ['WMO315'],
  level: 2,
  retourCode: '0001',
  description:
    'Als type verwijzer gelijk is aan 02, 03, 04 of 05 en ZorgverlenerCode is gevuld, dan is Naamverwijzer leeg.',
  source: CD_CS_SOURCE,
  check(msg) {
    const findings: Finding[] = [];
    const producten = locate(
      msg.Client.AangevraagdeProducten,
      '/Bericht/Client/AangevraagdeProducten',
      'AangevraagdProduct',
    );
    for (const { item, path } of producten) {
      const verwijzer = item.Verwijzer;
      if (
        MET_ZORGVERLENERCODE.has(verwijzer.Type) &&
        verwijzer.ZorgverlenerCode !== undefined &&
        verwijzer.Naam !== undefined
      ) {
        findings.push({
          location: `${path}/Verwijzer/Naam`,
          detail: 'Naam gevuld terwijl ZorgverlenerCode gevuld is',
        });
      }
    }
    return findings;
  },
});
