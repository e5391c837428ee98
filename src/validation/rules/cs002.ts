import { defineRule, type Finding } from './define-rule.js';
import {
  clientPath,
  DECLARATIE,
  DECLARATIE_ANTWOORD,
  type DeclaratieClient,
} from './support/located.js';
import { CD_CS_SOURCE } from './support/sources.js';

/**
 * The 11-proef exactly as the XSLT's check11proef: (9·d1 + 8·d2 + … + 2·d8 − d9) mod 11 = 0
 * (fact sheet §4.3). Like the XSLT, 000000000 passes.
 */
export function passes11Proef(bsn: string): boolean {
  if (!/^[0-9]{9}$/.test(bsn)) {
    return false;
  }
  let sum = 0;
  for (let i = 0; i < 8; i += 1) {
    sum += (9 - i) * Number(bsn[i]);
  }
  sum -= Number(bsn[8]);
  return sum % 11 === 0;
}

const DETAIL = 'Bsn voldoet niet aan de 11-proef';

function check11(bsn: string, location: string): Finding[] {
  return passes11Proef(bsn) ? [] : [{ location, detail: DETAIL }];
}

function checkClienten(clienten: readonly DeclaratieClient[], root: string): Finding[] {
  return clienten.flatMap((client) =>
    check11(client.Bsn, `${clientPath(root, clienten.length, client)}/Bsn`),
  );
}

export const CS002 = defineRule({
  id: 'CS002',
  appliesTo: ['WMO301', 'WMO305', 'WMO307', 'WMO315', 'WMO317', 'WMO323', 'WMO325'],
  level: 2,
  retourCode: '0001',
  description: 'De waarde moet voldoen aan de 11-proef.',
  source: CD_CS_SOURCE,
  check(msg) {
    switch (msg.type) {
      case 'WMO301':
      case 'WMO305':
      case 'WMO307':
      case 'WMO315':
      case 'WMO317':
        return check11(msg.Client.Bsn, '/Bericht/Client/Bsn');
      case 'WMO323':
        return checkClienten(msg.Declaratie.Clienten, DECLARATIE);
      case 'WMO325':
        return checkClienten(msg.DeclaratieAntwoord?.Clienten ?? [], DECLARATIE_ANTWOORD);
    }
  },
});
