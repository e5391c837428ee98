import { defineRule, type Finding } from './define-rule.js';
import { forEachContractLine, isDeliveryKind } from './support/contract-line-facts.js';
import { prestatieXPath } from './support/external-sources.js';

/**
 * Invoiced on time (§6.8 eis 88, §7.3): the DeclaratieDagtekening (the invoice date) of a
 * delivery is at most `billing.deliveryInvoiceDays` (30) days after the delivery date, the
 * Begindatum of its start (WMO305; without a start GW-C04 refuses the line and no deadline is
 * known); of a month of maintenance at most `billing.maintenanceInvoiceDays` (30) days after
 * the last day of that month. The last day itself is on time. Credits are not judged (IV085).
 */
export const GW_C06 = defineRule({
  id: 'GW-C06',
  appliesTo: ['WMO323'],
  level: 4,
  retourCode: '9319',
  description:
    'Een levering wordt uiterlijk 30 dagen na de afleverdatum gedeclareerd, onderhoud uiterlijk 30 dagen na het einde van de maand (DeclaratieDagtekening, termijnen uit het contract).',
  source: 'contract: invoicing deadlines (Gooi en Vechtstreek §6.8 eis 75 en 88, §7.3)',
  check(msg, ctx) {
    const invoiced = msg.Declaratie.DeclaratieDagtekening;
    const findings: Finding[] = [];
    forEachContractLine(msg, ctx, (facts, prestatie, client) => {
      const deadline = facts.invoiceDeadline;
      if (deadline === undefined || invoiced <= deadline) {
        return;
      }
      const what = isDeliveryKind(facts.kind)
        ? `de levering van ${facts.deliveryDate ?? prestatie.ProductPeriode.Begindatum}`
        : `het onderhoud van ${facts.month ?? prestatie.ProductPeriode.Begindatum}`;
      findings.push({
        location: `${prestatieXPath(msg, client, prestatie)}/ProductPeriode`,
        detail: `${what} had uiterlijk ${deadline} gedeclareerd moeten worden (DeclaratieDagtekening ${invoiced})`,
      });
    });
    return findings;
  },
});
