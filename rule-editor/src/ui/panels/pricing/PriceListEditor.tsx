import { useEffect, useState } from 'react'
import {
  type Api,
  ApiError,
  type PriceListBody,
  type PriceListWithPrices,
  type Product,
  problemText,
} from '../../../api/client'
import { browserTimeZone, toLocalInput } from '../../../model/dates'
import { TextField } from '../../fields/TextField'
import { PasteBox } from './PasteBox'

interface Form {
  id: string
  name: string
  currency: string
  channel: string
  customerGroup: string
  /** A contract's customer, by email. */
  customerEmail: string
  priority: string
  validFrom: string
  validTo: string
  tolerancePercent: string
}

const blank: Form = {
  id: '',
  name: '',
  currency: 'NZD',
  channel: '',
  customerGroup: '',
  customerEmail: '',
  priority: '0',
  validFrom: '',
  validTo: '',
  tolerancePercent: '',
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)

/**
 * One price list or contract: its settings (who it applies to, when, in which currency) and its
 * prices, searched by sku or name, edited in place, added one by one or pasted from a sheet.
 */
export function PriceListEditor(props: {
  api: Api
  /** null: a new list. */
  listId: string | null
  products: Product[]
  channels: string[]
  segments: string[]
  canWrite: boolean
  onSaved: (id: string) => void
  onClose: () => void
}) {
  const { api } = props
  const [form, setForm] = useState<Form>(blank)
  const [list, setList] = useState<(PriceListWithPrices & { etag: string | undefined }) | null>(null)
  const [edits, setEdits] = useState<Map<string, string>>(new Map())
  const [search, setSearch] = useState('')
  const [addSku, setAddSku] = useState('')
  const [addPrice, setAddPrice] = useState('')
  const [error, setError] = useState<string | null>(null)
  /** Someone else changed the list since it was read: the write was refused (412), nothing saved. */
  const [stale, setStale] = useState(false)
  const [note, setNote] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const load = async (id: string) => {
    const l = await api.priceList(id)
    setList(l)
    setEdits(new Map())
    setForm({
      id: l.id,
      name: l.name,
      currency: l.currency,
      channel: l.channel ?? '',
      customerGroup: l.customerGroup ?? '',
      customerEmail: '',
      priority: String(l.priority),
      validFrom: l.validFrom ? toLocalInput(l.validFrom) : '',
      validTo: l.validTo ? toLocalInput(l.validTo) : '',
      tolerancePercent: l.tolerance.percent === '0' ? '' : l.tolerance.percent,
    })
  }
  // biome-ignore lint/correctness/useExhaustiveDependencies: loads once per list opened
  useEffect(() => {
    if (props.listId) void load(props.listId).catch((e) => setError(problemText(e)))
    else {
      setList(null)
      setForm(blank)
    }
  }, [props.listId])

  const set = (change: Partial<Form>) => setForm((f) => ({ ...f, ...change }))
  const names = new Map(props.products.map((p) => [p.sku, p.name]))
  const run = async (what: () => Promise<void>, done: string) => {
    setBusy(true)
    setError(null)
    setStale(false)
    setNote(null)
    try {
      await what()
      setNote(done)
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) {
        setStale(true)
        setError('Someone else changed this list since you opened it, so this change was not saved.')
      } else setError(problemText(e))
    } finally {
      setBusy(false)
    }
  }

  const saveSettings = () =>
    run(async () => {
      const id = list?.id ?? (form.id.trim() || slug(form.name))
      if (!id) throw new Error('give the list a name')
      const body: PriceListBody = {
        name: form.name.trim(),
        currency: form.currency.trim().toUpperCase(),
        channel: form.channel || null,
        customerGroup: form.customerGroup.trim() || null,
        ...(form.customerEmail.trim() ? { customer: { email: form.customerEmail.trim() } } : {}),
        priority: Number(form.priority) || 0,
        validFrom: form.validFrom ? new Date(form.validFrom).toISOString() : null,
        validTo: form.validTo ? new Date(form.validTo).toISOString() : null,
        ...(form.tolerancePercent.trim() ? { tolerance: { percent: form.tolerancePercent.trim() } } : {}),
      }
      await api.putPriceList(id, body, list?.etag)
      await load(id)
      props.onSaved(id)
    }, 'Saved')

  const prices = (list?.prices ?? []).filter((p) => {
    const q = search.trim().toLowerCase()
    return !q || p.sku.toLowerCase().includes(q) || (names.get(p.sku) ?? '').toLowerCase().includes(q)
  })
  const ro = !props.canWrite

  return (
    <div className="price-list-editor" data-testid="price-list-editor">
      <div className="row">
        <button type="button" className="link" onClick={props.onClose}>
          ← All lists
        </button>
      </div>
      <h3>
        {list ? `${list.name} (${list.kind === 'contract' ? 'contract' : 'price list'})` : 'New price list'}
      </h3>
      <fieldset disabled={ro || busy} className="grid2">
        <TextField label="Name" testId="pl-name" value={form.name} onChange={(name) => set({ name })} />
        {!list && (
          <TextField
            label="Id (from the name when empty)"
            testId="pl-id"
            value={form.id}
            placeholder={slug(form.name)}
            onChange={(id) => set({ id })}
          />
        )}
        <TextField
          label="Currency"
          testId="pl-currency"
          value={form.currency}
          disabled={!!list}
          maxLength={3}
          onChange={(currency) => set({ currency })}
        />
        <label>
          Channel
          <select
            data-testid="pl-channel"
            value={form.channel}
            onChange={(e) => set({ channel: e.target.value })}
          >
            <option value="">every channel</option>
            {props.channels.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </label>
        <label>
          Customer segment
          <input
            data-testid="pl-group"
            list="pl-segments"
            placeholder="everyone"
            value={form.customerGroup}
            onChange={(e) => set({ customerGroup: e.target.value })}
          />
          <datalist id="pl-segments">
            {props.segments.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        </label>
        <TextField
          label="Contract for customer (email)"
          testId="pl-customer"
          type="email"
          placeholder={list?.customerId ? 'unchanged' : 'not a contract'}
          value={form.customerEmail}
          onChange={(customerEmail) => set({ customerEmail })}
        />
        <TextField
          label="Priority"
          testId="pl-priority"
          type="number"
          value={form.priority}
          onChange={(priority) => set({ priority })}
        />
        <TextField
          label="Price tolerance % (contracts)"
          testId="pl-tolerance"
          inputMode="decimal"
          value={form.tolerancePercent}
          onChange={(tolerancePercent) => set({ tolerancePercent })}
        />
        <TextField
          label={`Valid from (${browserTimeZone()})`}
          type="datetime-local"
          value={form.validFrom}
          onChange={(validFrom) => set({ validFrom })}
        />
        <TextField
          label={`Valid to (${browserTimeZone()})`}
          type="datetime-local"
          value={form.validTo}
          onChange={(validTo) => set({ validTo })}
        />
      </fieldset>
      <div className="row">
        <button
          type="button"
          className="primary"
          data-testid="pl-save"
          disabled={ro || busy || !form.name.trim()}
          onClick={() => void saveSettings()}
        >
          {list ? 'Save settings' : 'Create list'}
        </button>
      </div>
      {error && (
        <p className="error" role="alert" data-testid="pl-error">
          {error}
          {stale && list && (
            <>
              {' '}
              <button
                type="button"
                className="link"
                data-testid="pl-reload"
                onClick={() =>
                  void run(() => load(list.id), 'Reloaded: their changes are shown; make yours again')
                }
              >
                Reload the list
              </button>
            </>
          )}
        </p>
      )}
      {note && (
        <p className="small" role="status" data-testid="pl-note">
          {note}
        </p>
      )}
      {list && (
        <section data-testid="pl-prices">
          <h4>
            Prices ({list.prices.length}) in {list.currency}
          </h4>
          <input
            type="search"
            aria-label="Search prices by sku or name"
            placeholder="Search sku or name"
            data-testid="pl-search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
          <table className="prices">
            <tbody>
              {prices.slice(0, 200).map((p) => (
                <tr key={p.sku} data-sku={p.sku}>
                  <td>
                    <b>{p.sku}</b>
                    <div className="small muted">{names.get(p.sku) ?? ''}</div>
                  </td>
                  <td>
                    <input
                      className="qty"
                      aria-label={`Price of ${p.sku}`}
                      inputMode="decimal"
                      disabled={ro}
                      value={edits.get(p.sku) ?? p.price}
                      onChange={(e) => setEdits((m) => new Map(m).set(p.sku, e.target.value))}
                    />
                  </td>
                  <td>
                    <button
                      type="button"
                      className="link"
                      aria-label={`Remove ${p.sku}`}
                      disabled={ro || busy}
                      onClick={() =>
                        void run(async () => {
                          await api.removePrices(list.id, [p.sku], list.etag)
                          await load(list.id)
                        }, `Removed ${p.sku}`)
                      }
                    >
                      ×
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {prices.length > 200 && (
            <p className="small muted">First 200 of {prices.length}: search to narrow.</p>
          )}
          <div className="row">
            <button
              type="button"
              data-testid="pl-save-prices"
              disabled={ro || busy || edits.size === 0}
              onClick={() =>
                void run(
                  async () => {
                    await api.setPrices(
                      list.id,
                      [...edits].map(([sku, price]) => ({ sku, price: price.trim() })),
                      list.etag,
                    )
                    await load(list.id)
                  },
                  `Saved ${edits.size} price${edits.size === 1 ? '' : 's'}`,
                )
              }
            >
              Save {edits.size || ''} changed price{edits.size === 1 ? '' : 's'}
            </button>
          </div>
          <div className="row">
            <select
              data-testid="pl-add-sku"
              aria-label="Sku to add"
              value={addSku}
              disabled={ro}
              onChange={(e) => setAddSku(e.target.value)}
            >
              <option value="">Add a sku…</option>
              {props.products
                .filter((p) => !list.prices.some((x) => x.sku === p.sku))
                .map((p) => (
                  <option key={p.sku} value={p.sku}>
                    {p.name} ({p.sku})
                  </option>
                ))}
            </select>
            <input
              className="qty"
              aria-label="Price to add"
              data-testid="pl-add-price"
              inputMode="decimal"
              placeholder="0.00"
              disabled={ro}
              value={addPrice}
              onChange={(e) => setAddPrice(e.target.value)}
            />
            <button
              type="button"
              data-testid="pl-add"
              disabled={ro || busy || !addSku || !addPrice.trim()}
              onClick={() =>
                void run(async () => {
                  await api.setPrices(list.id, [{ sku: addSku, price: addPrice.trim() }], list.etag)
                  setAddSku('')
                  setAddPrice('')
                  await load(list.id)
                }, `Added ${addSku}`)
              }
            >
              Add
            </button>
          </div>
          <PasteBox
            testId="pl-paste"
            hint="One “sku, price” per line (copied cells or CSV)"
            disabled={ro}
            onApply={async (rows) => {
              await api.setPrices(
                list.id,
                rows.map((r) => ({ sku: r.sku, price: r.amount })),
                list.etag,
              )
              await load(list.id)
              setNote(`Imported ${rows.length} price${rows.length === 1 ? '' : 's'}`)
            }}
          />
        </section>
      )}
    </div>
  )
}
