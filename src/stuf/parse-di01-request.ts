import type { XmlElement } from 'libxml2-wasm';
import { XmlDocument, XmlParseError } from 'libxml2-wasm';

import { SAFE_PARSE_OPTIONS } from '../validation/xsd/libxml2-wasm-xsd-validator.js';
import { childElement, childText, elementChildren } from './dom-access.js';
import type { EnvelopeSchema } from './envelope-schema.js';
import { describeIssue, type StufFault, stufFault } from './stuf-fault.js';
import {
  GGK_NAMESPACE,
  SOAP11_NAMESPACE,
  SOAP12_NAMESPACE,
  type SoapVersion,
  STUF_NAMESPACE,
} from './stuf-namespaces.js';
import type { Di01Request, StufBestand, StufHeen, StufSysteem } from './stuf-types.js';

/** A Di01 the gateway can work with, or why not (with what could be read, to address the Fo01). */
export type Di01ParseResult =
  | { readonly kind: 'di01'; readonly request: Di01Request }
  | {
      readonly kind: 'refused';
      readonly soapVersion: SoapVersion;
      readonly antwoordOp: Partial<StufHeen>;
      readonly fault: StufFault;
    };

const DOCTYPE_OR_ENTITY = /<!(DOCTYPE|ENTITY)/i;
const DECLARED_ENCODING = /^\uFEFF?<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const DI01 = 'envelopHeenbericht-ggk_Di01';

/**
 * Reads a SOAP request that should carry a StUF-GGk Di01: safely (UTF-8 only, no DTD at all, no
 * network, no entity expansion), validated against the project's envelope schema, then taken
 * apart into stuurgegevens, parameters and the base64-decoded payload. `defaultVersion` is the
 * SOAP version to answer in when the body is not a SOAP envelope at all.
 */
export function parseDi01Request(
  body: Uint8Array,
  schema: EnvelopeSchema,
  defaultVersion: SoapVersion,
): Di01ParseResult {
  const refuse = (reason: string, version = defaultVersion): Di01ParseResult => ({
    kind: 'refused',
    soapVersion: version,
    antwoordOp: {},
    fault: stufFault('IB001', reason),
  });
  if (body.length === 0) {
    return refuse('het bericht is leeg');
  }
  let text: string;
  try {
    text = strictUtf8.decode(body);
  } catch {
    return refuse('het bericht is geen geldige UTF-8');
  }
  const declared = DECLARED_ENCODING.exec(text)?.[1];
  if (declared !== undefined && declared.toUpperCase() !== 'UTF-8') {
    return refuse(`encoding ${declared} wordt niet ondersteund, alleen UTF-8`);
  }
  // A DTD has no place in a SOAP message (SOAP 1.1 §3, SOAP 1.2 part 1 §5); refusing it outright
  // closes XXE and entity bombs before the parser sees the body.
  if (DOCTYPE_OR_ENTITY.test(text)) {
    return refuse('een DTD (DOCTYPE/ENTITY) is niet toegestaan');
  }
  let doc: XmlDocument;
  try {
    doc = XmlDocument.fromBuffer(body, { option: SAFE_PARSE_OPTIONS });
  } catch (caught) {
    if (caught instanceof XmlParseError) {
      const first = caught.details[0];
      return refuse(`geen well-formed XML${first ? ` (regel ${first.line})` : ''}`);
    }
    throw caught;
  }
  try {
    return readEnvelope(doc, schema, refuse);
  } finally {
    doc.dispose();
  }
}

