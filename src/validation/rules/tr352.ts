import { defineRule, type Finding } from './define-rule.js';
import { TR_SOURCE } from './support/sources.js';

export const TR352 = defineRule({
  id: 'TR352',
  appliesTo: ['WMO317'],
  level: 2,
  retourCode: '0001',
  description:
    'Bij een verzoek om wijziging komt minstens 1 OngewijzigdProduct of TeWijzigenProduct voor.',
  source: TR_SOURCE,
  check(msg) {
    const verzoek = msg.Client.Verzoek;
    if (
      (verzoek.OngewijzigdeProducten?.length ?? 0) + (verzoek.TeWijzigenProducten?.length ?? 0) >
      0
    ) {
      return [];
    }
    const finding: Finding = {
      location: '/Bericht/Client/Verzoek',
      detail: 'Verzoek zonder OngewijzigdProduct en zonder TeWijzigenProduct',
    };
    return [finding];
  },
});
