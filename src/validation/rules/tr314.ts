import { messageParties } from '../../domain/register/index.js';
import { defineRule, type Finding } from './define-rule.js';
import { declaratieLines, TR_CROSS_MESSAGE_SOURCE } from './support/cross-message.js';

/**
 * Unique per aanbieder (OP283), kept per aanbieder and gemeente; within the message the later
 * repeats are reported. Only approved Prestaties enter the register: a rejected one counts as not
 * sent and its ReferentieNummer may be used again.
 */
export const TR314 = defineRule({
  id: 'TR314',
  appliesTo: ['WMO323'],
  level: 3,
  retourCode: '8021',
  description:
    'ReferentieNummer van de Prestatie moet uniek zijn voor de aanbieder binnen het wettelijk domein waarop de Prestatie betrekking heeft, zowel binnen één bericht als berichtoverstijgend.',
  source: TR_CROSS_MESSAGE_SOURCE,
  check(msg, { register }) {
    const findings: Finding[] = [];
    const seen = new Set<string>();
    for (const line of declaratieLines(msg, register, messageParties(msg.type, msg.header))) {
      const referentie = line.prestatie.ProductReferentie.ReferentieNummer;
      if (register.prestaties.has(referentie) || seen.has(referentie)) {
        findings.push({
          location: `${line.path()}/ProductReferentie/ReferentieNummer`,
          detail: 'Dit ReferentieNummer is al aangeleverd',
        });
      }
      seen.add(referentie);
    }
    return findings;
  },
});
