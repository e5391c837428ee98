export { buildBv03 } from './build-bv03.js';
export { buildFo01, type Fo01Input, MAX_LISTED_ISSUES } from './build-fo01.js';
export {
  buildDi01,
  buildDu01,
  type GgkEnvelopeInput,
  type StufVersie,
} from './build-ggk-envelope.js';
export { buildRetourEnvelope, type RetourEnvelopeInput } from './build-retour-envelope.js';
export { checkDi01Payload, type PayloadCheck, travelsAsDi01 } from './check-payload.js';
export { deriveReferentienummer } from './derive-referentienummer.js';
export { BUNDLED_STUF_SCHEMA_DIR, EnvelopeSchema, STUF_SCHEMA_ENTRY } from './envelope-schema.js';
export { GATEWAY_APPLICATIE, GATEWAY_APPLICATIE_VERSIE } from './gateway-applicatie.js';
export { type Di01ParseResult, parseDi01Request } from './parse-di01-request.js';
export { faultHttpStatus, soapEnvelope, soapFault } from './soap-envelope.js';
export {
  describeIssue,
  STUF_FAULT_CODES,
  type StufFault,
  stufFault,
  type StufFaultCode,
} from './stuf-fault.js';
export {
  GGK_APPLICATIE,
  GGK_NAMESPACE,
  SOAP_CONTENT_TYPE,
  SOAP11_NAMESPACE,
  SOAP12_NAMESPACE,
  type SoapVersion,
  STUF_NAMESPACE,
} from './stuf-namespaces.js';
export { formatTijdstip } from './stuf-tijdstip.js';
export type {
  Di01Request,
  StufBestand,
  StufHeen,
  StufSysteem,
  StufUitgaand,
} from './stuf-types.js';
export { renderDocument, renderXml, type XmlNode } from './xml-node.js';
