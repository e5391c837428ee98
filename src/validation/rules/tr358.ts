import { defineRule, type Finding } from './define-rule.js';
import { TR_SOURCE } from './support/sources.js';

/**
 * Σ debet − Σ credit of the Prestaties' IngediendBedrag must equal the total: TotaalBedrag with
 * DebetCredit D when the result is ≥ 0, TotaalBedrag = |result| with C when it is negative. As in
 * the XSLT, a zero total with C also matches (CS325 rejects that combination separately).
 * Amounts are integers (eurocents), so the sums are exact.
 */
export const TR358 = defineRule({
  id: 'TR358',
  appliesTo: ['WMO323'],
  level: 2,
  retourCode: '0001',
  description:
    'De waarde van TotaalBedrag in TotaalIngediendBedrag  moet gelijk zijn aan de SOM van de waarden van Bedrag in Ingediendbedrag in alle onderliggende Prestaties, rekening houdend met indicatie debet/credit.',
  source: TR_SOURCE,
  check(msg) {
    let som = 0;
    for (const client of msg.Declaratie.Clienten) {
      for (const prestatie of client.Prestaties) {
        const { Bedrag: bedrag, DebetCredit: dc } = prestatie.IngediendBedrag;
        som += dc === 'D' ? bedrag : -bedrag;
      }
    }
    const totaal = msg.Declaratie.TotaalIngediendBedrag;
    const verwacht = totaal.DebetCredit === 'D' ? som : -som;
    if (totaal.TotaalBedrag === verwacht) {
      return [];
    }
    const finding: Finding = {
      location: '/Bericht/Declaratie/TotaalIngediendBedrag',
      detail:
        'TotaalIngediendBedrag is niet gelijk aan de som van debet min credit van de Prestaties',
    };
    return [finding];
  },
});
