import { defineRule } from './define-rule.js';
import { locate } from './support/located.js';
import { CD_CS_SOURCE } from './support/sources.js';

/** As the XSLT (checkDateEquals): only checked when Einddatum is present. */
const PRODUCTEN = '/Bericht/Client/ToegewezenProducten';

export const CS335 = defineRule({
  id: 'CS335',
  appliesTo: ['WMO301'],
  level: 2,
  retourCode: '0001',
  description:
    'RedenWijziging 13 (verwijderd) mag alleen gebruikt worden indien de ingangsdatum gelijk is aan de einddatum',
  source: CD_CS_SOURCE,
  check(msg) {
    return locate(msg.Client.ToegewezenProducten, PRODUCTEN, 'ToegewezenProduct')
      .filter(
        ({ item }) =>
          item.RedenWijziging === '13' &&
          item.Einddatum !== undefined &&
          item.Einddatum !== item.Ingangsdatum,
      )
      .map(({ path }) => ({
        location: `${path}/RedenWijziging`,
        detail: 'RedenWijziging 13 terwijl Einddatum niet gelijk is aan Ingangsdatum',
      }));
  },
});
