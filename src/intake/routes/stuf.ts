import { createHash, randomUUID } from 'node:crypto';

import type { FastifyError, FastifyInstance } from 'fastify';

import { BUNDLED_SCHEMA_DIR } from '../../config/index.js';
import type { ErrorCode } from '../../errors/index.js';
import { coerceError, GatewayError } from '../../errors/index.js';
import { callerMayRead } from '../../parties/index.js';
import type { MessageRecord, StufTransport } from '../../store/index.js';
import {
  buildBv03,
  buildFo01,
  buildRetourEnvelope,
  checkDi01Payload,
  deriveReferentienummer,
  describeIssue,
  EnvelopeSchema,
  faultHttpStatus,
  formatTijdstip,
  GATEWAY_APPLICATIE,
  parseDi01Request,
  renderDocument,
  SOAP_CONTENT_TYPE,
  soapEnvelope,
  soapFault,
  type SoapVersion,
  type StufFault,
  stufFault,
  type StufHeen,
} from '../../stuf/index.js';
import { createXsdValidator, type XsdValidator } from '../../validation/xsd/index.js';
import { acceptMessage } from '../accept-message.js';
import type { AppDeps } from '../build-app.js';
import type { GatewayApp } from '../gateway-app.js';

const MESSAGE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SOAP12_MEDIA_TYPE = 'application/soap+xml';

/**
 * The StUF-GGk transport (docs/stuf.md): POST /v1/stuf/ggk0210 takes a SOAP Di01 and answers
 * Bv03 or a SOAP Fault with Fo01; GET /v1/stuf/ggk0210/retour/:id gives the answer to a Di01 in
 * its envelope (Du01, or Di01 for a WMO325). The POST lives in its own encapsulated context for
 * its SOAP content type and its SOAP error answers; the GET answers JSON errors like the rest.
 */
export function registerStufRoutes(app: GatewayApp, deps: AppDeps): void {
  app.get<{ Params: { id: string } }>('/v1/stuf/ggk0210/retour/:id', async (request, reply) => {
    const record = await findStufRecord(deps, request.params.id, request);
    const xml = await answerEnvelope(deps, record);
    return reply.type('application/xml; charset=utf-8').send(xml);
  });
  void app.register((soap, _options, done) => {
    registerDi01Route(soap, deps);
    done();
  });
}

function registerDi01Route(soap: FastifyInstance, deps: AppDeps): void {
  const envelopeSchema = EnvelopeSchema.fromDir();
  // The iWmo schemas for the synchronous StUF055 check; compiled on the first Di01 unless given.
  let payloadXsd: XsdValidator | undefined = deps.payloadXsd;
  const ownsPayloadXsd = payloadXsd === undefined;
  const xsd = (): XsdValidator =>
    (payloadXsd ??= createXsdValidator(BUNDLED_SCHEMA_DIR, 'libxml2-wasm'));
  soap.addHook('onClose', () => {
    envelopeSchema.close();
    if (ownsPayloadXsd) {
      payloadXsd?.close();
    }
  });
  soap.addContentTypeParser(
    SOAP12_MEDIA_TYPE,
    { parseAs: 'buffer', bodyLimit: deps.maxMessageBytes },
    (_req, body, done) => done(null, body),
  );
  soap.setErrorHandler((error: FastifyError | GatewayError, request, reply) => {
    const version = soapVersionOf(request.headers['content-type']);
    const { fault, httpStatus } = faultForError(error);
    if (fault.plek === 'server') {
      request.log.error({ err: error }, 'StUF request failed');
    }
    void sendFault(reply, version, {}, fault, deps, httpStatus);
  });

  soap.post('/v1/stuf/ggk0210', async (request, reply) => {
    const body = request.body;
    const version = soapVersionOf(request.headers['content-type']);
    if (!Buffer.isBuffer(body)) {
      throw new GatewayError('GW_ERR_INTAKE_UNSUPPORTED_MEDIA_TYPE');
    }
    const parsed = parseDi01Request(body, envelopeSchema, version);
    if (parsed.kind === 'refused') {
      request.log.info({ stufCode: parsed.fault.code }, 'StUF envelope refused');
      return sendFault(reply, parsed.soapVersion, parsed.antwoordOp, parsed.fault, deps);
    }
    const { heen, soapVersion } = parsed.request;
    const check = checkDi01Payload(parsed.request, xsd());
    if (check.kind === 'refused') {
      request.log.info(
        { stufCode: check.fault.code, functie: heen.functie },
        'StUF payload refused',
      );
      return sendFault(reply, soapVersion, heen, check.fault, deps);
    }
    const stuf: StufTransport = {
      heen,
      payloadSha256: createHash('sha256').update(check.payload).digest('hex'),
      bv03: { referentienummer: randomUUID(), tijdstipBericht: formatTijdstip(deps.clock()) },
    };
    let acceptance;
    try {
      acceptance = await acceptMessage(deps, {
        body: check.payload,
        identity: check.identity,
        caller: request.caller,
        correlationId: request.id,
        log: request.log,
        stuf,
      });
    } catch (caught) {
      const { fault, httpStatus } = faultForError(coerceError(caught));
      if (fault.plek === 'server') {
        request.log.error({ err: caught }, 'StUF message not stored');
      }
      return sendFault(reply, soapVersion, heen, fault, deps, httpStatus);
    }
    let answered = stuf;
    if (acceptance.kind === 'duplicate') {
      const first = (await deps.store.get(acceptance.id))?.stuf;
      if (first === undefined || first.payloadSha256 !== stuf.payloadSha256) {
        request.log.warn({ messageId: acceptance.id }, 'StUF referentienummer reused');
        const fault = stufFault(
          'IB016',
          `${heen.referentienummer} is al gebruikt voor een ander bericht`,
        );
        return sendFault(reply, soapVersion, heen, fault, deps);
      }
      request.log.info({ messageId: acceptance.id }, 'StUF transport duplicate');
      answered = first;
    }
    return reply
      .status(200)
      .header('location', `/v1/messages/${acceptance.id}`)
      .type(SOAP_CONTENT_TYPE[soapVersion])
      .send(renderDocument(soapEnvelope(soapVersion, buildBv03(answered.heen, answered.bv03))));
  });
}

