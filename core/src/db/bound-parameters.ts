import { JsonProperty, type MikroORM, Utils } from '@mikro-orm/core'

/** The parts of MikroORM's knex-based connection this module replaces `execute` on. */
interface KnexConnection {
  execute(
    query: unknown,
    params?: unknown[],
    method?: string,
    ctx?: unknown,
    loggerContext?: object,
  ): Promise<unknown>
  ensureConnection(): Promise<void>
  getKnex(): {
    raw(sql: string, bindings?: unknown[]): { transacting(ctx: unknown): unknown } & PromiseLike<unknown>
  }
  getPlatform(): {
    quoteValue(value: unknown): string
    quoteIdentifier(id: string): string
    formatQuery(sql: string, params: readonly unknown[]): string
  }
  config: { get(key: 'onQuery'): (sql: string, params: readonly unknown[]) => string }
  executeQuery<T>(sql: string, cb: () => Promise<T>, context?: object): Promise<T>
  transformRawResult<T>(res: unknown, method: string): T
}

/**
 * MikroORM 6 writes every parameter into the SQL text it sends (`platform.formatQuery`: values
 * escaped and inlined), so a filter value was part of the statement: on SQLite a NUL ended the
 * statement early (a syntax error quoting the value), and driver errors carried the values in their
 * message. Here text travels as a bound parameter instead: strings, and JSON values as their
 * string. Numbers, booleans, dates and nulls stay inlined exactly as MikroORM writes them (they
 * cannot carry text), identifiers (`??`) too. A statement whose text or inlined values hold a
 * literal `?` keeps MikroORM's own path (knex would take it for a placeholder).
 */
export function bindParameters(orm: MikroORM): void {
  const connection = orm.em.getConnection() as unknown as KnexConnection
  const platform = connection.getPlatform()
  const inlined = connection.execute.bind(connection)
  connection.execute = async function execute(query, params = [], method = 'all', ctx, loggerContext) {
    let sql = query
    let values = params
    if (Utils.isObject(query)) {
      const q = (query as { toSQL(): { sql: string; bindings?: unknown[] } }).toSQL()
      const knexQuery = query as { client?: { transacting?: unknown } }
      ctx ??= knexQuery.client?.transacting ? query : null
      sql = q.sql
      values = q.bindings ?? []
    }
    const text = connection.config.get('onQuery')(sql as string, values)
    const bound = values.length > 0 ? toBindings(platform, text, values) : { sql: text, bindings: [] }
    if (!bound) return inlined(text, values, method, ctx, loggerContext)
    // What MikroORM logs (when query logging is on) is the statement with placeholders, never values.
    return connection.executeQuery(
      text,
      async () => {
        const raw = connection.getKnex().raw(bound.sql, bound.bindings)
        if (ctx) raw.transacting(ctx)
        return connection.transformRawResult(await raw, method)
      },
      { query: text, ...loggerContext },
    )
  }
}

/** `?` placeholders with their bindings, or undefined when the statement must stay as MikroORM wrote it. */
export function toBindings(
  platform: Pick<
    KnexConnection['getPlatform'] extends () => infer P ? P : never,
    'quoteValue' | 'quoteIdentifier'
  >,
  sql: string,
  params: readonly unknown[],
): { sql: string; bindings: unknown[] } | undefined {
  if (sql.includes('\\?')) return undefined
  const bindings: unknown[] = []
  let literalQuestionMark = false
  // Inlined text holding a `?` would be read by knex as one more placeholder.
  const inline = (text: string) => {
    if (text.includes('?')) literalQuestionMark = true
    return text
  }
  const value = (v: unknown): string => {
    if (typeof v === 'string') {
      bindings.push(v)
      return '?'
    }
    if (Utils.isPlainObject(v) || (v !== null && typeof v === 'object' && JsonProperty in v)) {
      bindings.push(JSON.stringify(v))
      return '?'
    }
    if (Array.isArray(v)) return v.map(value).join(', ')
    return inline(platform.quoteValue(v))
  }
  let out = ''
  let j = 0
  let pos = 0
  for (let at = sql.indexOf('?'); at !== -1; at = sql.indexOf('?', pos)) {
    out += sql.slice(pos, at)
    if (sql[at + 1] === '?') {
      out += inline(platform.quoteIdentifier(params[j++] as string))
      pos = at + 2
    } else {
      out += value(params[j++])
      pos = at + 1
    }
  }
  return literalQuestionMark ? undefined : { sql: out + sql.slice(pos), bindings }
}
