import { SOAP11_NAMESPACE, SOAP12_NAMESPACE, type SoapVersion } from './stuf-namespaces.js';
import { branch, leaf, type XmlNode } from './xml-node.js';

/** A SOAP envelope with `message` as the only Body child. */
export function soapEnvelope(version: SoapVersion, message: XmlNode): XmlNode {
  const { prefix, namespace } = soapNames(version);
  return branch(`${prefix}:Envelope`, [branch(`${prefix}:Body`, [message])], {
    [`xmlns:${prefix}`]: namespace,
  });
}

/**
 * A SOAP Fault carrying a StUF error message (Fo01) as its detail. `client` faults are the
 * sender's (SOAP 1.1 Client, 1.2 Sender), `server` faults the gateway's (Server, Receiver).
 */
export function soapFault(
  version: SoapVersion,
  fault: { readonly plek: 'client' | 'server'; readonly reason: string; readonly detail: XmlNode },
): XmlNode {
  const { prefix } = soapNames(version);
  const body =
    version === '1.1'
      ? branch(`${prefix}:Fault`, [
          leaf('faultcode', `${prefix}:${fault.plek === 'client' ? 'Client' : 'Server'}`),
          leaf('faultstring', fault.reason),
          branch('detail', [fault.detail]),
        ])
      : branch(`${prefix}:Fault`, [
          branch(`${prefix}:Code`, [
            leaf(`${prefix}:Value`, `${prefix}:${fault.plek === 'client' ? 'Sender' : 'Receiver'}`),
          ]),
          branch(`${prefix}:Reason`, [
            { name: `${prefix}:Text`, attributes: { 'xml:lang': 'nl' }, content: fault.reason },
          ]),
          branch(`${prefix}:Detail`, [fault.detail]),
        ]);
  return soapEnvelope(version, body);
}

/**
 * HTTP status of a fault: WS-I Basic Profile 1.1 (which the GGk WSDL claims) requires 500 for
 * every SOAP 1.1 fault; SOAP 1.2 uses 400 for Sender and 500 for Receiver faults.
 */
export function faultHttpStatus(version: SoapVersion, plek: 'client' | 'server'): number {
  return version === '1.2' && plek === 'client' ? 400 : 500;
}

function soapNames(version: SoapVersion): { prefix: string; namespace: string } {
  return version === '1.1'
    ? { prefix: 'soap', namespace: SOAP11_NAMESPACE }
    : { prefix: 'env', namespace: SOAP12_NAMESPACE };
}
