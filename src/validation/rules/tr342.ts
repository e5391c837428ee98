import type { TotaalBedragMetDC } from '../../model/index.js';
import { defineRule, type Finding } from './define-rule.js';
import { DECLARATIE_ANTWOORD } from './support/located.js';
import { TR_SOURCE } from './support/sources.js';

/** Debet positive, credit negative (XSLT). */
function signed(bedrag: TotaalBedragMetDC): number {
  return bedrag.DebetCredit === 'C' ? -bedrag.TotaalBedrag : bedrag.TotaalBedrag;
}

/**
 * As XSLT 2.10.5: when DeclaratieAntwoord carries any RetourCode other than 0200 or 8001, the
 * Prestaties were not assessed and TotaalToegekendBedrag must be 0. Otherwise the returned
 * (rejected) Prestaties must explain the difference: Σ signed IngediendBedrag = signed
 * TotaalIngediendBedrag − signed TotaalToegekendBedrag. Amounts are integers (eurocents), so the
 * sums are exact.
 */
export const TR342 = defineRule({
  id: 'TR342',
  appliesTo: ['WMO325'],
  level: 2,
  retourCode: '0001',
  description:
    'Alleen afgewezen Prestaties dienen meegestuurd te worden in het declaratie-antwoordbericht op een declaratie.',
  source: TR_SOURCE,
  check(msg) {
    const antwoord = msg.DeclaratieAntwoord;
    if (antwoord === undefined) {
      return [];
    }
    const toegekend = signed(antwoord.TotaalToegekendBedrag);
    const afgekeurd = antwoord.RetourCodes.some((code) => code !== '0200' && code !== '8001');
    if (afgekeurd) {
      return toegekend === 0
        ? []
        : [
            {
              location: `${DECLARATIE_ANTWOORD}/TotaalToegekendBedrag`,
              detail: 'DeclaratieAntwoord is afgekeurd, maar TotaalToegekendBedrag is niet 0',
            },
          ];
    }
    let teruggestuurd = 0;
    for (const client of antwoord.Clienten ?? []) {
      for (const prestatie of client.Prestaties) {
        teruggestuurd +=
          prestatie.IngediendBedrag.DebetCredit === 'D'
            ? prestatie.IngediendBedrag.Bedrag
            : -prestatie.IngediendBedrag.Bedrag;
      }
    }
    if (teruggestuurd === signed(antwoord.TotaalIngediendBedrag) - toegekend) {
      return [];
    }
    const finding: Finding = {
      location: `${DECLARATIE_ANTWOORD}/TotaalToegekendBedrag`,
      detail:
        'Som van de afgewezen Prestaties is niet gelijk aan TotaalIngediendBedrag min TotaalToegekendBedrag',
    };
    return [finding];
  },
});
