import { defineRule } from './define-rule.js';
import { TR_CROSS_MESSAGE_SOURCE } from './support/cross-message.js';

/**
 * The register keeps every Identificatie per sender and BerichtCode of the messages it accepted;
 * a rejected message counts as not sent (OP286), so its Identificatie may be used again. An error
 * in the Header: the retour is header-only with 9056 (fact sheet §7.1).
 */
export const TR056 = defineRule({
  id: 'TR056',
  appliesTo: ['WMO301', 'WMO305', 'WMO307', 'WMO315', 'WMO317', 'WMO319', 'WMO323'],
  level: 3,
  retourCode: '9056',
  description: 'Identificatie moet per berichtsoort uniek zijn voor de verzendende partij.',
  source: TR_CROSS_MESSAGE_SOURCE,
  check(_msg, { register }) {
    return register.identificatieUsed
      ? [
          {
            location: '/Bericht/Header/BerichtIdentificatie/Identificatie',
            detail: 'De verzender gebruikte deze Identificatie al voor deze BerichtCode',
          },
        ]
      : [];
  },
});
