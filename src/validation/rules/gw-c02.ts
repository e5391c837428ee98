import { defineRule, type Finding } from './define-rule.js';
import { forEachDebetLine, prestatieXPath } from './support/external-sources.js';

/**
 * A line of a product category that a contract of the gemeente governs must name a product of
 * that contract's catalogue. A code that the catalogue lists under another category is TR381's
 * (S329) and not reported again here.
 */
export const GW_C02 = defineRule({
  id: 'GW-C02',
  appliesTo: ['WMO323'],
  level: 4,
  retourCode: 'S329',
  description:
    'De ProductCode staat in de productcatalogus van het contract dat de ProductCategorie voor de gemeente regelt.',
  source: 'contract: product catalogue (Gooi en Vechtstreek §1.14, §5.1, Bijlage I)',
  check(msg, { contracts }) {
    const findings: Finding[] = [];
    forEachDebetLine(msg, (prestatie, contractLine, client) => {
      const resolution = contracts.resolve(contractLine);
      if (
        resolution.kind === 'not-in-catalogue' &&
        contracts.categoriesOfCode(contractLine.gemeente, contractLine.iwmoCode) === undefined
      ) {
        findings.push({
          location: `${prestatieXPath(msg, client, prestatie)}/ProductCode`,
          detail: `ProductCode ${contractLine.iwmoCode} staat niet in de productcatalogus van ${resolution.contracts.map((c) => c.terms.id).join(', ')}`,
        });
      }
    });
    return findings;
  },
});
