import type { MessageStore } from '../store/index.js';
import { buildRetourEnvelope, renderDocument, soapEnvelope } from '../stuf/index.js';
import type { OutgoingDocument } from './deliver-http.js';
import type { DeliveryRecord } from './delivery-record.js';

export interface DeliveryDocument extends OutgoingDocument {
  /** Deterministic file name for directory delivery. */
  readonly fileName: string;
}

/** Loads what a delivery hands over: the retour, the (decrypted) message, or the findings. */
export async function loadDeliveryDocument(
  record: DeliveryRecord,
  store: MessageStore,
): Promise<DeliveryDocument> {
  const message = await store.get(record.messageId);
  const base = { idempotencyKey: record.idempotencyKey, documentType: record.documentType };
  switch (record.kind) {
    case 'retour': {
      const xml = (await store.getRetour(record.messageId)) ?? '';
      if (message?.stuf !== undefined) {
        // A heen message that came in a StUF Di01 is answered in its envelope: the retour as a
        // Du01 (a WMO325 as a Di01), in SOAP 1.1 as the GGk WSDL defines it (docs/stuf.md).
        const envelope = buildRetourEnvelope({
          heen: message.stuf.heen,
          messageId: record.messageId,
          retourType: record.documentType,
          retourXml: xml,
          decidedAt: new Date(message.updatedAt),
        });
        return {
          ...base,
          contentType: 'text/xml; charset=utf-8',
          body: renderDocument(soapEnvelope('1.1', envelope)),
          fileName: `${record.documentType}_${message.retourId ?? record.messageId}.stuf.xml`,
        };
      }
      return {
        ...base,
        contentType: 'application/xml; charset=utf-8',
        body: xml,
        fileName: `${record.documentType}_${message?.retourId ?? record.messageId}.xml`,
      };
    }
    case 'forward':
      return {
        ...base,
        contentType: 'application/xml; charset=utf-8',
        body: await store.getBody(record.messageId),
        fileName: `${record.documentType}_${message?.sender ?? 'onbekend'}_${message?.berichtIdentificatie ?? record.messageId}.xml`,
      };
    case 'findings':
      return {
        ...base,
        contentType: 'application/json',
        body: JSON.stringify({
          messageId: record.messageId,
          messageType: message?.messageType,
          berichtIdentificatie: message?.berichtIdentificatie,
          status: message?.status,
          controlLevel: message?.controlLevel,
          violations: message?.violations ?? [],
          transportError: message?.transportError ?? null,
        }),
        fileName: `${record.documentType}_${record.messageId}.findings.json`,
      };
  }
}
