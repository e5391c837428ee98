import { defineRule } from './define-rule.js';
import { TR_CROSS_MESSAGE_SOURCE } from './support/cross-message.js';
import { omvangZonderProduct } from './support/omvang-zonder-product.js';

/**
 * A change to an aspecific or generic toewijzing (no Code) carries no Omvang when its
 * Einddatum (the TeWijzigenProduct's, as in TR375) is after 2020-12-31 or empty. A toewijzing
 * without Product breaks TR375 and this rule at once; both codes are reported.
 */
export const TR412 = defineRule({
  id: 'TR412',
  appliesTo: ['WMO317'],
  level: 3,
  retourCode: '9412',
  description:
    'Indien Code in Product bij de toewijzing met ToewijzingNummer leeg is en einddatum groter dan 31-12-2020 of leeg is, dan leeg laten',
  source: TR_CROSS_MESSAGE_SOURCE,
  check(msg, { register }) {
    return omvangZonderProduct(
      msg,
      register,
      (toewijzing) => toewijzing.product?.code === undefined,
      'Omvang bij een toewijzing zonder ProductCode',
    );
  },
});
