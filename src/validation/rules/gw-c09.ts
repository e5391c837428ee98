import { monthOf } from '../../contract/index.js';
import { canonicalNummer } from '../../domain/register/index.js';
import { defineRule } from './define-rule.js';
import { openDebetKind } from './support/contract-line-facts.js';
import { prestatieXPath } from './support/external-sources.js';
import { slotsTakenTwice } from './support/once-per-toewijzing.js';

/**
 * Maintenance is declared at most once per month per toewijzing (§7.3: a monthly amount): a
 * maintenance line is refused while an approved maintenance debet of the same toewijzing for a
 * period in the same month stands uncredited, or when an earlier line of the same message
 * already declares that month. A credit of that debet in the same message releases it first
 * (OP366). A repeat with the same ProductPeriode, category and code is TR389's (across
 * messages) or TR416's (in one message) and not reported twice. Judged only with the register;
 * credits are not judged (IV085).
 */
export const GW_C09 = defineRule({
  id: 'GW-C09',
  appliesTo: ['WMO323'],
  level: 4,
  retourCode: '9389',
  description:
    'Onderhoud wordt per toewijzing ten hoogste één keer per maand gedeclareerd: er is geen niet gecrediteerde debetprestatie voor onderhoud in dezelfde maand, ook niet eerder in hetzelfde bericht.',
  source: 'contract: maintenance billing (Gooi en Vechtstreek §6.8 eis 75, §7.3)',
  check(msg, ctx) {
    return slotsTakenTwice(msg, ctx, {
      slot: (facts, prestatie) =>
        facts.kind === 'maintenance'
          ? `${canonicalNummer(prestatie.ToewijzingNummer)}|${facts.month}`
          : undefined,
      // facts.month: the month of the line's ProductPeriode.
      takes: (debet, facts) =>
        monthOf(debet.begin) === facts.month &&
        openDebetKind(facts.contract, facts.supplier, debet) === 'maintenance',
      finding: (prestatie, client, open) => {
        const month = monthOf(prestatie.ProductPeriode.Begindatum);
        return {
          location: `${prestatieXPath(msg, client, prestatie)}/ProductPeriode`,
          detail:
            open === undefined
              ? `onderhoud van ${month} op toewijzing ${prestatie.ToewijzingNummer} staat al eerder in dit bericht`
              : `onderhoud van ${month} op toewijzing ${prestatie.ToewijzingNummer} is al gedeclareerd (ProductPeriode ${open.begin} tot en met ${open.end}, declaratie ${open.declaratieNummer}) en niet gecrediteerd`,
        };
      },
    });
  },
});
