import { defineRule } from './define-rule.js';
import { locate } from './support/located.js';
import { CD_CS_SOURCE } from './support/sources.js';

const PRODUCTEN = '/Bericht/Client/ToegewezenProducten';

export const CS336 = defineRule({
  id: 'CS336',
  appliesTo: ['WMO301'],
  level: 2,
  retourCode: '0001',
  description: '01 (Administratieve correctie (vervallen)) niet gebruiken',
  source: CD_CS_SOURCE,
  check(msg) {
    return locate(msg.Client.ToegewezenProducten, PRODUCTEN, 'ToegewezenProduct')
      .filter(({ item }) => item.RedenWijziging === '01')
      .map(({ path }) => ({
        location: `${path}/RedenWijziging`,
        detail: 'RedenWijziging 01 (vervallen) gebruikt',
      }));
  },
});
