import { defineRule, type Finding } from './define-rule.js';
import { TR_SOURCE } from './support/sources.js';

export const TR353 = defineRule({
  id: 'TR353',
  appliesTo: ['WMO317'],
  level: 2,
  retourCode: '0001',
  description:
    'Bij een verzoek om wijziging komt minstens 1 TeWijzigenProduct of NieuwProduct voor.',
  source: TR_SOURCE,
  check(msg) {
    const verzoek = msg.Client.Verzoek;
    if ((verzoek.TeWijzigenProducten?.length ?? 0) + (verzoek.NieuweProducten?.length ?? 0) > 0) {
      return [];
    }
    const finding: Finding = {
      location: '/Bericht/Client/Verzoek',
      detail: 'Verzoek zonder TeWijzigenProduct en zonder NieuwProduct',
    };
    return [finding];
  },
});
