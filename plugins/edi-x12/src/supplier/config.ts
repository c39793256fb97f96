import { z } from 'zod'
import { envelopeFields, mailboxFields, oneMailbox } from '../config'

/**
 * A drop-ship supplier over X12 (issue 20): the same mailbox and envelope settings as a trading
 * partner, and the hub location whose stock the supplier's 846 states.
 */
export const ediSupplierConfig = z
  .object({
    ...mailboxFields,
    ...envelopeFields,
    /** The hub's location (type `dropship`) this supplier ships from: its 846s set that stock. */
    locationId: z.string().min(1).max(64),
  })
  .superRefine(oneMailbox)

export type EdiSupplierConfig = z.output<typeof ediSupplierConfig>
