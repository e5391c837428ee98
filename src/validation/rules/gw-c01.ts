import { defineRule, type Finding } from './define-rule.js';
import { forEachDebetLine, prestatieXPath } from './support/external-sources.js';

/**
 * The supplier must be a contracted supplier of the gemeente on every day of the ProductPeriode:
 * inside a phase of the contract that is in force (an option not exercised is not), while the
 * gemeente takes part, and inside one of the supplier's own periods (a supplier that leaves on
 * the 15th is not contracted on the 16th). Applies only to lines of a product category that a
 * contract of the gemeente governs; credits are not judged (IV085).
 */
export const GW_C01 = defineRule({
  id: 'GW-C01',
  appliesTo: ['WMO323'],
  level: 4,
  retourCode: '0611',
  description:
    'De aanbieder is op iedere dag van de ProductPeriode een gecontracteerde aanbieder van de gemeente voor dit product.',
  source: 'contract: parties and period (Gooi en Vechtstreek §1.2, §1.8, §1.9)',
  check(msg, { contracts }) {
    const findings: Finding[] = [];
    forEachDebetLine(msg, (prestatie, contractLine, client) => {
      const resolution = contracts.resolve(contractLine);
      if (resolution.kind === 'not-contracted') {
        const { gap } = resolution;
        findings.push({
          location: `${prestatieXPath(msg, client, prestatie)}/ProductPeriode`,
          detail: `aanbieder ${contractLine.supplier} heeft geen contract met gemeente ${contractLine.gemeente} voor ${contractLine.iwmoCode} van ${gap.start} tot en met ${gap.end ?? contractLine.end}`,
        });
      }
    });
    return findings;
  },
});
