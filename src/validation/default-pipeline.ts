import type { MessageType } from '../domain/message-types.js';
import type { MessageHeader } from '../model/header.js';
import { readHeader, subtree, text } from '../model/read-header.js';
import { parseXmlTree } from '../model/xml-tree.js';
import type { DeclaratieTotals } from '../retour/answer-message.js';
import type { Pipeline } from './pipeline.js';
import type { XsdValidator } from './xsd/xsd-validator.js';

export interface HeaderOnlyMessage {
  readonly type: MessageType;
  readonly header: MessageHeader;
  readonly declaratie?: DeclaratieTotals;
}

function parse(type: MessageType, xml: string): HeaderOnlyMessage {
  const bericht = subtree(parseXmlTree(xml), 'Bericht');
  const header = readHeader(subtree(bericht, 'Header'));
  if (type !== 'WMO323') {
    return { type, header };
  }
  const declaratie = subtree(bericht, 'Declaratie');
  const totaal = subtree(declaratie, 'TotaalIngediendBedrag');
  return {
    type,
    header,
    declaratie: {
      DeclaratieNummer: text(declaratie, 'DeclaratieNummer'),
      TotaalIngediendBedrag: {
        TotaalBedrag: Number(text(totaal, 'TotaalBedrag')),
        DebetCredit: text(totaal, 'DebetCredit') === 'C' ? 'C' : 'D',
      },
    },
  };
}

/** The gateway's validation pipeline: XSD (level 1) and the rule stages in order. */
export function createDefaultPipeline(xsd: XsdValidator): Pipeline<HeaderOnlyMessage> {
  return { xsd, parse, stages: [] };
}

export function declaratieTotalsOf(message: HeaderOnlyMessage): DeclaratieTotals | undefined {
  return message.declaratie;
}