function readEnvelope(
  doc: XmlDocument,
  schema: EnvelopeSchema,
  refuse: (reason: string, version?: SoapVersion) => Di01ParseResult,
): Di01ParseResult {
  const root = doc.root;
  const version = soapVersionOf(root);
  if (version === undefined) {
    return refuse(`{${root.namespaceUri}}${root.name} is geen SOAP Envelope`);
  }
  const soapNs = version === '1.1' ? SOAP11_NAMESPACE : SOAP12_NAMESPACE;
  const bodyChildren = elementChildren(childElement(root, 'Body', soapNs) ?? root);
  const message = bodyChildren.length === 1 ? bodyChildren[0] : undefined;
  const isDi01 = message?.name === DI01 && message.namespaceUri === GGK_NAMESPACE;
  const antwoordOp = isDi01 ? readHeen(message) : {};
  const issues = schema.validateDocument(doc);
  const first = issues[0];
  if (first !== undefined) {
    return {
      kind: 'refused',
      soapVersion: version,
      antwoordOp,
      fault: stufFault('IB001', describeIssue(first), issues),
    };
  }
  if (!isDi01) {
    const found = message
      ? `{${message.namespaceUri}}${message.name}`
      : `${bodyChildren.length} elementen`;
    return refuse(`de SOAP Body moet precies één ${DI01} bevatten, niet ${found}`, version);
  }
  return {
    kind: 'di01',
    request: { soapVersion: version, heen: antwoordOp as StufHeen, bestand: readBestand(message) },
  };
}

function soapVersionOf(root: XmlElement): SoapVersion | undefined {
  if (root.name !== 'Envelope') {
    return undefined;
  }
  switch (root.namespaceUri) {
    case SOAP11_NAMESPACE:
      return '1.1';
    case SOAP12_NAMESPACE:
      return '1.2';
    default:
      return undefined;
  }
}

/**
 * Everything the Di01 says, as far as present. For a schema-valid Di01 this is a complete
 * StufHeen; for a broken one it is what the Fo01 can be addressed with.
 */
function readHeen(di01: XmlElement): Partial<StufHeen> {
  const stuurgegevens = childElement(di01, 'stuurgegevens', GGK_NAMESPACE);
  const parameters = childElement(di01, 'parameters', GGK_NAMESPACE);
  const stuf = (name: string) => childText(stuurgegevens, name, STUF_NAMESPACE);
  const ggk = (name: string) => childText(parameters, name, GGK_NAMESPACE);
  const zender = readSysteem(childElement(stuurgegevens, 'zender', STUF_NAMESPACE));
  const ontvanger = readSysteem(childElement(stuurgegevens, 'ontvanger', STUF_NAMESPACE));
  return definedOnly({
    zender,
    ontvanger,
    referentienummer: stuf('referentienummer'),
    tijdstipBericht: stuf('tijdstipBericht'),
    functie: stuf('functie'),
    applicatieVersie: ggk('applicatieVersie'),
    applicatieSubversie: ggk('applicatieSubversie'),
    functieVersie: ggk('functieVersie'),
    functieSubversie: ggk('functieSubversie'),
  });
}

function readSysteem(element: XmlElement | undefined): StufSysteem | undefined {
  const applicatie = childText(element, 'applicatie', STUF_NAMESPACE);
  if (element === undefined || applicatie === undefined) {
    return undefined;
  }
  return definedOnly({
    organisatie: childText(element, 'organisatie', STUF_NAMESPACE),
    applicatie,
    administratie: childText(element, 'administratie', STUF_NAMESPACE),
    gebruiker: childText(element, 'gebruiker', STUF_NAMESPACE),
  }) as StufSysteem;
}

/** Only called on a schema-valid Di01: bericht holds exactly one xmlBestand or tekstBestand. */
function readBestand(di01: XmlElement): StufBestand {
  const parameters = childElement(di01, 'parameters', GGK_NAMESPACE);
  const bericht = childElement(parameters, 'bericht', GGK_NAMESPACE);
  const xml = childElement(bericht, 'xmlBestand', GGK_NAMESPACE);
  if (xml !== undefined) {
    return { kind: 'xml', content: decodeBase64(xml.content) };
  }
  const tekst = childElement(bericht, 'tekstBestand', GGK_NAMESPACE);
  return {
    kind: 'tekst',
    bestandsnaam: tekst?.attr('bestandsnaam')?.value ?? '',
    content: decodeBase64(tekst?.content ?? ''),
  };
}

/** The schema has already checked the base64 lexical form; whitespace (line breaks) is allowed. */
function decodeBase64(text: string): Buffer {
  return Buffer.from(text.replace(/\s+/g, ''), 'base64');
}

function definedOnly<T extends object>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}
