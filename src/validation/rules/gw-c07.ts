import { isBillableMonth } from '../../contract/index.js';
import { defineRule, type Finding } from './define-rule.js';
import { forEachContractLine } from './support/contract-line-facts.js';
import { prestatieXPath } from './support/external-sources.js';

/**
 * Maintenance only for the months the aid is out at the client, by the 15th-of-the-month rule
 * (§6.8 eis 75, `billing.monthCutoffDay`): delivered (the start's Begindatum) on day 1–15 →
 * from that month, later → from the next; taken back (the actual stop's Einddatum) on day 1–15 →
 * up to the month before, later → up to and including that month. The month of a line is the
 * month of its ProductPeriode (one calendar month: CS337, TR387, TR388). A line without a start
 * is GW-C04's. Judged only with the register; credits are not judged (IV085).
 */
export const GW_C07 = defineRule({
  id: 'GW-C07',
  appliesTo: ['WMO323'],
  level: 4,
  retourCode: '0611',
  description:
    'Onderhoud wordt alleen gedeclareerd voor een maand waarin het hulpmiddel volgens start en stop bij de cliënt is, volgens het 15e-van-de-maand-principe.',
  source: 'contract: maintenance billing (Gooi en Vechtstreek §6.8 eis 75 en 88, §7.3)',
  check(msg, ctx) {
    if (ctx.register === undefined) {
      return [];
    }
    const findings: Finding[] = [];
    forEachContractLine(msg, ctx, (facts, prestatie, client) => {
      const months = facts.billableMonths;
      const start = facts.register?.start;
      if (
        facts.kind !== 'maintenance' ||
        facts.register?.toewijzing === undefined ||
        start === undefined ||
        months === undefined ||
        facts.month === undefined ||
        isBillableMonth(facts.month, months)
      ) {
        return;
      }
      const stop = facts.register.stop;
      const range =
        months.last === undefined
          ? `vanaf ${months.first}`
          : months.last < months.first
            ? 'geen enkele maand'
            : `${months.first} tot en met ${months.last}`;
      findings.push({
        location: `${prestatieXPath(msg, client, prestatie)}/ProductPeriode`,
        detail: `onderhoud van ${facts.month} is niet declarabel: geleverd ${start.begindatum}${stop === undefined ? '' : `, ingenomen ${stop.einddatum}`}, declarabel ${range} (15e van de maand)`,
      });
    });
    return findings;
  },
});
