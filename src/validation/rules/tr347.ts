import { defineRule } from './define-rule.js';
import { CLIENT, TR_CROSS_MESSAGE_SOURCE } from './support/cross-message.js';
import { locate } from './support/located.js';

/**
 * A ReferentieAanbieder is used once per aanbieder (OP361). The register is kept per gemeente
 * and aanbieder, which is what the receiving gemeente can check. Repeats inside one WMO315 are
 * TR383 (level 2).
 */
export const TR347 = defineRule({
  id: 'TR347',
  appliesTo: ['WMO315', 'WMO317'],
  level: 3,
  retourCode: '9347',
  description: 'ReferentieAanbieder is uniek voor de aanbieder binnen het wettelijk domein',
  source: TR_CROSS_MESSAGE_SOURCE,
  check(msg, { register }) {
    const detail = 'ReferentieAanbieder is al eerder gebruikt';
    if (msg.type === 'WMO317') {
      return register.verzoeken.has(msg.Client.Verzoek.ReferentieAanbieder)
        ? [{ location: `${CLIENT}/Verzoek/ReferentieAanbieder`, detail }]
        : [];
    }
    return locate(
      msg.Client.AangevraagdeProducten,
      `${CLIENT}/AangevraagdeProducten`,
      'AangevraagdProduct',
    )
      .filter(({ item }) => register.verzoeken.has(item.ReferentieAanbieder))
      .map(({ path }) => ({ location: `${path}/ReferentieAanbieder`, detail }));
  },
});
