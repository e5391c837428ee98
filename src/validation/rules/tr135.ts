import { defineRule } from './define-rule.js';
import { compareDates } from './support/dates.js';
import { TR_EXTERNAL_SOURCE } from './support/external-sources.js';

/**
 * The message's Dagtekening may not lie after the system date (retourcode text of 8848). "Today"
 * is the Dutch calendar date of the injected clock (iWmo dates have no time zone), read once per
 * message by the pipeline, never by the rule. The XSD already guarantees an existing date.
 */
export const TR135 = defineRule({
  id: 'TR135',
  appliesTo: ['WMO301', 'WMO305', 'WMO307', 'WMO315', 'WMO317', 'WMO319', 'WMO323', 'WMO325'],
  level: 4,
  retourCode: '8848',
  description: 'Vullen met een bestaande datum die niet in de toekomst ligt.',
  source: TR_EXTERNAL_SOURCE,
  check(msg, { today }) {
    const dagtekening = msg.header.BerichtIdentificatie.Dagtekening;
    if (compareDates(dagtekening, today) <= 0) {
      return [];
    }
    return [
      {
        location: '/Bericht/Header/BerichtIdentificatie/Dagtekening',
        detail: `Dagtekening ${dagtekening} ligt na de systeemdatum ${today}`,
      },
    ];
  },
});
