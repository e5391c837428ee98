import { defineRule } from './define-rule.js';
import { productsWithoutActualToewijzing } from './support/actual-toewijzing.js';
import { TR_CROSS_MESSAGE_SOURCE } from './support/cross-message.js';

/**
 * Actual as in TR349.
 */
export const TR351 = defineRule({
  id: 'TR351',
  appliesTo: ['WMO317'],
  level: 3,
  retourCode: '9351',
  description:
    'Ieder TeWijzigenProduct in een verzoek om wijziging is gerelateerd aan een actueel ToegewezenProduct op basis van ToewijzingNummer.',
  source: TR_CROSS_MESSAGE_SOURCE,
  check(msg, { register }) {
    return productsWithoutActualToewijzing(
      msg,
      register,
      msg.Client.Verzoek.TeWijzigenProducten,
      'TeWijzigenProducten',
      'TeWijzigenProduct',
    );
  },
});
