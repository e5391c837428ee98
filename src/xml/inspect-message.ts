import { XmlDocument, XmlElement, XmlParseError } from 'libxml2-wasm';

import {
  MESSAGE_CATALOGUE,
  type MessageType,
  messageTypeForNamespace,
} from '../domain/message-types.js';
import { GatewayError } from '../errors/index.js';
import { SAFE_PARSE_OPTIONS } from '../validation/xsd/libxml2-wasm-xsd-validator.js';

/** What intake learns about a message before it stores it (all header values raw, maybe absent). */
export interface MessageIdentity {
  readonly messageType: MessageType;
  readonly berichtCode: string | undefined;
  readonly sender: string | undefined;
  readonly receiver: string | undefined;
  readonly berichtIdentificatie: string | undefined;
  readonly dagtekening: string | undefined;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;
const DOCTYPE_OR_ENTITY = /<!(DOCTYPE|ENTITY)/i;
const DECLARED_ENCODING = /^<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Checks that `body` is a safe, well-formed iWmo 3.2 message and identifies it (fact sheet §10.2).
 * Throws a GatewayError with a 400 code otherwise. Everything beyond identification (the XSD, the
 * rules) happens in the worker, so that the sender gets a tracking id and a retour.
 */
export function inspectMessage(body: Uint8Array): MessageIdentity {
  if (body.length === 0) {
    throw new GatewayError('GW_ERR_INTAKE_EMPTY_BODY');
  }
  if (UTF8_BOM.every((byte, i) => body[i] === byte)) {
    throw new GatewayError('GW_ERR_INTAKE_ENCODING', {
      message: 'The body starts with a byte order mark; iWmo requires UTF-8 without BOM (OP192)',
    });
  }
  let text: string;
  try {
    text = strictUtf8.decode(body);
  } catch (caught) {
    throw new GatewayError('GW_ERR_INTAKE_ENCODING', {
      message: 'The body is not valid UTF-8 (OP192)',
      cause: caught,
    });
  }
  const declared = DECLARED_ENCODING.exec(text)?.[1];
  if (declared !== undefined && declared.toUpperCase() !== 'UTF-8') {
    throw new GatewayError('GW_ERR_INTAKE_ENCODING', {
      message: `The XML declaration names encoding ${declared}; iWmo requires UTF-8 (OP192)`,
    });
  }
  // A DTD is never part of an iWmo message; refusing it outright closes XXE and entity bombs.
  if (DOCTYPE_OR_ENTITY.test(text)) {
    throw new GatewayError('GW_ERR_INTAKE_DTD_FORBIDDEN');
  }
  let doc: XmlDocument;
  try {
    doc = XmlDocument.fromBuffer(body, { option: SAFE_PARSE_OPTIONS });
  } catch (caught) {
    if (caught instanceof XmlParseError) {
      const first = caught.details[0];
      throw new GatewayError('GW_ERR_INTAKE_NOT_WELL_FORMED', {
        message: `The body is not well-formed XML${first ? ` (line ${first.line}: ${first.message.trim()})` : ''}`,
        cause: caught,
        details: first ? { line: first.line } : {},
      });
    }
    throw caught;
  }
  try {
    return identify(doc.root);
  } finally {
    doc.dispose();
  }
}

function identify(root: XmlElement): MessageIdentity {
  const spec =
    localName(root) === 'Bericht' ? messageTypeForNamespace(root.namespaceUri) : undefined;
  if (spec === undefined) {
    throw new GatewayError('GW_ERR_INTAKE_NOT_IWMO', {
      message: `The root element {${root.namespaceUri}}${localName(root)} is not an iWmo 3.2 Bericht`,
      details: { namespace: root.namespaceUri },
    });
  }
  const header = childElement(root, 'Header', spec.namespace);
  const field = (name: string): string | undefined =>
    header ? childElement(header, name, spec.namespace)?.content.trim() : undefined;
  const berichtCode = field('BerichtCode');
  if (berichtCode !== undefined && berichtCode !== spec.berichtCode) {
    const named = Object.values(MESSAGE_CATALOGUE).find((s) => s.berichtCode === berichtCode);
    throw new GatewayError('GW_ERR_INTAKE_BERICHTCODE_MISMATCH', {
      message: `Header/BerichtCode ${berichtCode}${named ? ` (${named.type})` : ''} does not match the ${spec.type} namespace, which requires ${spec.berichtCode}`,
    });
  }
  const identificatie = header
    ? childElement(header, 'BerichtIdentificatie', spec.namespace)
    : undefined;
  const basis = (name: string): string | undefined =>
    identificatie ? childElement(identificatie, name)?.content.trim() : undefined;
  return {
    messageType: spec.type,
    berichtCode,
    sender: field('Afzender'),
    receiver: field('Ontvanger'),
    berichtIdentificatie: basis('Identificatie'),
    dagtekening: basis('Dagtekening'),
  };
}

function localName(element: XmlElement): string {
  const name = element.name;
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

function childElement(
  parent: XmlElement,
  name: string,
  namespace?: string,
): XmlElement | undefined {
  for (let node = parent.firstChild; node !== null; node = node.next) {
    if (
      node instanceof XmlElement &&
      localName(node) === name &&
      (namespace === undefined || node.namespaceUri === namespace)
    ) {
      return node;
    }
  }
  return undefined;
}
