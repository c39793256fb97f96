import type { LocationInput, ProductInput } from '@switchyard/core'

/** A small, believable NZ/AU business: one DC and a store in each island's main city, a 3PL, a Sydney DC. */
export const demoLocations: Omit<LocationInput, 'wmsInstanceId'>[] = [
  {
    id: 'akl-dc',
    name: 'Auckland DC',
    type: 'warehouse',
    line1: '18 Te Apunga Place, Mount Wellington',
    city: 'Auckland',
    region: 'Auckland',
    postcode: '1060',
    country: 'NZ',
    lat: -36.9069,
    lon: 174.8447,
    timezone: 'Pacific/Auckland',
    tags: ['hazmat-licensed', 'secure'],
    dailyCapacity: 2000,
    cutoffTime: '15:00',
    handlingDays: 0,
    priority: 10,
  },
  {
    id: 'wlg-store',
    name: 'Wellington Lambton Quay store',
    type: 'store',
    line1: '230 Lambton Quay',
    city: 'Wellington',
    region: 'Wellington',
    postcode: '6011',
    country: 'NZ',
    lat: -41.2809,
    lon: 174.7762,
    timezone: 'Pacific/Auckland',
    tags: ['ship-from-store'],
    dailyCapacity: 150,
    cutoffTime: '14:00',
    handlingDays: 0,
    priority: 50,
    // Click and collect: customers collect here.
    acceptsPickup: true,
  },
  {
    id: 'chc-3pl',
    name: 'Christchurch 3PL (Hornby)',
    type: '3pl',
    line1: '25 Shands Road, Hornby',
    city: 'Christchurch',
    region: 'Canterbury',
    postcode: '8042',
    country: 'NZ',
    lat: -43.5441,
    lon: 172.5261,
    timezone: 'Pacific/Auckland',
    tags: ['hazmat-licensed'],
    dailyCapacity: 800,
    cutoffTime: '13:00',
    handlingDays: 1,
    priority: 30,
  },
  {
    id: 'syd-dc',
    name: 'Sydney DC (Eastern Creek)',
    type: 'warehouse',
    line1: '2 Eastern Creek Drive',
    city: 'Eastern Creek',
    region: 'NSW',
    postcode: '2766',
    country: 'AU',
    lat: -33.8037,
    lon: 150.8637,
    timezone: 'Australia/Sydney',
    tags: ['secure'],
    dailyCapacity: 3000,
    cutoffTime: '16:00',
    handlingDays: 0,
    priority: 10,
  },
]

type Seed = [
  sku: string,
  name: string,
  category: string,
  grams: number,
  flags?: { hazmat?: true; highValue?: true; tags?: string[] },
]

