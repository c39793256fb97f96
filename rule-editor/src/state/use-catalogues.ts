import { useCallback, useEffect, useState } from 'react'
import type { Api } from '../api/client'
import { builtInCatalogue, type Catalogue, normaliseCatalogue } from '../model/catalogue'

/**
 * The facts and values rules can use, from the hub; the built-in catalogue until (or unless) it
 * answers. Pricing has its own facts and lists (price lists instead of locations).
 */
export function useCatalogues(api: Api): { sourcing: Catalogue; pricing: Catalogue; reload: () => void } {
  const [catalogues, setCatalogues] = useState({ sourcing: builtInCatalogue, pricing: builtInCatalogue })
  // Asked again when the data behind the value lists changed here (a price list was made).
  const [asked, setAsked] = useState(0)
  const reload = useCallback(() => setAsked((n) => n + 1), [])
  // biome-ignore lint/correctness/useExhaustiveDependencies: `asked` is what asks again
  useEffect(() => {
    void api
      .facts()
      .then((c) => setCatalogues((x) => ({ ...x, sourcing: normaliseCatalogue(c) })))
      .catch(() => undefined)
    void api
      .pricingFacts()
      .then((c) => setCatalogues((x) => ({ ...x, pricing: normaliseCatalogue(c) })))
      .catch(() => undefined)
  }, [api, asked])
  return { ...catalogues, reload }
}