/** SOAP 1.2 for application/soap+xml, SOAP 1.1 (the GGk WSDL's binding) otherwise. */
function soapVersionOf(contentType: string | undefined): SoapVersion {
  return contentType?.toLowerCase().startsWith(SOAP12_MEDIA_TYPE) ? '1.2' : '1.1';
}

/** The part of a Fastify reply a SOAP answer needs. */
interface SoapReply {
  status(code: number): SoapReply;
  type(contentType: string): SoapReply;
  send(body: string): unknown;
}

function sendFault(
  reply: SoapReply,
  version: SoapVersion,
  antwoordOp: Partial<StufHeen>,
  fault: StufFault,
  deps: AppDeps,
  httpStatus = faultHttpStatus(version, fault.plek),
): unknown {
  const fo01 = buildFo01({
    antwoordOp,
    uitgaand: { referentienummer: randomUUID(), tijdstipBericht: formatTijdstip(deps.clock()) },
    fault,
    gatewayApplicatie: GATEWAY_APPLICATIE,
  });
  const xml = renderDocument(
    soapFault(version, { plek: fault.plek, reason: fault.omschrijving, detail: fo01 }),
  );
  return reply.status(httpStatus).type(SOAP_CONTENT_TYPE[version]).send(xml);
}

/** StUF codes for what goes wrong around the envelope: authorisation, size, media type, store. */
const FAULT_FOR_CODE: Partial<Record<ErrorCode, { code: StufFault['code']; httpStatus?: number }>> =
  {
    GW_ERR_API_UNAUTHENTICATED: { code: 'IB002', httpStatus: 401 },
    GW_ERR_API_FORBIDDEN: { code: 'IB002' },
    GW_ERR_INTAKE_SENDER_FORBIDDEN: { code: 'IB002' },
    GW_ERR_INTAKE_TOO_LARGE: { code: 'IB003' },
    GW_ERR_INTAKE_UNSUPPORTED_MEDIA_TYPE: { code: 'IB001', httpStatus: 415 },
  };

function faultForError(error: Error): { fault: StufFault; httpStatus?: number } {
  const code = toErrorCode(error);
  const mapped = code === undefined ? undefined : FAULT_FOR_CODE[code];
  if (mapped === undefined) {
    return { fault: stufFault('StUF058') };
  }
  return {
    fault: stufFault(mapped.code, error.message),
    ...(mapped.httpStatus === undefined ? {} : { httpStatus: mapped.httpStatus }),
  };
}

function toErrorCode(error: Error): ErrorCode | undefined {
  if (error instanceof GatewayError) {
    return error.code;
  }
  switch ((error as FastifyError).code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'GW_ERR_INTAKE_TOO_LARGE';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_EMPTY_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return 'GW_ERR_INTAKE_UNSUPPORTED_MEDIA_TYPE';
    default:
      return undefined;
  }
}

/** A message that arrived over StUF-GGk and that the caller may see; 404 otherwise. */
async function findStufRecord(
  deps: AppDeps,
  id: string,
  request: { caller: Parameters<typeof callerMayRead>[0] },
): Promise<MessageRecord & { stuf: StufTransport }> {
  const record = MESSAGE_ID.test(id) ? await deps.store.get(id) : undefined;
  if (record === undefined || !callerMayRead(request.caller, record.sender, record.receiver)) {
    throw new GatewayError('GW_ERR_API_NOT_FOUND', { message: 'No message with this id' });
  }
  const { stuf } = record;
  if (stuf === undefined) {
    throw new GatewayError('GW_ERR_API_NOT_STUF', { details: { messageId: id } });
  }
  return { ...record, stuf };
}

/**
 * The answer to a Di01, in its envelope: the retour as Du01 (a WMO325 as Di01); for a message
 * rejected on level 1 by the worker, the Fo01 with StUF055 (no retour exists then).
 */
async function answerEnvelope(
  deps: AppDeps,
  record: MessageRecord & { stuf: StufTransport },
): Promise<string> {
  const retourXml = await deps.store.getRetour(record.id);
  if (retourXml !== undefined && record.retourType !== undefined) {
    return renderDocument(
      buildRetourEnvelope({
        heen: record.stuf.heen,
        messageId: record.id,
        retourType: record.retourType,
        retourXml,
        decidedAt: new Date(record.updatedAt),
      }),
    );
  }
  const transportError = record.transportError;
  if (transportError !== undefined) {
    const first = transportError.issues[0];
    return renderDocument(
      buildFo01({
        antwoordOp: record.stuf.heen,
        uitgaand: {
          referentienummer: deriveReferentienummer(`fo01:${record.id}`),
          tijdstipBericht: formatTijdstip(new Date(record.updatedAt)),
        },
        fault: stufFault(
          'StUF055',
          first ? describeIssue(first) : undefined,
          transportError.issues,
        ),
        gatewayApplicatie: GATEWAY_APPLICATIE,
      }),
    );
  }
  throw new GatewayError('GW_ERR_API_RETOUR_NOT_READY', { details: { status: record.status } });
}
