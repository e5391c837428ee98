/**
 * The iWmo 3.2 message catalogue (fact sheet §2.1).
 *
 * Terminology (Dutch term → identifier in this code base):
 * - heenbericht (initiating message) → `HeenMessageType`; retourbericht → `RetourMessageType`
 * - berichtcode (Header/BerichtCode, e.g. 414) → `berichtCode`
 * - retourcode (WJ001 code in a retour, e.g. 0001, 9056) → `RetourCode`
 * - toewijzing (allocation, WMO301), declaratie (declaration, WMO323), declaratie-antwoord (WMO325)
 * - regel-id (rule id such as TR101, CS002) → `RuleId`
 * Identifiers that mirror XML elements keep the iStandaard spelling (`BerichtIdentificatie`);
 * code-level concepts are in English.
 */

export const IWMO_RELEASE = '3.2';
export const BERICHT_VERSIE = '3';
export const BERICHT_SUBVERSIE = '2';
export const BASISSCHEMA_NAMESPACE = 'http://www.istandaarden.nl/iwmo/3_2/basisschema/schema';

/** The XSD versions every iWmo 3.2 schema declares in its appinfo (IV034). */
export const XSD_VERSIONS = { basisschema: '1.0.0', bericht: '1.0.0' } as const;

export const MESSAGE_TYPES = [
  'WMO301',
  'WMO302',
  'WMO305',
  'WMO306',
  'WMO307',
  'WMO308',
  'WMO315',
  'WMO316',
  'WMO317',
  'WMO318',
  'WMO319',
  'WMO320',
  'WMO323',
  'WMO325',
] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

export const HEEN_MESSAGE_TYPES = [
  'WMO301',
  'WMO305',
  'WMO307',
  'WMO315',
  'WMO317',
  'WMO319',
  'WMO323',
] as const;
export type HeenMessageType = (typeof HEEN_MESSAGE_TYPES)[number];
export type RetourMessageType = Exclude<MessageType, HeenMessageType>;

/** Which kind of party a header code identifies: a CBS gemeentecode or an AGB code. */
export type PartyKind = 'gemeente' | 'aanbieder';

export interface MessageTypeSpec {
  readonly type: MessageType;
  readonly berichtCode: string;
  readonly namespace: string;
  /** Dutch title of the message. */
  readonly title: string;
  readonly afzender: PartyKind;
  readonly ontvanger: PartyKind;
  /** The message that answers this one (retour, or 325 for 323); absent for retours and 325. */
  readonly answeredBy?: MessageType;
  /** For retours and 325: the heen message they answer. */
  readonly answers?: HeenMessageType;
}

const NS = (n: string): string => `http://www.istandaarden.nl/iwmo/3_2/wmo${n}/schema`;

export const MESSAGE_CATALOGUE: Readonly<Record<MessageType, MessageTypeSpec>> = {
  WMO301: {
    type: 'WMO301',
    berichtCode: '414',
    namespace: NS('301'),
    title: 'Toewijzing',
    afzender: 'gemeente',
    ontvanger: 'aanbieder',
    answeredBy: 'WMO302',
  },
  WMO302: {
    type: 'WMO302',
    berichtCode: '415',
    namespace: NS('302'),
    title: 'Toewijzing retour',
    afzender: 'gemeente',
    ontvanger: 'aanbieder',
    answers: 'WMO301',
  },
  WMO305: {
    type: 'WMO305',
    berichtCode: '418',
    namespace: NS('305'),
    title: 'Start levering',
    afzender: 'aanbieder',
    ontvanger: 'gemeente',
    answeredBy: 'WMO306',
  },
  WMO306: {
    type: 'WMO306',
    berichtCode: '419',
    namespace: NS('306'),
    title: 'Start levering retour',
    afzender: 'aanbieder',
    ontvanger: 'gemeente',
    answers: 'WMO305',
  },
  WMO307: {
    type: 'WMO307',
    berichtCode: '420',
    namespace: NS('307'),
    title: 'Stop levering',
    afzender: 'aanbieder',
    ontvanger: 'gemeente',
    answeredBy: 'WMO308',
  },
  WMO308: {
    type: 'WMO308',
    berichtCode: '421',
    namespace: NS('308'),
    title: 'Stop levering retour',
    afzender: 'aanbieder',
    ontvanger: 'gemeente',
    answers: 'WMO307',
  },
  WMO315: {
    type: 'WMO315',
    berichtCode: '444',
    namespace: NS('315'),
    title: 'Verzoek om toewijzing',
    afzender: 'aanbieder',
    ontvanger: 'gemeente',
    answeredBy: 'WMO316',
  },
  WMO316: {
    type: 'WMO316',
    berichtCode: '445',
    namespace: NS('316'),
    title: 'Verzoek om toewijzing retour',
    afzender: 'aanbieder',
    ontvanger: 'gemeente',
    answers: 'WMO315',
  },
  WMO317: {
    type: 'WMO317',
    berichtCode: '480',
    namespace: NS('317'),
    title: 'Verzoek om wijziging',
    afzender: 'aanbieder',
    ontvanger: 'gemeente',
    answeredBy: 'WMO318',
  },
  WMO318: {
    type: 'WMO318',
    berichtCode: '481',
    namespace: NS('318'),
    title: 'Verzoek om wijziging retour',
    afzender: 'aanbieder',
    ontvanger: 'gemeente',
    answers: 'WMO317',
  },
  WMO319: {
    type: 'WMO319',
    berichtCode: '482',
    namespace: NS('319'),
    title: 'Antwoordbericht',
    afzender: 'gemeente',
    ontvanger: 'aanbieder',
    answeredBy: 'WMO320',
  },
  WMO320: {
    type: 'WMO320',
    berichtCode: '483',
    namespace: NS('320'),
    title: 'Antwoordbericht retour',
    afzender: 'gemeente',
    ontvanger: 'aanbieder',
    answers: 'WMO319',
  },
  WMO323: {
    type: 'WMO323',
    berichtCode: '484',
    namespace: NS('323'),
    title: 'Declaratie',
    afzender: 'aanbieder',
    ontvanger: 'gemeente',
    answeredBy: 'WMO325',
  },
  WMO325: {
    type: 'WMO325',
    berichtCode: '485',
    namespace: NS('325'),
    title: 'Declaratie-antwoord',
    afzender: 'gemeente',
    ontvanger: 'aanbieder',
    answers: 'WMO323',
  },
};

const BY_NAMESPACE = new Map(Object.values(MESSAGE_CATALOGUE).map((s) => [s.namespace, s]));

/** Finds the message type for a root element namespace, or undefined for anything else. */
export function messageTypeForNamespace(namespace: string): MessageTypeSpec | undefined {
  return BY_NAMESPACE.get(namespace);
}

export function isHeenMessageType(type: MessageType): type is HeenMessageType {
  return (HEEN_MESSAGE_TYPES as readonly string[]).includes(type);
}
