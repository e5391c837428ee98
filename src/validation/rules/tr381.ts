import { defineRule } from './define-rule.js';
import { gemeenteOf, judgeNamedProducts, TR_EXTERNAL_SOURCE } from './support/external-sources.js';

/** A code of the national product code list: two digits of the category, then three more. */
const NATIONAL_CODE = /^[0-9]{2}[0-9A-Z]{3}$/;

/**
 * The ProductCode must belong to the ProductCategorie "volgens de gehanteerde productcodelijst"
 * (IV075: the national list, or the gemeente's own list by contract). When a contract of the
 * gemeente lists the code, its catalogue is that list; otherwise a code of the national form
 * (`01A01`, `11X52`) belongs to the category of its first two digits. A code of another form in
 * no catalogue is a bilateral code the gateway cannot judge; GW-C02 reports a code missing from
 * a contract that governs the category.
 */
export const TR381 = defineRule({
  id: 'TR381',
  appliesTo: ['WMO301', 'WMO305', 'WMO307', 'WMO315', 'WMO317', 'WMO323'],
  level: 4,
  retourCode: 'S329',
  description:
    'ProductCode vullen met een code die, volgens de gehanteerde productcodelijst, past bij de ProductCategorie.',
  source: TR_EXTERNAL_SOURCE,
  check(msg, { contracts }) {
    const gemeente = gemeenteOf(msg).code;
    return judgeNamedProducts(msg, (categorie, code) => {
      const listed = contracts.categoriesOfCode(gemeente, code);
      if (listed !== undefined) {
        return listed.has(categorie)
          ? undefined
          : `ProductCode ${code} hoort volgens het contract bij categorie ${[...listed].join(', ')}, niet bij ${categorie}`;
      }
      return NATIONAL_CODE.test(code) && !code.startsWith(categorie)
        ? `ProductCode ${code} hoort bij categorie ${code.slice(0, 2)}, niet bij ${categorie}`
        : undefined;
    });
  },
});
