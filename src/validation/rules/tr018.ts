import { defineRule, type Finding } from './define-rule.js';
import { compareDates } from './support/dates.js';
import { locate } from './support/located.js';
import { TR_SOURCE } from './support/sources.js';

export const TR018 = defineRule({
  id: 'TR018',
  appliesTo: ['WMO307'],
  level: 2,
  retourCode: '0001',
  description: 'Einddatum moet groter dan of gelijk zijn aan Begindatum.',
  source: TR_SOURCE,
  check(msg) {
    const findings: Finding[] = [];
    for (const { item, path } of locate(
      msg.Client.StopProducten,
      '/Bericht/Client/StopProducten',
      'StopProduct',
    )) {
      if (compareDates(item.Begindatum, item.Einddatum) > 0) {
        findings.push({ location: `${path}/Einddatum`, detail: 'Einddatum ligt voor Begindatum' });
      }
    }
    return findings;
  },
});
