import { type Params, withNumber } from './params'

/** Whether an order may ship in several parcels, how many at most, and each worth at least what. */
export function SplitFields(props: { value: Params; onChange: (v: Params) => void }) {
  const v = props.value
  return (
    <>
      <label>
        Split
        <select
          data-testid="insp-split-policy"
          value={String(v.policy ?? 'allowed')}
          onChange={(e) =>
            props.onChange(
              e.target.value === 'never' ? { policy: 'never' } : { policy: 'allowed', maxShipments: 2 },
            )
          }
        >
          <option value="allowed">allowed</option>
          <option value="never">never</option>
        </select>
      </label>
      {v.policy !== 'never' && (
        <>
          <label>
            At most shipments
            <input
              type="number"
              min={1}
              max={20}
              value={typeof v.maxShipments === 'number' ? v.maxShipments : ''}
              onChange={(e) => props.onChange(withNumber(v, 'maxShipments', e.target.value))}
            />
          </label>
          <label>
            Each shipment worth at least
            <input
              type="number"
              min={0}
              value={typeof v.minShipmentValue === 'number' ? v.minShipmentValue : ''}
              onChange={(e) => props.onChange(withNumber(v, 'minShipmentValue', e.target.value))}
            />
          </label>
        </>
      )}
    </>
  )
}
