import { messageParties } from '../../domain/register/index.js';
import { defineRule, type Finding } from './define-rule.js';
import {
  CLIENT,
  clientOf,
  declaratieClientPath,
  prestatieToewijzing,
  TR_CROSS_MESSAGE_SOURCE,
} from './support/cross-message.js';

/**
 * The client must be known: it has a toewijzing from this gemeente to this aanbieder. In a
 * WMO323 a Prestatie on a toewijzing of another client of the same aanbieder does not belong to
 * this client either. The code goes on Client; its Prestaties are then not assessed (0233, fact
 * sheet §7.2). WMO325 is listed too, but the gateway builds 325s and never judges one on level 3.
 */
export const TR304 = defineRule({
  id: 'TR304',
  appliesTo: ['WMO317', 'WMO323'],
  level: 3,
  retourCode: '8187',
  description: 'Bsn moet overeenkomen met Bsn van een Client.',
  source: TR_CROSS_MESSAGE_SOURCE,
  check(msg, { register }) {
    if (msg.type === 'WMO317') {
      return clientOf(register, msg.Client.Bsn).known
        ? []
        : [{ location: `${CLIENT}/Bsn`, detail: 'Geen toewijzing voor deze client bekend' }];
    }
    const parties = messageParties(msg.type, msg.header);
    const findings: Finding[] = [];
    for (const client of msg.Declaratie.Clienten) {
      const view = clientOf(register, client.Bsn);
      const foreign = client.Prestaties.some(
        (prestatie) =>
          prestatieToewijzing(register, parties, view, prestatie).kind === 'other-client',
      );
      if (!view.known || foreign) {
        findings.push({
          location: declaratieClientPath(msg, client),
          detail: view.known
            ? 'Een Prestatie verwijst naar een toewijzing van een andere client'
            : 'Geen toewijzing voor deze client bekend',
        });
      }
    }
    return findings;
  },
});
