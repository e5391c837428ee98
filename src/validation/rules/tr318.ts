import { defineRule } from './define-rule.js';
import { TR_CROSS_MESSAGE_SOURCE } from './support/cross-message.js';
import { splitDate } from './support/dates.js';

/**
 * Compares with the latest DeclaratiePeriode of this aanbieder at this gemeente. Reported when
 * the period lies before it (IV090: never before the last submitted period; the same period again
 * is a correction and allowed, OP284), or when it skips months while this declaration holds
 * Prestaties in a skipped month (care was delivered then, so the periods should have been
 * consecutive). Error in class Declaratie (DeclaratieAntwoord, inferred placement).
 */
export const TR318 = defineRule({
  id: 'TR318',
  appliesTo: ['WMO323'],
  level: 3,
  retourCode: '8214',
  description:
    'Indien iedere DeclaratiePeriode zorg is geleverd, moet DeclaratiePeriode de kalendermaand volgend op voorgaande DeclaratiePeriode zijn.',
  source: TR_CROSS_MESSAGE_SOURCE,
  check(msg, { register }) {
    const last = register.lastDeclaratiePeriode;
    const current = msg.Declaratie.DeclaratiePeriode.Begindatum;
    if (last === undefined) {
      return [];
    }
    const month = (date: string): number => {
      const { year, month: m } = splitDate(date);
      return year * 12 + m;
    };
    const location = '/Bericht/Declaratie/DeclaratiePeriode';
    if (month(current) < month(last)) {
      return [{ location, detail: 'DeclaratiePeriode ligt voor de vorige DeclaratiePeriode' }];
    }
    const gapFrom = month(last) + 1;
    const gapTo = month(current) - 1;
    if (gapTo < gapFrom) {
      return [];
    }
    const careInGap = msg.Declaratie.Clienten.some((client) =>
      client.Prestaties.some((prestatie) => {
        const m = month(prestatie.ProductPeriode.Begindatum);
        return m >= gapFrom && m <= gapTo;
      }),
    );
    return careInGap
      ? [
          {
            location,
            detail: 'Een tussenliggende maand met geleverde zorg is niet gedeclareerd',
          },
        ]
      : [];
  },
});
