import { defineRule } from './define-rule.js';
import { TR_CROSS_MESSAGE_SOURCE } from './support/cross-message.js';
import { afwijkendToegewezenProduct } from './support/toegewezen-product.js';

/**
 * Only when the toewijzing has a Product (OP302). Credits are not judged on content: a credit reverses an approved debet and the gemeente may
 * not refuse it on other than technical grounds (IV085).
 */
export const TR339 = defineRule({
  id: 'TR339',
  appliesTo: ['WMO323'],
  level: 3,
  retourCode: '9339',
  description:
    'ProductCategorie in Prestatie moet gelijk zijn aan ProductCategorie in het ToegewezenProduct indien deze opgenomen is.',
  source: TR_CROSS_MESSAGE_SOURCE,
  check(msg, { register }) {
    return afwijkendToegewezenProduct(msg, register, 'ProductCategorie');
  },
});
