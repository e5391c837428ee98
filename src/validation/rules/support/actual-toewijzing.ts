import { isActueel, messageParties, type RegisterView } from '../../../domain/register/index.js';
import type { ParsedMessage, Positioned } from '../../../model/index.js';
import type { Finding } from '../define-rule.js';
import { CLIENT, clientOf, toewijzingOf } from './cross-message.js';
import { locate } from './located.js';

/**
 * The products of a verzoek om wijziging (OngewijzigdProduct for TR350, TeWijzigenProduct for
 * TR351) whose ToewijzingNummer is not an actual toewijzing of this client at this aanbieder on
 * the message's Dagtekening ("actual" as in TR349).
 */
export function productsWithoutActualToewijzing(
  msg: ParsedMessage<'WMO317'>,
  register: RegisterView,
  products: readonly (Positioned & { readonly ToewijzingNummer: string })[] | undefined,
  list: 'OngewijzigdeProducten' | 'TeWijzigenProducten',
  item: 'OngewijzigdProduct' | 'TeWijzigenProduct',
): Finding[] {
  const { aanbieder } = messageParties(msg.type, msg.header);
  const client = clientOf(register, msg.Client.Bsn);
  const peildatum = msg.header.BerichtIdentificatie.Dagtekening;
  const findings: Finding[] = [];
  for (const { item: product, path } of locate(products, `${CLIENT}/Verzoek/${list}`, item)) {
    const toewijzing = toewijzingOf(register, aanbieder, client.clientId, product.ToewijzingNummer);
    if (toewijzing === undefined || !isActueel(toewijzing, peildatum)) {
      findings.push({
        location: `${path}/ToewijzingNummer`,
        detail: 'Geen actuele toewijzing van deze client met dit nummer',
      });
    }
  }
  return findings;
}
