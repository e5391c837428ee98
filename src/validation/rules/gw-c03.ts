import { tariffTerm } from '../../contract/index.js';
import { defineRule, type Finding } from './define-rule.js';
import { forEachDebetLine, prestatieXPath } from './support/external-sources.js';

/**
 * A contracted product is declared in a unit the contract prices it in: a driving lesson per
 * lesson (the lesson's unit, €80 each unless the contract says otherwise; TR418 checks the
 * amount), a delivery in the contract's delivery unit, maintenance in its maintenance unit and
 * only for products with separate maintenance (never for the orthosis), an hourly tariff per
 * hour or, by IV081, per minute. Credits are not judged (IV085).
 */
export const GW_C03 = defineRule({
  id: 'GW-C03',
  appliesTo: ['WMO323'],
  level: 4,
  retourCode: '0611',
  description:
    'De Eenheid is een eenheid waarin het contract het product prijst (rijles per les; geen apart onderhoud voor een orthese).',
  source: 'contract: prices and declaration (Gooi en Vechtstreek §7.1, §7.2, §7.3)',
  check(msg, { contracts }) {
    const findings: Finding[] = [];
    forEachDebetLine(msg, (prestatie, contractLine, client) => {
      const resolution = contracts.resolve(contractLine);
      if (resolution.kind !== 'contracted') {
        return;
      }
      const { contract, supplier, product } = resolution;
      const eenheid = prestatie.Eenheid;
      const term = tariffTerm(contract, supplier, product, eenheid, contractLine.begin);
      if (term.kind === 'wrong-unit') {
        findings.push({
          location: `${prestatieXPath(msg, client, prestatie)}/Eenheid`,
          detail: `${product.iwmoCode} wordt volgens het contract gedeclareerd in Eenheid ${term.allowed.join(' of ')}, niet ${eenheid}`,
        });
      }
    });
    return findings;
  },
});
