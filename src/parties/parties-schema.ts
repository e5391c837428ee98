import { z } from 'zod';

const gemeenteCode = z.string().regex(/^[0-9]{4}$/, 'a CBS gemeentecode has 4 digits');
const agbCode = z.string().regex(/^[0-9]{8}$/, 'an AGB code has 8 digits');
const partyCode = z.union([gemeenteCode, agbCode]);

/** Where messages for a party go (docs/routing.md). */
export const DELIVERY_SCHEMA = z.discriminatedUnion('type', [
  z.strictObject({
    /** HTTP POST of the XML to the party's endpoint. */
    type: z.literal('http'),
    url: z.url({ protocol: /^https?$/ }),
    /** Per attempt. */
    timeoutMs: z.number().int().positive().max(300_000).default(10_000),
    /** Extra request headers, e.g. an Authorization for the receiving back office. */
    headers: z.record(z.string(), z.string()).default({}),
  }),
  z.strictObject({
    /** Files in a directory a back office picks up: written to a temp name, then renamed. */
    type: z.literal('directory'),
    path: z.string().min(1),
  }),
  z.strictObject({
    /** Held for pickup through GET /v1/inbox. */
    type: z.literal('inbox'),
  }),
]);
export type Delivery = z.output<typeof DELIVERY_SCHEMA>;

const PARTY_SCHEMA = z.strictObject({
  code: partyCode,
  name: z.string().min(1),
  delivery: DELIVERY_SCHEMA.default({ type: 'inbox' }),
});

const SECRET_HASH = z
  .string()
  .regex(/^sha256:[0-9a-f]{64}$/, 'sha256:<64 hex>, as printed by `npm run make-api-key`');

const CLIENT_SCHEMA = z.discriminatedUnion('role', [
  z.strictObject({
    id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    /** A sending party: may send as, and read the traffic of, these codes. */
    role: z.literal('party'),
    codes: z.array(partyCode).min(1),
    secretHash: SECRET_HASH,
  }),
  z.strictObject({
    id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    /** Reads everything and manages deliveries; never sends messages. */
    role: z.literal('operator'),
    secretHash: SECRET_HASH,
  }),
]);

/**
 * The parties file (PARTIES_FILE): the local parties the gateway answers for, the remote parties
 * it forwards to (with `default` for everything else, e.g. the GGK), and the API clients.
 */
export const PARTIES_SCHEMA = z
  .strictObject({
    local: z.array(PARTY_SCHEMA).min(1),
    remote: z.array(PARTY_SCHEMA).default([]),
    /** Where messages for a party that is neither local nor remote go. */
    default: z.strictObject({ name: z.string().min(1), delivery: DELIVERY_SCHEMA }).optional(),
    clients: z.array(CLIENT_SCHEMA).default([]),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    for (const [list, parties] of [
      ['local', file.local],
      ['remote', file.remote],
    ] as const) {
      parties.forEach((party, index) => {
        if (seen.has(party.code)) {
          ctx.addIssue({
            code: 'custom',
            path: [list, index, 'code'],
            message: `party ${party.code} is listed twice`,
          });
        }
        seen.add(party.code);
      });
    }
    const ids = new Set<string>();
    file.clients.forEach((client, index) => {
      if (ids.has(client.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['clients', index, 'id'],
          message: `client ${client.id} is listed twice`,
        });
      }
      ids.add(client.id);
    });
  });

export type PartiesFile = z.output<typeof PARTIES_SCHEMA>;
export type PartiesInput = z.input<typeof PARTIES_SCHEMA>;
export type ApiClientSpec = PartiesFile['clients'][number];
