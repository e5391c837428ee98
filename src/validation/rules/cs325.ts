import type { DebetCredit } from '../../model/index.js';
import { defineRule, type Finding } from './define-rule.js';
import {
  DECLARATIE,
  DECLARATIE_ANTWOORD,
  type DeclaratieClient,
  prestatiePath,
} from './support/located.js';
import { CD_CS_SOURCE } from './support/sources.js';

export const CS325 = defineRule({
  id: 'CS325',
  appliesTo: ['WMO323', 'WMO325'],
  level: 2,
  retourCode: '0001',
  description: 'Indien (Totaal)Bedrag de waarde 0 heeft, dan DebetCredit vullen met D (Debet).',
  source: CD_CS_SOURCE,
  check(msg) {
    const findings: Finding[] = [];
    const check = (bedrag: number, dc: DebetCredit, location: string): void => {
      if (bedrag === 0 && dc === 'C') {
        findings.push({
          location: `${location}/DebetCredit`,
          detail: 'Bedrag 0 met DebetCredit C',
        });
      }
    };
    const prestaties = (clienten: readonly DeclaratieClient[], root: string): void => {
      for (const client of clienten) {
        for (const prestatie of client.Prestaties) {
          const { Bedrag: bedrag, DebetCredit: dc } = prestatie.IngediendBedrag;
          if (bedrag === 0 && dc === 'C') {
            check(
              bedrag,
              dc,
              `${prestatiePath(root, clienten.length, client, prestatie)}/IngediendBedrag`,
            );
          }
        }
      }
    };
    if (msg.type === 'WMO323') {
      const totaal = msg.Declaratie.TotaalIngediendBedrag;
      check(totaal.TotaalBedrag, totaal.DebetCredit, `${DECLARATIE}/TotaalIngediendBedrag`);
      prestaties(msg.Declaratie.Clienten, DECLARATIE);
    } else if (msg.DeclaratieAntwoord !== undefined) {
      const antwoord = msg.DeclaratieAntwoord;
      const ingediend = antwoord.TotaalIngediendBedrag;
      const toegekend = antwoord.TotaalToegekendBedrag;
      check(
        ingediend.TotaalBedrag,
        ingediend.DebetCredit,
        `${DECLARATIE_ANTWOORD}/TotaalIngediendBedrag`,
      );
      check(
        toegekend.TotaalBedrag,
        toegekend.DebetCredit,
        `${DECLARATIE_ANTWOORD}/TotaalToegekendBedrag`,
      );
      prestaties(antwoord.Clienten ?? [], DECLARATIE_ANTWOORD);
    }
    return findings;
  },
});
