import {
  messageParties,
  type RegisterView,
  type ToewijzingVersion,
} from '../../../domain/register/index.js';
import type { ParsedMessage } from '../../../model/index.js';
import type { Finding } from '../define-rule.js';
import { CLIENT, clientOf, toewijzingOf } from './cross-message.js';
import { locate } from './located.js';
import { eindigtNa2020OfOpen } from './toewijzing-klassen.js';

/**
 * The TeWijzigenProducten of a verzoek om wijziging that carry an Omvang although their
 * toewijzing lacks what an Omvang needs (`lacks`: no Product for TR375, no Code for TR412) and
 * their Einddatum (the TeWijzigenProduct's own) is after 2020-12-31 or empty. A product without
 * an actual toewijzing is TR351's and not judged here.
 */
export function omvangZonderProduct(
  msg: ParsedMessage<'WMO317'>,
  register: RegisterView,
  lacks: (toewijzing: ToewijzingVersion) => boolean,
  detail: string,
): Finding[] {
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
    if (lacks(toewijzing) && eindigtNa2020OfOpen(item.Einddatum) && item.Omvang !== undefined) {
      findings.push({ location: `${path}/Omvang`, detail });
    }
  }
  return findings;
}
