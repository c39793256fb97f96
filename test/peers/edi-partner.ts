import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export interface ReceivedDocument {
  file: string
  /** ISA13 */
  control: string
  functionalId: string
  setIds: string[]
  /** Every segment of the file, split on the delimiters its own ISA declares. */
  segments: string[][]
  /** What a partner's translator would refuse in it; empty when the envelope is sound. */
  envelopeProblems: string[]
}

export interface MailboxLayout {
  inbound: string
  outbound: string
  processed: string
  failed: string
}

const DEFAULT_LAYOUT: MailboxLayout = {
  inbound: 'inbound',
  outbound: 'outbound',
  processed: 'inbound/processed',
  failed: 'inbound/failed',
}

export interface PoLine {
  sku: string
  quantity: number
  price: string
  upc?: string
}

/**
 * A retail trading partner on the other side of an SFTP-style mailbox: it drops X12 850s into
 * `inbound/` (written under a dot-name, then renamed, as SFTP clients do) and reads what the hub
 * leaves in `outbound/`, checking each envelope the way its own translator would.
 */
export class EdiPartner {
  private control = 100

  constructor(
    readonly mailbox: string,
    readonly partnerId = 'ACMERETAIL',
    readonly hubId = 'HUBSUPPLIER',
    /** Where each folder is under `mailbox` (an SFTP server's folders may be named otherwise). */
    readonly layout: MailboxLayout = DEFAULT_LAYOUT,
  ) {
    mkdirSync(join(mailbox, layout.inbound), { recursive: true })
    mkdirSync(join(mailbox, layout.outbound), { recursive: true })
  }

  /** Builds an 850 interchange holding one or more purchase orders; `tamper` breaks it on purpose. */
  purchaseOrders(
    orders: { poNumber: string; lines: PoLine[] }[],
    tamper: (text: string) => string = (t) => t,
  ): { text: string; control: number } {
    const control = ++this.control
    const isa = `ISA*00*          *00*          *ZZ*${this.partnerId.padEnd(15)}*ZZ*${this.hubId.padEnd(15)}*250115*1030*U*00401*${String(control).padStart(9, '0')}*0*T*>~`
    const sets = orders.map((o, i) => {
      const body = [
        `ST*850*${String(i + 1).padStart(4, '0')}`,
        `BEG*00*SA*${o.poNumber}**20250115`,
        'REF*DP*042',
        'DTM*002*20250122',
        'N1*ST*ACME STORE 042*92*042',
        'N3*1 QUEEN ST',
        'N4*AUCKLAND*AUK*1010*NZ',
        ...o.lines.flatMap((l, n) => [
          `PO1*${n + 1}*${l.quantity}*EA*${l.price}*PE*VP*${l.sku}${l.upc ? `*UP*${l.upc}` : ''}`,
          `PID*F****${l.sku} ITEM`,
        ]),
        `CTT*${o.lines.length}*${o.lines.reduce((s, l) => s + l.quantity, 0)}`,
      ]
      body.push(`SE*${body.length + 1}*${String(i + 1).padStart(4, '0')}`)
      return body
    })
    const segments = [
      isa.slice(0, -1),
      `GS*PO*${this.partnerId}*${this.hubId}*20250115*1030*${control}*X*004010`,
      ...sets.flat(),
      `GE*${sets.length}*${control}`,
      `IEA*1*${String(control).padStart(9, '0')}`,
    ]
    return { text: tamper(`${segments.join('~\n')}~\n`), control }
  }

  /** Drops a file into the hub's inbound folder, atomically (text as latin1 bytes, or the bytes given). */
  drop(name: string, text: string | Uint8Array): void {
    const tmp = join(this.mailbox, this.layout.inbound, `.${name}.part`)
    if (typeof text === 'string') writeFileSync(tmp, text, 'latin1')
    else writeFileSync(tmp, text)
    renameSync(tmp, join(this.mailbox, this.layout.inbound, name))
  }

  processed(): string[] {
    return this.list(join(this.mailbox, this.layout.processed))
  }

  failed(): { file: string; reason: string }[] {
    const dir = join(this.mailbox, this.layout.failed)
    return this.list(dir)
      .filter((f) => !f.endsWith('.reason.txt'))
      .map((file) => ({ file, reason: readFileSync(join(dir, `${file}.reason.txt`), 'utf8') }))
  }

  /** Every document the hub sent, oldest control number first. */
  received(): ReceivedDocument[] {
    const dir = join(this.mailbox, this.layout.outbound)
    return this.list(dir)
      .filter((f) => !f.startsWith('.'))
      .map((file) => this.read(file, readFileSync(join(dir, file), 'latin1')))
      .sort((a, b) => a.control.localeCompare(b.control))
  }

  private list(dir: string): string[] {
    try {
      return readdirSync(dir).sort()
    } catch {
      return []
    }
  }

  private read(file: string, text: string): ReceivedDocument {
    const problems: string[] = []
    const el = text[3]!
    const term = text[105]!
    if (text.indexOf(term) !== 105) problems.push('ISA is not 106 characters')
    const segments = text
      .split(term)
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => s.split(el))
    const isa = segments[0]!
    if (isa[6]!.trim() !== this.hubId || isa[8]!.trim() !== this.partnerId)
      problems.push('ISA06/ISA08 are not hub → partner')
    const iea = segments.at(-1)!
    if (iea[0] !== 'IEA' || iea[2] !== isa[13]) problems.push('IEA02 does not echo ISA13')
    const groups = segments.filter((s) => s[0] === 'GS')
    if (Number(iea[1]) !== groups.length) problems.push('IEA01 is not the group count')
    let st = -1
    let sets = 0
    let gs: string[] | undefined
    const setIds: string[] = []
    for (const [i, s] of segments.entries()) {
      if (s[0] === 'GS') {
        gs = s
        sets = 0
      }
      if (s[0] === 'ST') {
        st = i
        sets++
        setIds.push(s[1]!)
      }
      if (s[0] === 'SE') {
        if (Number(s[1]) !== i - st + 1) problems.push(`SE01 ${s[1]} is not the segment count ${i - st + 1}`)
        if (s[2] !== segments[st]![2]) problems.push('SE02 does not echo ST02')
      }
      if (s[0] === 'GE') {
        if (Number(s[1]) !== sets) problems.push('GE01 is not the set count')
        if (s[2] !== gs?.[6]) problems.push('GE02 does not echo GS06')
      }
    }
    return {
      file,
      control: isa[13]!,
      functionalId: groups[0]?.[1] ?? '',
      setIds,
      segments,
      envelopeProblems: problems,
    }
  }
}
