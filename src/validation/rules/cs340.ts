import { defineRule, type Finding } from './define-rule.js';
import { addMonths, nextDay } from './support/dates.js';
import { CD_CS_SOURCE } from './support/sources.js';

/**
 * As the XSLT: Begindatum is day 1, and Einddatum + 1 day = Begindatum + 1 month. So the
 * period is exactly one calendar month, ending on its last day (28/29 February by leap year).
 */
export const CS340 = defineRule({
  id: 'CS340',
  appliesTo: ['WMO323'],
  level: 2,
  retourCode: '0001',
  description: 'De periode is exact gelijk aan 1 hele kalendermaand',
  source: CD_CS_SOURCE,
  check(msg) {
    const { Begindatum: begin, Einddatum: eind } = msg.Declaratie.DeclaratiePeriode;
    if (begin.endsWith('-01') && nextDay(eind) === addMonths(begin, 1, 'carry')) {
      return [];
    }
    const finding: Finding = {
      location: '/Bericht/Declaratie/DeclaratiePeriode',
      detail: 'DeclaratiePeriode is niet precies één hele kalendermaand',
    };
    return [finding];
  },
});
