import { defineRule, type Finding } from './define-rule.js';
import { TR_SOURCE } from './support/sources.js';

export const TR061 = defineRule({
  id: 'TR061',
  appliesTo: ['WMO301'],
  level: 2,
  retourCode: '0001',
  description:
    "Bij een Client moet minimaal één Adres voorkomen waarvan Soort de waarde '01' (BRP-adres), '02' (Correspondentie-adres) of '03' (Verblijfadres) heeft.",
  source: TR_SOURCE,
  check(msg) {
    const soorten = new Set(msg.Client.Contactgegevens.map((contact) => contact.Soort));
    if (soorten.has('01') || soorten.has('02') || soorten.has('03')) {
      return [];
    }
    const finding: Finding = {
      location: '/Bericht/Client/Contactgegevens',
      detail: 'Geen Contact met Soort 01, 02 of 03',
    };
    return [finding];
  },
});
