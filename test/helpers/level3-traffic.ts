import { withElfproefDigit } from '../../bench/generate-declaration.js';
import type { HeaderValues } from '../../bench/iwmo-messages.js';
import { type ParsedMessage, parseMessage } from '../../src/model/index.js';
import type { MessageRecord } from '../../src/store/index.js';
import type { GatewayHarness } from './gateway-harness.js';

export const GEMEENTE = '0363';
export const AANBIEDER = '12345678';

/** Synthetic BSNs that pass the 11-proef (test range 9999…), distinct per index. */
export function testBsn(index: number): string {
  for (let k = index * 11; ; k += 1) {
    const bsn = withElfproefDigit(`9999${String(k % 10_000).padStart(4, '0')}`);
    if (bsn !== undefined) {
      return bsn;
    }
  }
}

let sequence = 0;

/** A header from the gemeente (301, 319) to an aanbieder. */
export function fromGemeente(
  dagtekening: string,
  aanbieder = AANBIEDER,
  identificatie = `G${++sequence}`,
): HeaderValues {
  return { afzender: GEMEENTE, ontvanger: aanbieder, identificatie, dagtekening };
}

/** A header from an aanbieder (305, 307, 315, 317, 323) to the gemeente. */
export function fromAanbieder(
  dagtekening: string,
  aanbieder = AANBIEDER,
  identificatie = `A${++sequence}`,
): HeaderValues {
  return { afzender: aanbieder, ontvanger: GEMEENTE, identificatie, dagtekening };
}

export interface Decided {
  readonly id: string;
  readonly record: MessageRecord;
  readonly retourXml: string;
  readonly retour: ParsedMessage;
}

/** Posts a message, waits for its decision and parses its retour. */
export async function submit(gateway: GatewayHarness, xml: string): Promise<Decided> {
  const posted = await gateway.post(xml);
  if (posted.status !== 202) {
    throw new Error(`intake answered ${posted.status}: ${JSON.stringify(posted.body)}`);
  }
  const id = posted.body['id'] as string;
  const record = await gateway.waitForDecision(id);
  const retourXml = await gateway.store.getRetour(id);
  if (retourXml === undefined || record.retourType === undefined) {
    throw new Error(`no retour for ${id} (status ${record.status}, ${record.failureReason})`);
  }
  return { id, record, retourXml, retour: parseMessage(record.retourType, retourXml) };
}
