import { defineRule, type Finding } from './define-rule.js';
import { forEachContractLine, isDeliveryKind } from './support/contract-line-facts.js';
import { prestatieXPath } from './support/external-sources.js';

/**
 * A delivery or a month of maintenance of an aid needs the aid to have been delivered: an actual
 * (not deleted) start (WMO305) of the toewijzing. For a delivery the start's Begindatum is the
 * delivery date (§7.3 "peildatum is afleverdatum") and must lie in the ProductPeriode, so the
 * line is the delivery that start reported. Judged only with the register and only for a line
 * on an actual toewijzing of this client with this supplier (else TR338/TR304 refuse it).
 * Credits are not judged (IV085).
 */
export const GW_C04 = defineRule({
  id: 'GW-C04',
  appliesTo: ['WMO323'],
  level: 4,
  retourCode: '9069',
  description:
    'Voor levering en onderhoud van een hulpmiddel is een actuele start (WMO305) van de toewijzing ontvangen; bij een levering ligt de Begindatum van die start (de afleverdatum) in de ProductPeriode.',
  source: 'contract: billing (Gooi en Vechtstreek §6.8 eis 75 en 88, §7.3)',
  check(msg, ctx) {
    if (ctx.register === undefined) {
      return [];
    }
    const findings: Finding[] = [];
    forEachContractLine(msg, ctx, (facts, prestatie, client) => {
      const register = facts.register;
      const delivery = isDeliveryKind(facts.kind);
      if (register?.toewijzing === undefined || (!delivery && facts.kind !== 'maintenance')) {
        return;
      }
      const start = register.start;
      if (start === undefined) {
        findings.push({
          location: `${prestatieXPath(msg, client, prestatie)}/ToewijzingNummer`,
          detail: `er is geen actuele start (WMO305) ontvangen voor toewijzing ${prestatie.ToewijzingNummer}`,
        });
        return;
      }
      const { Begindatum: begin, Einddatum: end } = prestatie.ProductPeriode;
      if (delivery && (start.begindatum < begin || start.begindatum > end)) {
        findings.push({
          location: `${prestatieXPath(msg, client, prestatie)}/ProductPeriode`,
          detail: `de afleverdatum ${start.begindatum} (start van toewijzing ${prestatie.ToewijzingNummer}) ligt niet in de ProductPeriode ${begin} tot en met ${end}`,
        });
      }
    });
    return findings;
  },
});
