import { defineRule } from './define-rule.js';
import { locate } from './support/located.js';
import { CD_CS_SOURCE } from './support/sources.js';

export const CS058 = defineRule({
  id: 'CS058',
  appliesTo: ['WMO305', 'WMO307'],
  level: 2,
  retourCode: '0001',
  description: '1 (eerste aanlevering) of 3 (verwijderen aanlevering) vullen.',
  source: CD_CS_SOURCE,
  check(msg) {
    const [producten, path, name] =
      msg.type === 'WMO305'
        ? [msg.Client.StartProducten, '/Bericht/Client/StartProducten', 'StartProduct']
        : [msg.Client.StopProducten, '/Bericht/Client/StopProducten', 'StopProduct'];
    return locate(producten, path, name)
      .filter(({ item }) => item.StatusAanlevering !== '1' && item.StatusAanlevering !== '3')
      .map(({ path: location }) => ({
        location: `${location}/StatusAanlevering`,
        detail: 'StatusAanlevering is niet 1 of 3',
      }));
  },
});
