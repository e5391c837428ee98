/**
 * Namespaces of the StUF-GGk transport (fact sheet §8.1).
 *
 * Terminology (Dutch term → identifier):
 * - envelop (StUF-GGk envelope around an iWmo payload) → `Di01Envelope`, `buildDu01`
 * - stuurgegevens (routing block: zender, ontvanger, referentienummer, …) → `StufHeen`
 * - referentienummer / crossRefnummer (UUID v4 of a message / of the message answered)
 * - functie (payload message name, e.g. WMO301) → `functie`
 * - bevestiging Bv03 (acknowledgement), foutbericht Fo01 (error message) → `buildBv03`, `buildFo01`
 */
export const STUF_NAMESPACE = 'http://www.egem.nl/StUF/StUF0301';
export const GGK_NAMESPACE = 'http://www.stufstandaarden.nl/koppelvlak/ggk0210';
export const SOAP11_NAMESPACE = 'http://schemas.xmlsoap.org/soap/envelope/';
export const SOAP12_NAMESPACE = 'http://www.w3.org/2003/05/soap-envelope';

/** SOAP 1.1 (text/xml, the binding of the GGk WSDL) or SOAP 1.2 (application/soap+xml). */
export type SoapVersion = '1.1' | '1.2';

export const SOAP_CONTENT_TYPE: Readonly<Record<SoapVersion, string>> = {
  '1.1': 'text/xml; charset=utf-8',
  '1.2': 'application/soap+xml; charset=utf-8',
};

/** The GGk fixes `ontvanger/applicatie` of every envelope to this value (fact sheet §8.1). */
export const GGK_APPLICATIE = 'GGk';
