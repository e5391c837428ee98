import { defineRule } from './define-rule.js';
import { TR_CROSS_MESSAGE_SOURCE } from './support/cross-message.js';
import { omvangZonderProduct } from './support/omvang-zonder-product.js';

/**
 * For a generic toewijzing (no Product) the change carries no Omvang. "Einddatum" is read as the
 * TeWijzigenProduct's own Einddatum, as CD096 does for NieuwProduct.
 */
export const TR375 = defineRule({
  id: 'TR375',
  appliesTo: ['WMO317'],
  level: 3,
  retourCode: '9375',
  description:
    'Indien Product in de toewijzing met ToewijzingNummer leeg is en Einddatum groter dan 31-12-2020 of leeg is, dan leeg laten.',
  source: TR_CROSS_MESSAGE_SOURCE,
  check(msg, { register }) {
    return omvangZonderProduct(
      msg,
      register,
      (toewijzing) => toewijzing.product === undefined,
      'Omvang bij een toewijzing zonder Product',
    );
  },
});
