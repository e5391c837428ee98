import { describe, expect, it } from 'vitest';

import { parseMessage } from '../../../../../src/model/index.js';
import { largeDeclaratie } from '../../../../helpers/model-large-declaratie.js';
import { checkAll } from './level4-fixtures.js';

/**
 * Guards the linear design of level 4 on a large declaration: every contract rule resolves each
 * line once against a memo of the contract snapshot, and builds paths only for findings.
 */
const TIMEOUT_MS = 15_000;

function aidsDeclaration(count: number): string {
  return largeDeclaratie({ count, clients: 5 })
    .replaceAll(
      '<wmo323:ProductCategorie>02</wmo323:ProductCategorie>',
      '<wmo323:ProductCategorie>11</wmo323:ProductCategorie>',
    )
    .replaceAll(
      '<wmo323:ProductCode>02A01</wmo323:ProductCode>',
      '<wmo323:ProductCode>11A01</wmo323:ProductCode>',
    )
    .replaceAll('<wmo323:Eenheid>04</wmo323:Eenheid>', '<wmo323:Eenheid>82</wmo323:Eenheid>')
    .replaceAll(
      '<wmo323:GeleverdVolume>4</wmo323:GeleverdVolume>',
      '<wmo323:GeleverdVolume>1</wmo323:GeleverdVolume>',
    )
    .replaceAll(
      '<wmo323:ProductTarief>1250</wmo323:ProductTarief>',
      '<wmo323:ProductTarief>69967</wmo323:ProductTarief>',
    )
    .replaceAll('<iwmo:Bedrag>5000</iwmo:Bedrag>', '<iwmo:Bedrag>69967</iwmo:Bedrag>')
    .replace(
      '<wmo323:Afzender>87654321</wmo323:Afzender>',
      '<wmo323:Afzender>12345678</wmo323:Afzender>',
    )
    .replace(
      '<wmo323:Ontvanger>0363</wmo323:Ontvanger>',
      '<wmo323:Ontvanger>0402</wmo323:Ontvanger>',
    );
}

describe('checkLevel4 on a large declaration', () => {
  it(
    'judges 20 000 contracted lines and finds nothing',
    () => {
      const message = parseMessage('WMO323', aidsDeclaration(20_000));
      expect(checkAll(message)).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    'reports every line once when all of them carry last year’s price',
    () => {
      const xml = aidsDeclaration(20_000)
        .replaceAll(
          '<wmo323:ProductTarief>69967</wmo323:ProductTarief>',
          '<wmo323:ProductTarief>68361</wmo323:ProductTarief>',
        )
        .replaceAll('<iwmo:Bedrag>69967</iwmo:Bedrag>', '<iwmo:Bedrag>68361</iwmo:Bedrag>');
      const violations = checkAll(parseMessage('WMO323', xml));
      expect(violations).toHaveLength(20_000);
      expect(new Set(violations.map((v) => v.ruleId))).toEqual(new Set(['TR418']));
    },
    TIMEOUT_MS,
  );
});
