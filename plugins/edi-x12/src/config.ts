import { currencyCode } from '@switchyard/plugin-sdk'
import { z } from 'zod'

const party = z.object({
  /** ISA05/ISA07 qualifier: ZZ mutually defined, 01 DUNS, 08 UCC, 12 phone. */
  qualifier: z.string().regex(/^[0-9A-Z]{2}$/, 'must be a two-character ISA qualifier such as ZZ'),
  /** ISA06/ISA08 id, at most 15 characters. */
  id: z.string().min(1).max(15),
  /** GS02/GS03 application code; the ISA id when absent. */
  gsId: z.string().min(2).max(15).optional(),
})

export const ediX12Config = z.object({
  /**
   * The trading partner's mailbox, as an SFTP drop would be: `inbound/` (their files, archived to
   * `inbound/processed/` or `inbound/failed/` with a `.reason.txt`) and `outbound/` (ours).
   */
  mailbox: z.string().min(1, 'is required: the folder holding inbound/ and outbound/'),
  partner: party,
  us: party,
  /** ISA15: T for test, P for production. */
  usage: z.enum(['P', 'T']).default('P'),
  /** ISA12 / GS08 of what we send. */
  interchangeVersion: z
    .string()
    .regex(/^\d{5}$/)
    .default('00401'),
  groupVersion: z.string().min(6).max(12).default('004010'),
  delimiters: z
    .object({ element: z.string().length(1), component: z.string().length(1), segment: z.string().length(1) })
    .default({ element: '*', component: '>', segment: '~' }),
  /** Currency of POs without a CUR segment. */
  currency: currencyCode.default('USD'),
  /** Country of ship-to addresses whose N4 has none. */
  defaultCountry: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .default('US'),
  /** On the 856: where goods ship from (N1*SF). */
  shipFrom: z.object({ name: z.string().min(1).max(60), id: z.string().min(1).max(20) }),
  /** On the 810: who is paid (N1*RE) and the net payment days (ITD07). */
  remitTo: z.object({ name: z.string().min(1).max(60), id: z.string().min(1).max(20) }),
  netDays: z.number().int().min(0).max(365).default(30),
  /**
   * Whether the partner wants an 846 inventory advice: what it may still sell of each sku (QTY*33),
   * sent whenever the hub's figure for this channel changes.
   */
  inventoryAdvice: z.boolean().default(false),
  /** GS1 company prefix for the SSCC-18 carton labels on the 856 (MAN*GM). */
  gs1CompanyPrefix: z.string().regex(/^\d{7,10}$/, 'must be a 7 to 10 digit GS1 company prefix'),
})

export type EdiX12Config = z.output<typeof ediX12Config>
