import { canonicalNummer } from '../../domain/register/index.js';
import { defineRule } from './define-rule.js';
import { isDeliveryKind, openDebetKind } from './support/contract-line-facts.js';
import { prestatieXPath } from './support/external-sources.js';
import { slotsTakenTwice } from './support/once-per-toewijzing.js';

/**
 * An aid is delivered, and declared, once per toewijzing (§7.1: one all-in price per aid): a
 * delivery line is refused while an approved delivery debet of the same toewijzing stands
 * uncredited in the register, or when an earlier line of the same message already declares a
 * delivery on it. A credit of that debet in the same message releases it first (OP366), so a
 * credit and a corrected re-declaration may travel together. A repeat with the same
 * ProductPeriode, category and code is TR389's (across messages) or TR416's (in one message) and
 * not reported twice. Judged only with the register; credits are not judged (IV085).
 */
export const GW_C05 = defineRule({
  id: 'GW-C05',
  appliesTo: ['WMO323'],
  level: 4,
  retourCode: '9389',
  description:
    'Een levering wordt per toewijzing één keer gedeclareerd: er is geen niet gecrediteerde debetprestatie voor levering op dezelfde toewijzing, ook niet eerder in hetzelfde bericht.',
  source: 'contract: prices and billing (Gooi en Vechtstreek §7.1, §6.8 eis 75, §7.3)',
  check(msg, ctx) {
    return slotsTakenTwice(msg, ctx, {
      slot: (facts, prestatie) =>
        isDeliveryKind(facts.kind) ? canonicalNummer(prestatie.ToewijzingNummer) : undefined,
      takes: (debet, facts) => {
        const kind = openDebetKind(facts.contract, facts.supplier, debet);
        return kind !== undefined && isDeliveryKind(kind);
      },
      finding: (prestatie, client, open) => ({
        location: `${prestatieXPath(msg, client, prestatie)}/ToewijzingNummer`,
        detail:
          open === undefined
            ? `de levering op toewijzing ${prestatie.ToewijzingNummer} staat al eerder in dit bericht`
            : `de levering op toewijzing ${prestatie.ToewijzingNummer} is al gedeclareerd (ProductPeriode ${open.begin} tot en met ${open.end}, declaratie ${open.declaratieNummer}) en niet gecrediteerd`,
      }),
    });
  },
});
