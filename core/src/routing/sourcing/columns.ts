/**
 * Typed arrays a decision works in, one value per candidate, kept between decisions and handed out
 * by name: at ten thousand candidates, fresh arrays per decision were megabytes an order for the
 * young generation's collector to copy. A decision is synchronous and nothing it returns holds one
 * of them, so each is valid until the next decision asks for the same name. Not zeroed: the
 * caller writes every entry it reads.
 */
class Columns {
  private readonly doubles = new Map<string, Float64Array>()
  private readonly bytes = new Map<string, Uint8Array>()

  get(name: string, n: number): Float64Array {
    let a = this.doubles.get(name)
    if (!a || a.length < n) {
      a = new Float64Array(Math.max(n, (a?.length ?? 0) * 2))
      this.doubles.set(name, a)
    }
    return a.length === n ? a : a.subarray(0, n)
  }

  flags(name: string, n: number): Uint8Array {
    let a = this.bytes.get(name)
    if (!a || a.length < n) {
      a = new Uint8Array(Math.max(n, (a?.length ?? 0) * 2))
      this.bytes.set(name, a)
    }
    return a.length === n ? a : a.subarray(0, n)
  }
}

export const columns = new Columns()
