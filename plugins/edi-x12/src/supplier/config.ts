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
    /**
     * Hours the supplier has to answer our 850 (a 997 or 855) or 860 (an 865): after that the
     * fulfilment is reported held, with why, for an operator to chase; the answer lifts it.
     */
    acknowledgeWithinHours: z.number().positive().max(720).default(24),
  })
  .superRefine(oneMailbox)

export type EdiSupplierConfig = z.output<typeof ediSupplierConfig>
