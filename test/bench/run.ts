import { benchAllocation } from './allocation'
import { benchCpu } from './cpu'
import { benchIntake } from './intake'
import { benchOrders } from './orders'
import { benchPricing } from './pricing'
import { benchRouting } from './routing'
import { benchScale } from './scale'
import { benchSustained } from './sustained'
import { benchWalPages } from './wal-pages'

/** `pnpm bench <name>`: runs one benchmark; its last output line is its result as JSON. */
const benches: Record<string, () => Promise<Record<string, unknown>>> = {
  allocation: benchAllocation,
  cpu: benchCpu,
  intake: benchIntake,
  orders: benchOrders,
  pricing: benchPricing,
  routing: benchRouting,
  scale: benchScale,
  sustained: benchSustained,
  'wal-pages': benchWalPages,
}

const name = process.argv[2]
const bench = name ? benches[name] : undefined
if (!bench) {
  process.stderr.write(`usage: pnpm bench <${Object.keys(benches).join('|')}>\n`)
  process.exit(2)
}
const result = await bench()
process.stdout.write(`${JSON.stringify(result)}\n`)
process.exit(0)
