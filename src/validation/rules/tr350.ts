import { defineRule } from './define-rule.js';
import { productsWithoutActualToewijzing } from './support/actual-toewijzing.js';
import { TR_CROSS_MESSAGE_SOURCE } from './support/cross-message.js';

/**
 * Actual as in TR349.
 */
export const TR350 = defineRule({
  id: 'TR350',
  appliesTo: ['WMO317'],
  level: 3,
  retourCode: '9350',
  description:
    'Ieder OngewijzigdProduct in een verzoek om wijziging bericht is gerelateerd aan een actueel toegewezen product op basis van het ToewijzingNummer.',
  source: TR_CROSS_MESSAGE_SOURCE,
  check(msg, { register }) {
    return productsWithoutActualToewijzing(
      msg,
      register,
      msg.Client.Verzoek.OngewijzigdeProducten,
      'OngewijzigdeProducten',
      'OngewijzigdProduct',
    );
  },
});
