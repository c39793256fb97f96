import { useEffect, useState } from 'react'
import type { ConsoleApi, Location, PluginInstance } from '../api/client'

/** Locations and channel instances by id: pages show names, never internal ids. */
export interface Lookups {
  locations: Location[]
  channels: PluginInstance[]
  locationName: (id: string) => string
  channelName: (id: string) => string
}

const cache = new WeakMap<ConsoleApi, Promise<Omit<Lookups, 'locationName' | 'channelName'>>>()

function load(api: ConsoleApi) {
  let p = cache.get(api)
  if (!p) {
    // A key that may not list plugins (none today) still sees the page, with ids for names.
    p = Promise.all([api.locations().catch(() => []), api.plugins().catch(() => [])]).then(
      ([locations, plugins]) => ({ locations, channels: plugins.filter((p) => p.kind === 'channel') }),
    )
    cache.set(api, p)
  }
  return p
}

export function withNames(l: Omit<Lookups, 'locationName' | 'channelName'>): Lookups {
  const loc = new Map(l.locations.map((x) => [x.id, x.name]))
  return {
    ...l,
    locationName: (id) => loc.get(id) ?? id,
    // A channel instance's id is the name it was configured with (`demo-web`, `amazon-au`).
    channelName: (id) => id,
  }
}

export function useLookups(api: ConsoleApi): Lookups {
  const [value, setValue] = useState<Lookups>(() => withNames({ locations: [], channels: [] }))
  useEffect(() => {
    let live = true
    void load(api).then((l) => live && setValue(withNames(l)))
    return () => {
      live = false
    }
  }, [api])
  return value
}
