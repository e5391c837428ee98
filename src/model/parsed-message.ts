import type { MessageType } from '../domain/message-types.js';
import type { MessageHeader } from './header.js';
import type { DeclaratieAntwoordHeader, RetourHeader } from './retour-header.js';
import type { Wmo301Client } from './wmo301.js';
import type { Wmo305Client } from './wmo305.js';
import type { Wmo307Client } from './wmo307.js';
import type { Wmo315Client } from './wmo315.js';
import type { Wmo317Client } from './wmo317.js';
import type { Wmo319Antwoord } from './wmo319.js';
import type { Wmo323Declaratie } from './wmo323.js';
import type { Wmo325DeclaratieAntwoord } from './wmo325.js';

/**
 * The typed model of one XSD-valid iWmo 3.2 message, discriminated on `type`. Body properties
 * mirror the root's children (`Client`, `Antwoord`, `Declaratie`, `DeclaratieAntwoord`). A retour
 * is its heen class tree with RetourCodes per class and a root child that may be absent
 * (fact sheet §3.3).
 */
export interface Wmo301Message {
  readonly type: 'WMO301';
  readonly header: MessageHeader;
  readonly Client: Wmo301Client;
}

export interface Wmo302Message {
  readonly type: 'WMO302';
  readonly header: RetourHeader;
  readonly Client?: Wmo301Client<'retour'>;
}

export interface Wmo305Message {
  readonly type: 'WMO305';
  readonly header: MessageHeader;
  readonly Client: Wmo305Client;
}

export interface Wmo306Message {
  readonly type: 'WMO306';
  readonly header: RetourHeader;
  readonly Client?: Wmo305Client<'retour'>;
}

export interface Wmo307Message {
  readonly type: 'WMO307';
  readonly header: MessageHeader;
  readonly Client: Wmo307Client;
}

export interface Wmo308Message {
  readonly type: 'WMO308';
  readonly header: RetourHeader;
  readonly Client?: Wmo307Client<'retour'>;
}

export interface Wmo315Message {
  readonly type: 'WMO315';
  readonly header: MessageHeader;
  readonly Client: Wmo315Client;
}

export interface Wmo316Message {
  readonly type: 'WMO316';
  readonly header: RetourHeader;
  readonly Client?: Wmo315Client<'retour'>;
}

export interface Wmo317Message {
  readonly type: 'WMO317';
  readonly header: MessageHeader;
  readonly Client: Wmo317Client;
}

export interface Wmo318Message {
  readonly type: 'WMO318';
  readonly header: RetourHeader;
  readonly Client?: Wmo317Client<'retour'>;
}

export interface Wmo319Message {
  readonly type: 'WMO319';
  readonly header: MessageHeader;
  readonly Antwoord: Wmo319Antwoord;
}

export interface Wmo320Message {
  readonly type: 'WMO320';
  readonly header: RetourHeader;
  readonly Antwoord?: Wmo319Antwoord<'retour'>;
}

export interface Wmo323Message {
  readonly type: 'WMO323';
  readonly header: MessageHeader;
  readonly Declaratie: Wmo323Declaratie;
}

export interface Wmo325Message {
  readonly type: 'WMO325';
  readonly header: DeclaratieAntwoordHeader;
  readonly DeclaratieAntwoord?: Wmo325DeclaratieAntwoord;
}

export type AnyParsedMessage =
  | Wmo301Message
  | Wmo302Message
  | Wmo305Message
  | Wmo306Message
  | Wmo307Message
  | Wmo308Message
  | Wmo315Message
  | Wmo316Message
  | Wmo317Message
  | Wmo318Message
  | Wmo319Message
  | Wmo320Message
  | Wmo323Message
  | Wmo325Message;

/**
 * The parsed message for one message type, or (default) the union over all 14.
 * `ParsedMessage<'WMO301' | 'WMO317'>` is the union of those two variants.
 */
export type ParsedMessage<T extends MessageType = MessageType> = Extract<
  AnyParsedMessage,
  { readonly type: T }
>;
