import { defineRule, type Finding } from './define-rule.js';
import { compareDates } from './support/dates.js';
import { locate } from './support/located.js';
import { TR_SOURCE } from './support/sources.js';

const VERZOEK = '/Bericht/Client/Verzoek';

export const TR380 = defineRule({
  id: 'TR380',
  appliesTo: ['WMO317'],
  level: 2,
  retourCode: '0001',
  description: 'Vullen met een datum die groter is dan de dagtekening van het bericht.',
  source: TR_SOURCE,
  check(msg) {
    const dagtekening = msg.header.BerichtIdentificatie.Dagtekening;
    const findings: Finding[] = [];
    const nieuw = locate(
      msg.Client.Verzoek.NieuweProducten,
      `${VERZOEK}/NieuweProducten`,
      'NieuwProduct',
    );
    for (const { item, path } of nieuw) {
      if (compareDates(item.GewensteIngangsdatum, dagtekening) <= 0) {
        findings.push({
          location: `${path}/GewensteIngangsdatum`,
          detail: 'GewensteIngangsdatum ligt niet na de Dagtekening van het bericht',
        });
      }
    }
    return findings;
  },
});
