import { messageParties } from '../../domain/register/index.js';
import { defineRule, type Finding } from './define-rule.js';
import {
  CLIENT,
  clientOf,
  toewijzingOf,
  TR_CROSS_MESSAGE_SOURCE,
} from './support/cross-message.js';
import { locate } from './support/located.js';

/**
 * A changed Budget, or a changed total over the period (Frequentie 6, TBGT), starts at the
 * Ingangsdatum of the actual toewijzing (IV092).
 */
export const TR373 = defineRule({
  id: 'TR373',
  appliesTo: ['WMO317'],
  level: 3,
  retourCode: '9373',
  description:
    'Indien in een TeWijzigenProduct het Budget of het totaal over toewijzingsperiode wordt gewijzigd, dient GewensteIngangsdatum gelijk te zijn aan de actuele toewijzing',
  source: TR_CROSS_MESSAGE_SOURCE,
  check(msg, { register }) {
    const { aanbieder } = messageParties(msg.type, msg.header);
    const client = clientOf(register, msg.Client.Bsn);
    const findings: Finding[] = [];
    for (const { item, path } of locate(
      msg.Client.Verzoek.TeWijzigenProducten,
      `${CLIENT}/Verzoek/TeWijzigenProducten`,
      'TeWijzigenProduct',
    )) {
      const toewijzing = toewijzingOf(register, aanbieder, client.clientId, item.ToewijzingNummer);
      if (toewijzing === undefined) {
        continue; // TR351 reports it
      }
      const omvang = item.Omvang;
      const budgetGewijzigd = item.Budget !== undefined && item.Budget !== toewijzing.budget;
      const tbgtGewijzigd =
        omvang?.Frequentie === '6' &&
        !(
          toewijzing.omvang?.frequentie === '6' &&
          toewijzing.omvang.volume === omvang.Volume &&
          toewijzing.omvang.eenheid === omvang.Eenheid
        );
      if (
        (budgetGewijzigd || tbgtGewijzigd) &&
        item.GewensteIngangsdatum !== toewijzing.ingangsdatum
      ) {
        findings.push({
          location: `${path}/GewensteIngangsdatum`,
          detail:
            'Budget of totaal binnen geldigheidsduur wijzigt niet vanaf de Ingangsdatum van de toewijzing',
        });
      }
    }
    return findings;
  },
});
