import { messageParties } from '../../domain/register/index.js';
import { defineRule, type Finding } from './define-rule.js';
import { declaratieLines, TR_CROSS_MESSAGE_SOURCE } from './support/cross-message.js';

/**
 * A Prestatie must name a toewijzing of this aanbieder (OP276). A toewijzing of another
 * aanbieder is reported the same way: the sender cannot see it (OP095). One of another client of
 * this aanbieder is TR304 on the Client.
 */
export const TR338 = defineRule({
  id: 'TR338',
  appliesTo: ['WMO323'],
  level: 3,
  retourCode: '9338',
  description:
    'De Prestatie is gerelateerd aan een ToegewezenProduct op basis van het Toewijzingnummer.',
  source: TR_CROSS_MESSAGE_SOURCE,
  check(msg, { register }) {
    const findings: Finding[] = [];
    for (const line of declaratieLines(msg, register, messageParties(msg.type, msg.header))) {
      if (line.relation.kind === 'missing') {
        findings.push({
          location: `${line.path()}/ToewijzingNummer`,
          detail: 'Geen toewijzing van deze aanbieder met dit ToewijzingNummer',
        });
      }
    }
    return findings;
  },
});
