import { monthOf } from '../../contract/index.js';
import { canonicalNummer, debetKey } from '../../domain/register/index.js';
import { defineRule, type Finding } from './define-rule.js';
import {
  forEachContractLine,
  isReleased,
  openDebetKind,
  sameDebetKey,
} from './support/contract-line-facts.js';
import { prestatieXPath } from './support/external-sources.js';

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
    if (ctx.register === undefined) {
      return [];
    }
    const findings: Finding[] = [];
    const earlier = new Map<string, Set<string>>();
    forEachContractLine(msg, ctx, (facts, prestatie, client) => {
      if (facts.register?.toewijzing === undefined || facts.kind !== 'maintenance') {
        return;
      }
      const month = monthOf(prestatie.ProductPeriode.Begindatum);
      const slot = `${canonicalNummer(prestatie.ToewijzingNummer)}|${month}`;
      const key = debetKey(prestatie);
      const inMessage = earlier.get(slot) ?? new Set<string>();
      const open = facts.register.openDebets.find(
        (debet) =>
          monthOf(debet.begin) === month &&
          openDebetKind(facts.contract, facts.supplier, debet) === 'maintenance' &&
          !sameDebetKey(debet, prestatie) &&
          !isReleased(msg, debet),
      );
      // O(1): another key is there when the set holds two, or one that is not this line's.
      const repeated = inMessage.size > 1 || (inMessage.size === 1 && !inMessage.has(key));
      if (open !== undefined || repeated) {
        findings.push({
          location: `${prestatieXPath(msg, client, prestatie)}/ProductPeriode`,
          detail:
            open === undefined
              ? `onderhoud van ${month} op toewijzing ${prestatie.ToewijzingNummer} staat al eerder in dit bericht`
              : `onderhoud van ${month} op toewijzing ${prestatie.ToewijzingNummer} is al gedeclareerd (ProductPeriode ${open.begin} tot en met ${open.end}, declaratie ${open.declaratieNummer}) en niet gecrediteerd`,
        });
      }
      inMessage.add(key);
      earlier.set(slot, inMessage);
    });
    return findings;
  },
});
