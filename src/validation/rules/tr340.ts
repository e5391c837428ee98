import { defineRule } from './define-rule.js';
import { TR_CROSS_MESSAGE_SOURCE } from './support/cross-message.js';
import { afwijkendToegewezenProduct } from './support/toegewezen-product.js';

/**
 * Only when the toewijzing has a Product Code (specifiek, OP302). Credits are not judged on content: a credit reverses an approved debet and the gemeente may
 * not refuse it on other than technical grounds (IV085).
 */
export const TR340 = defineRule({
  id: 'TR340',
  appliesTo: ['WMO323'],
  level: 3,
  retourCode: '9340',
  description:
    'ProductCode in Prestatie moet gelijk zijn aan ProductCode in het ToegewezenProduct, indien deze opgenomen is.',
  source: TR_CROSS_MESSAGE_SOURCE,
  check(msg, { register }) {
    return afwijkendToegewezenProduct(msg, register, 'ProductCode');
  },
});
