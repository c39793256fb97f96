/**
 * The people and places the click-and-collect, ship-to-store and drop-ship e2e tests share. The
 * customer lives in Auckland, next to the Auckland DC: an order shipped to them goes from there,
 * so an allocation anywhere else says something (a pickup, a transfer, a supplier).
 */
export const aucklander = {
  name: 'Aroha Ngata',
  line1: '1 Queen Street',
  city: 'Auckland',
  postcode: '1010',
  country: 'NZ',
  lat: -36.8485,
  lon: 174.7633,
}

/** A store that takes pickups, its picks sent to the world's WMS `dc` (`PUT /locations/wlg`). */
export const wellingtonStore = {
  name: 'Wellington store',
  type: 'store',
  country: 'NZ',
  line1: '1 Lambton Quay',
  city: 'Wellington',
  postcode: '6011',
  lat: -41.2809,
  lon: 174.7762,
  timezone: 'Pacific/Auckland',
  wmsInstanceId: 'dc',
  acceptsPickup: true,
}
