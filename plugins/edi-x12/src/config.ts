import { currencyCode, secret } from '@switchyard/plugin-sdk'
import { z } from 'zod'

const party = z.object({
  /** ISA05/ISA07 qualifier: ZZ mutually defined, 01 DUNS, 08 UCC, 12 phone. */
  qualifier: z.string().regex(/^[0-9A-Z]{2}$/, 'must be a two-character ISA qualifier such as ZZ'),
  /** ISA06/ISA08 id, at most 15 characters. */
  id: z.string().min(1).max(15),
  /** GS02/GS03 application code; the ISA id when absent. */
  gsId: z.string().min(2).max(15).optional(),
})

/** A folder on the SFTP server, relative to the login directory or absolute. */
const remoteDir = z
  .string()
  .min(1)
  .max(500)
  .refine((d) => !d.split('/').includes('..'), 'must not climb out with ..')

/** The trading partner's (or its VAN's) SFTP server. Its secrets are top-level (`sftpPrivateKey`…). */
export const sftpConfig = z.object({
  host: z.string().min(1),
  port: z.number().int().min(1).max(65535).default(22),
  username: z.string().min(1),
  /**
   * The server's host key fingerprint, as `ssh-keygen -l -E sha256 -f key.pub` prints it
   * (`SHA256:…`): a server showing another key is refused, so nobody in between reads the POs.
   */
  hostKey: z.string().regex(/^SHA256:[A-Za-z0-9+/]{43}=?$/, 'must be a SHA256:… host key fingerprint'),
  /** Where the partner leaves its files for us. */
  inboundDir: remoteDir.default('inbound'),
  /** Where we leave ours (written as `.<name>.tmp`, then renamed). */
  outboundDir: remoteDir.default('outbound'),
  /** Where inbound files go once the hub has kept what they said. */
  archiveDir: remoteDir.default('inbound/processed'),
  /** Where files rejected whole go, each with `<file>.reason.txt`. */
  failedDir: remoteDir.default('inbound/failed'),
  /** Connecting and each file operation. */
  timeoutMs: z.number().int().min(1000).max(120_000).default(20_000),
})

/** Where the partner's files are exchanged: a folder or its SFTP server (one of the two). */
export const mailboxFields = {
  /**
   * The trading partner's mailbox as a local folder (a VAN's or an SFTP drop synced here):
   * `inbound/` (their files, archived to `inbound/processed/` or `inbound/failed/` with a
   * `.reason.txt`) and `outbound/` (ours). Either this or `sftp`.
   */
  mailbox: z.string().min(1, 'is required: the folder holding inbound/ and outbound/').optional(),
  /** The mailbox on the partner's SFTP server instead of a folder. */
  sftp: sftpConfig.optional(),
  /** With `sftp`: our private key (OpenSSH or PEM text), from the environment. */
  sftpPrivateKey: secret('SFTP private key (PEM/OpenSSH text)').optional(),
  /** With `sftp`: the private key's passphrase, when it has one. */
  sftpPassphrase: secret('passphrase of the SFTP private key').optional(),
  /** With `sftp`: a password, for servers without key login. */
  sftpPassword: secret('SFTP password').optional(),
}

/** Who we and the partner are in the envelopes, and how our interchanges are written. */
export const envelopeFields = {
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
    .object({
      element: z.string().length(1),
      component: z.string().length(1),
      segment: z.string().length(1),
    })
    .default({ element: '*', component: '>', segment: '~' }),
}

const mailboxShape = z.object(mailboxFields)
const envelopeShape = z.object(envelopeFields)
export type MailboxConfig = z.output<typeof mailboxShape>
export type EnvelopeConfig = z.output<typeof envelopeShape>

/** One mailbox, folder or SFTP; SFTP with a key or a password. */
export function oneMailbox(c: MailboxConfig, issues: z.core.$RefinementCtx): void {
  if ((c.mailbox === undefined) === (c.sftp === undefined))
    issues.addIssue({
      code: 'custom',
      path: ['mailbox'],
      message: 'give either mailbox (a folder) or sftp (a server), not both or neither',
    })
  if (c.sftp && !c.sftpPrivateKey && !c.sftpPassword)
    issues.addIssue({
      code: 'custom',
      path: ['sftpPrivateKey'],
      message: 'is required with sftp (or sftpPassword)',
    })
}

export const ediX12Config = z
  .object({
    ...mailboxFields,
    ...envelopeFields,
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
  .superRefine(oneMailbox)

export type EdiX12Config = z.output<typeof ediX12Config>
export type SftpConfig = z.output<typeof sftpConfig>
