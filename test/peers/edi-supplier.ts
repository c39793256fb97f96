import { EdiPartner, type ReceivedDocument } from './edi-partner'

/** An ACK line of an 855: the PO1 it answers and the status (element 668) and units it gives. */
export interface AckLine {
  line: string
  sku: string
  quantity: number
  acks: { code: string; quantity: number }[]
}

const ymd = (d: Date) => d.toISOString().slice(0, 10).replace(/-/g, '')
const hm = (d: Date) => d.toISOString().slice(11, 16).replace(':', '')

/**
 * A drop-ship supplier on the other side of a mailbox (issue 20): it reads the hub's 850s from
 * `outbound/` (checking each envelope as its translator would, through `EdiPartner`) and drops
 * its own X12 into `inbound/`: 997s for the hub's POs, 855 acknowledgements, 856 ship notices and
 * 846 inventory advice, each in an envelope of its own with its own control number.
 */
export class EdiSupplier extends EdiPartner {
  private next = 700

  constructor(mailbox: string, supplierId = 'DROPSUP', hubId = 'HUBBUYER') {
    super(mailbox, supplierId, hubId)
  }

  /** The hub's 850s, oldest first. */
  purchaseOrdersReceived(): ReceivedDocument[] {
    return this.received().filter((d) => d.setIds.includes('850'))
  }

  /** One interchange holding one set, dropped into inbound/; returns its control number. */
  send(functionalId: string, setId: string, body: string[], at = new Date()): number {
    const control = ++this.next
    const n = String(control).padStart(9, '0')
    const isa = `ISA*00*          *00*          *ZZ*${this.partnerId.padEnd(15)}*ZZ*${this.hubId.padEnd(15)}*${ymd(at).slice(2)}*${hm(at)}*U*00401*${n}*0*T*>`
    const set = [`ST*${setId}*0001`, ...body]
    set.push(`SE*${set.length + 1}*0001`)
    const segments = [
      isa,
      `GS*${functionalId}*${this.partnerId}*${this.hubId}*${ymd(at)}*${hm(at)}*${control}*X*004010`,
      ...set,
      `GE*1*${control}`,
      `IEA*1*${n}`,
    ]
    this.drop(`${setId}-${control}.edi`, `${segments.join('~\n')}~\n`)
    return control
  }

  /** 997 for the hub's 850 interchange: AK1 names its group (GS06, the hub's ISA13). */
  acknowledge(po: ReceivedDocument, accepted = true): number {
    const gs = po.segments.find((s) => s[0] === 'GS')!
    return this.send('FA', '997', [
      `AK1*PO*${gs[6]}`,
      'AK2*850*0001',
      `AK5*${accepted ? 'A' : 'R'}`,
      `AK9*${accepted ? 'A' : 'R'}*1*1*${accepted ? 1 : 0}`,
    ])
  }

  /** 855 with BAK02 `type` (AD accepted, AC with changes, RJ rejected) and each line's ACKs. */
  acknowledgePo(poNumber: string, type: 'AD' | 'AC' | 'RJ', lines: AckLine[]): number {
    const today = ymd(new Date())
    return this.send('PR', '855', [
      `BAK*00*${type}*${poNumber}*${today}****SO-${poNumber.slice(-6)}*${today}`,
      ...lines.flatMap((l) => [
        `PO1*${l.line}*${l.quantity}*EA***VP*${l.sku}`,
        ...l.acks.map((a) => `ACK*${a.code}*${a.quantity}*EA*068*${today}`),
      ]),
      `CTT*${lines.length}`,
    ])
  }

  /** 865 answering the hub's 860: BCA02 `AT` accepts the change (here, the cancellation), `RJ` refuses it. */
  acknowledgeChange(poNumber: string, type: 'AT' | 'RJ'): number {
    const today = ymd(new Date())
    return this.send('CA', '865', [`BCA*01*${type}*${poNumber}***${today}`])
  }

  /** 856 for one PO: carrier SCAC in TD503, tracking in REF*CN, the items in SN1. */
  shipNotice(
    poNumber: string,
    shipment: { id: string; scac: string; tracking: string; lines: { sku: string; quantity: number }[] },
    at = new Date(),
  ): number {
    const items = shipment.lines.flatMap((l, i) => [
      `HL*${i + 4}*3*I`,
      `LIN*${i + 1}*VP*${l.sku}`,
      `SN1**${l.quantity}*EA`,
    ])
    return this.send('SH', '856', [
      `BSN*00*${shipment.id}*${ymd(at)}*${hm(at)}*0001`,
      'HL*1**S',
      'TD1*CTN25*1',
      `TD5**2*${shipment.scac}*U`,
      `REF*CN*${shipment.tracking}`,
      `DTM*011*${ymd(at)}`,
      'HL*2*1*O',
      `PRF*${poNumber}`,
      'HL*3*2*P',
      ...items,
      `CTT*${shipment.lines.length + 3}`,
    ])
  }

  /** 846 as of `at`: what the supplier has available for sale (QTY*33) of each sku (LIN VP). */
  inventoryAdvice(levels: { sku: string; available: number }[], at = new Date()): number {
    return this.send('IB', '846', [
      `BIA*00*DD*INV-${this.next + 1}*${ymd(at)}*${hm(at)}`,
      ...levels.flatMap((l) => [`LIN**VP*${l.sku}`, `QTY*33*${l.available}*EA`]),
      `CTT*${levels.length}`,
    ])
  }
}