const SEEDS: Seed[] = [
  ['TEE-MER-BLK-M', 'Merino tee, black, M', 'apparel', 180],
  ['TEE-MER-BLK-L', 'Merino tee, black, L', 'apparel', 190],
  ['TEE-MER-NAV-M', 'Merino tee, navy, M', 'apparel', 180],
  ['HOOD-ORG-GRY-L', 'Organic hoodie, grey, L', 'apparel', 620],
  ['JKT-RAIN-RED-M', 'Rain shell, red, M', 'apparel', 410, { tags: ['new-season'] }],
  ['JKT-DOWN-BLK-L', 'Down jacket, black, L', 'apparel', 560, { tags: ['new-season'] }],
  ['SOCK-HIKE-3PK', 'Hiking socks, 3 pack', 'apparel', 210],
  ['BEANIE-POSS', 'Possum-merino beanie', 'apparel', 90, { tags: ['made-in-nz', 'gift'] }],
  ['BOOT-TRAIL-42', 'Trail boot, EU 42', 'footwear', 1150],
  ['BOOT-TRAIL-44', 'Trail boot, EU 44', 'footwear', 1210],
  ['SANDAL-JAN-40', 'Jandals, EU 40', 'footwear', 260, { tags: ['clearance'] }],
  ['PACK-DAY-25L', 'Day pack 25 L', 'outdoor', 780],
  ['PACK-TRAMP-60L', 'Tramping pack 60 L', 'outdoor', 1900, { tags: ['bulky'] }],
  ['TENT-2P-ALP', 'Alpine tent, 2 person', 'outdoor', 2400, { tags: ['bulky'] }],
  ['BAG-SLEEP-M5', 'Sleeping bag, −5 °C', 'outdoor', 1350],
  ['MAT-INFL-R', 'Inflatable sleeping mat', 'outdoor', 480],
  ['POLE-TREK-PR', 'Trekking poles, pair', 'outdoor', 520],
  ['BOTTLE-STEEL-1L', 'Steel bottle 1 L', 'outdoor', 390],
  ['STOVE-GAS-CAN', 'Butane-propane canister 230 g', 'outdoor', 380, { hazmat: true }],
  ['FUEL-WHITE-1L', 'White-gas stove fuel 1 L', 'outdoor', 900, { hazmat: true }],
  ['LIGHTER-STORM', 'Storm lighter (butane)', 'outdoor', 80, { hazmat: true }],
  ['SPRAY-INSECT-150', 'Insect repellent aerosol 150 ml', 'outdoor', 190, { hazmat: true }],
  ['BATT-LI-18650-4', 'Li-ion 18650 cells, 4 pack', 'electronics', 200, { hazmat: true, tags: ['lithium'] }],
  ['BANK-PWR-20K', 'Power bank 20,000 mAh', 'electronics', 420, { hazmat: true, tags: ['lithium'] }],
  ['LAMP-HEAD-400', 'Head torch 400 lm', 'electronics', 95, { tags: ['lithium'] }],
  ['RADIO-EMERG', 'Emergency crank radio', 'electronics', 310],
  ['GPS-HAND-66', 'Handheld GPS', 'electronics', 230, { highValue: true, tags: ['lithium'] }],
  [
    'PLB-RESCUE',
    'Personal locator beacon',
    'electronics',
    150,
    { highValue: true, hazmat: true, tags: ['lithium'] },
  ],
  [
    'DRONE-MINI-4',
    'Mini drone with 4K camera',
    'electronics',
    250,
    { highValue: true, hazmat: true, tags: ['lithium', 'fragile'] },
  ],
  ['CAM-MIRRORLESS', 'Mirrorless camera body', 'electronics', 650, { highValue: true, tags: ['fragile'] }],
  ['WATCH-GPS-TI', 'Titanium GPS watch', 'electronics', 70, { highValue: true, tags: ['lithium', 'gift'] }],
  ['BINO-10X42', 'Binoculars 10×42', 'outdoor', 700, { highValue: true, tags: ['fragile'] }],
  ['MUG-ENAMEL', 'Enamel camp mug', 'home', 160],
  ['THROW-WOOL', 'Wool throw', 'home', 1100, { tags: ['made-in-nz', 'gift'] }],
  ['CANDLE-MANUKA', 'Mānuka soy candle', 'home', 320, { tags: ['fragile', 'made-in-nz', 'gift'] }],
  ['HONEY-UMF15', 'Mānuka honey UMF 15+, 250 g', 'food', 360, { tags: ['fragile', 'made-in-nz', 'gift'] }],
  ['COFFEE-BEANS-1K', 'Coffee beans 1 kg', 'food', 1020],
  ['TEA-KAWAKAWA', 'Kawakawa tea, 40 bags', 'food', 110, { tags: ['made-in-nz'] }],
  ['BOOK-TRAMP-NZ', 'Great Walks of New Zealand (book)', 'books', 540, { tags: ['made-in-nz', 'gift'] }],
  ['MAP-TOPO-SET', 'Topographic map set', 'books', 300],
]

export const demoProducts: ProductInput[] = SEEDS.map(([sku, name, category, grams, flags]) => ({
  sku,
  name,
  category,
  weightGrams: grams,
  hazmat: flags?.hazmat ?? false,
  highValue: flags?.highValue ?? false,
  attributes: {},
  tags: flags?.tags ?? [],
}))

/** Deterministic stock: every sku somewhere, not every sku everywhere, hazmat only at licensed sites. */
export function demoStock(): { sku: string; locationId: string; onHand: number; safetyStock: number }[] {
  let state = 20261126
  const rand = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31
    return state / 2 ** 31
  }
  const rows: { sku: string; locationId: string; onHand: number; safetyStock: number }[] = []
  for (const p of demoProducts) {
    for (const l of demoLocations) {
      if (p.hazmat && !l.tags?.includes('hazmat-licensed')) continue
      if (p.highValue && !l.tags?.includes('secure') && l.type !== 'store') continue
      const present = l.type === 'warehouse' ? rand() < 0.95 : rand() < 0.6
      if (!present) continue
      const scale = l.type === 'store' ? 12 : l.type === '3pl' ? 80 : 250
      rows.push({
        sku: p.sku,
        locationId: l.id,
        onHand: Math.round(rand() * scale) + 2,
        safetyStock: l.type === 'store' ? 1 : 0,
      })
    }
  }
  return rows
}
