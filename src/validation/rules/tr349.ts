import { canonicalNummer, isActueel, messageParties } from '../../domain/register/index.js';
import { defineRule } from './define-rule.js';
import { CLIENT, clientOf, TR_CROSS_MESSAGE_SOURCE } from './support/cross-message.js';

/**
 * Actual = not deleted and valid on or after the Dagtekening of the VOW (or starting later). The
 * Dagtekening is the reference date, so the check never reads a clock (STYLE §C11).
 */
export const TR349 = defineRule({
  id: 'TR349',
  appliesTo: ['WMO317'],
  level: 3,
  retourCode: '9349',
  description:
    'Het verzoek om wijziging bericht bevat alle actuele ToegewezenProducten van de client',
  source: TR_CROSS_MESSAGE_SOURCE,
  check(msg, { register }) {
    const { aanbieder } = messageParties(msg.type, msg.header);
    const client = clientOf(register, msg.Client.Bsn);
    const verzoek = msg.Client.Verzoek;
    const listed = new Set(
      [...(verzoek.OngewijzigdeProducten ?? []), ...(verzoek.TeWijzigenProducten ?? [])].map(
        (product) => canonicalNummer(product.ToewijzingNummer),
      ),
    );
    const peildatum = msg.header.BerichtIdentificatie.Dagtekening;
    const missing = client.toewijzingNummers.filter((nummer) => {
      const toewijzing = register.toewijzingen.get(nummer);
      return (
        toewijzing !== undefined &&
        toewijzing.aanbieder === aanbieder &&
        toewijzing.clientId === client.clientId &&
        isActueel(toewijzing, peildatum) &&
        !listed.has(nummer)
      );
    });
    return missing.length === 0
      ? []
      : [
          {
            location: `${CLIENT}/Verzoek`,
            detail: `Actuele toewijzing(en) ontbreken: ${missing.join(', ')}`,
          },
        ];
  },
});
