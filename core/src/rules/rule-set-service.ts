import { formatPath } from '@switchyard/plugin-sdk'
import type { RowOf } from '../db/row-of'
import type { SqlDb, SqlRunner } from '../db/sql/sql-db'
import { readJson, writeJson } from '../db/sql/sql-db'
import { ConflictError, NotFoundError, PreconditionFailedError, ValidationError } from '../errors'
import { uuidv7 } from '../ids'
import type {
  RuleSetKind,
  RuleSetSchema,
  RuleSetVersionSchema,
  RuleSetVersionStatus,
} from './rule-set.entity'
import type { RuleProperties } from './rule-types'
import { type MasterData, rulesShape, type ValidationReport, validateRules } from './validate'

export interface RuleSetView {
  id: string
  kind: RuleSetKind
  name: string
  description: string | null
  liveVersion: number | null
  latestVersion: number | null
  createdAt: string
  updatedAt: string
}

export interface RuleSetVersionView {
  id: string
  ruleSetId: string
  version: number
  status: RuleSetVersionStatus
  rules: RuleProperties[]
  /** The editor's graph document, stored as it was sent. */
  graph: unknown
  settings: VersionSettings | null
  author: string | null
  comment: string | null
  effectiveFrom: string | null
  createdAt: string
  updatedAt: string | null
  publishedAt: string | null
  /** The version's state as an HTTP entity tag: send it as If-Match to save over exactly this state. */
  etag: string
}

/** A version's settings: the zone its time facts (order.placedHour, placedWeekday) are read in. */
export interface VersionSettings {
  timezone?: string
}

export interface VersionInput {
  rules: unknown
  graph?: unknown
  settings?: VersionSettings | null
  author?: string | null
  comment?: string | null
}

type SetRow = Omit<RowOf<typeof RuleSetSchema>, 'live_version_id'>

type VersionRow = RowOf<typeof RuleSetVersionSchema>

const VERSION_COLUMNS =
  'id, rule_set_id, version, status, rules, graph, settings, author, comment, effective_from, created_at, updated_at, published_at'
const iso = (ms: number | null) =>
  ms === null || ms === undefined ? null : new Date(Number(ms)).toISOString()

function versionView(r: VersionRow): RuleSetVersionView {
  return {
    id: r.id,
    ruleSetId: r.rule_set_id,
    version: Number(r.version),
    status: r.status,
    rules: readJson<RuleProperties[]>(r.rules),
    graph: readJson<unknown>(r.graph) ?? null,
    settings: readJson<VersionSettings | null>(r.settings) ?? null,
    author: r.author,
    comment: r.comment,
    effectiveFrom: iso(r.effective_from),
    createdAt: iso(r.created_at)!,
    updatedAt: iso(r.updated_at),
    publishedAt: iso(r.published_at),
    etag: versionTag(Number(r.version), Number(r.updated_at ?? r.created_at)),
  }
}

/** One tag per saved state: the version and the instant of its last write. */
function versionTag(version: number, savedAt: number): string {
  return `"v${version}-${savedAt}"`
}

/** The saved-at instant an If-Match tag names, or NaN when it names none of ours. */
function taggedSavedAt(tag: string, version: number): number {
  const m = /^(?:W\/)?"v(\d+)-(\d+)"$/.exec(tag.trim())
  return m && Number(m[1]) === version ? Number(m[2]) : Number.NaN
}

/**
 * Rule sets and their versions. A draft may be saved with errors (the editor autosaves); publishing
 * refuses until `validateRules` finds none. A published version never changes; it is live from its
 * effective-from time (or publication) until a later published version takes effect or it is
 * archived.
 */
export type RuleValidator = (
  rules: unknown,
  master: MasterData,
) => ValidationReport | Promise<ValidationReport>

export class RuleSetService {
  private readonly listeners: (() => void)[] = []
  private readonly validators = new Map<RuleSetKind, RuleValidator>()

  constructor(
    private readonly db: SqlDb,
    private readonly masterData: () => Promise<MasterData>,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Told when what is live may have changed (publish, archive). */
  onChange(listener: () => void): void {
    this.listeners.push(listener)
  }

  async list(kind?: RuleSetKind): Promise<RuleSetView[]> {
    const rows = await this.db.all<SetRow>(
      `select id, kind, name, description, created_at, updated_at from rule_set ${kind ? 'where kind = ?' : ''} order by id`,
      kind ? [kind] : [],
    )
    const now = this.clock()
    return Promise.all(rows.map((r) => this.setView(r, now)))
  }

  async get(id: string): Promise<RuleSetView & { versions: Omit<RuleSetVersionView, 'rules' | 'graph'>[] }> {
    const row = await this.db.one<SetRow>(
      'select id, kind, name, description, created_at, updated_at from rule_set where id = ?',
      [id],
    )
    if (!row) throw new NotFoundError('rule set', id, 'RULE_SET_NOT_FOUND')
    const versions = await this.db.all<VersionRow>(
      `select ${VERSION_COLUMNS} from rule_set_version where rule_set_id = ? order by version`,
      [id],
    )
    return {
      ...(await this.setView(row, this.clock())),
      versions: versions.map((v) => {
        const { rules: _r, graph: _g, ...rest } = versionView(v)
        return rest
      }),
    }
  }

  async create(input: {
    id: string
    kind: RuleSetKind
    name: string
    description?: string | null
  }): Promise<RuleSetView> {
    const now = this.clock()
    const changed = await this.db.run(
      `insert into rule_set (id, kind, name, description, created_at, updated_at) values (?, ?, ?, ?, ?, ?) on conflict (id) do nothing`,
      [input.id, input.kind, input.name, input.description ?? null, now, now],
    )
    if (changed !== 1) throw new ConflictError(`rule set '${input.id}' exists already`, 'RULE_SET_EXISTS')
    return (await this.list()).find((s) => s.id === input.id)!
  }

  /** A kind with its own facts and actions (pricing) validates its rules itself; sourcing's is the default. */
  useValidator(kind: RuleSetKind, validator: RuleValidator): void {
    this.validators.set(kind, validator)
  }

  /** Validates rules of a kind against the live catalogue. */
  async validate(rules: unknown, kind: RuleSetKind = 'sourcing'): Promise<ValidationReport> {
    return (this.validators.get(kind) ?? validateRules)(rules, await this.masterData())
  }

  /** The kind of a rule set (what its rules are validated as). */
  async kindOf(ruleSetId: string): Promise<RuleSetKind> {
    const row = await this.db.one<{ kind: RuleSetKind }>('select kind from rule_set where id = ?', [
      ruleSetId,
    ])
    if (!row) throw new NotFoundError('rule set', ruleSetId, 'RULE_SET_NOT_FOUND')
    return row.kind
  }

  async createVersion(
    ruleSetId: string,
    input: VersionInput,
  ): Promise<{ version: RuleSetVersionView; validation: ValidationReport }> {
    const shape = this.checkShape(input.rules)
    const validation = await this.validate(input.rules, await this.kindOf(ruleSetId))
    const now = this.clock()
    const id = uuidv7(now)
    await this.db.transaction(async (tx) => {
      await this.lockSet(tx, ruleSetId)
      const max = await tx.one<{ v: number | null }>(
        'select max(version) as v from rule_set_version where rule_set_id = ?',
        [ruleSetId],
      )
      await tx.run(
        `insert into rule_set_version (${VERSION_COLUMNS}) values (?, ?, ?, 'draft', ?, ?, ?, ?, ?, null, ?, ?, null)`,
        [
          id,
          ruleSetId,
          Number(max?.v ?? 0) + 1,
          JSON.stringify(shape),
          writeJson(input.graph),
          writeJson(input.settings),
          input.author ?? null,
          input.comment ?? null,
          now,
          now,
        ],
      )
      await tx.run('update rule_set set updated_at = ? where id = ?', [now, ruleSetId])
    })
    return { version: (await this.getVersionById(id))!, validation }
  }

  async updateDraft(
    ruleSetId: string,
    version: number,
    input: Partial<VersionInput>,
    ifMatch?: string,
  ): Promise<{ version: RuleSetVersionView; validation: ValidationReport }> {
    const current = await this.getVersion(ruleSetId, version)
    if (current.status !== 'draft')
      throw new ConflictError(
        `version ${version} is ${current.status}; only drafts change (save a new version instead)`,
        'VERSION_IMMUTABLE',
      )
    this.checkTag(current, ifMatch)
    const rules = input.rules === undefined ? current.rules : this.checkShape(input.rules)
    const validation = await this.validate(rules, await this.kindOf(ruleSetId))
    const now = this.clock()
    const changed = await this.db.run(
      `update rule_set_version set rules = ?, graph = ?, settings = ?, author = ?, comment = ?, updated_at = ?
        where id = ? and status = 'draft' and coalesce(updated_at, created_at) = ?`,
      [
        JSON.stringify(rules),
        writeJson(input.graph === undefined ? current.graph : input.graph),
        writeJson(input.settings === undefined ? current.settings : input.settings),
        input.author === undefined ? current.author : input.author,
        input.comment === undefined ? current.comment : input.comment,
        now,
        current.id,
        Date.parse(current.updatedAt ?? current.createdAt),
      ],
    )
    if (changed !== 1) {
      // Someone else saved or published it between the read and this write.
      const latest = await this.getVersion(ruleSetId, version)
      if (latest.status !== 'draft')
        throw new ConflictError(`version ${version} was published meanwhile`, 'VERSION_IMMUTABLE')
      this.checkTag(latest, current.etag)
    }
    return { version: (await this.getVersionById(current.id))!, validation }
  }

  /** A write that names the state it read (If-Match) goes ahead only on that state. */
  private checkTag(current: RuleSetVersionView, ifMatch: string | undefined): void {
    if (ifMatch === undefined || ifMatch.trim() === '*') return
    const matches = ifMatch
      .split(',')
      .some((t) => taggedSavedAt(t, current.version) === Date.parse(current.updatedAt ?? current.createdAt))
    if (!matches)
      throw new PreconditionFailedError(
        `version ${current.version} changed since it was read: it is now ${current.etag}, saved by ${current.author ?? 'someone'} at ${current.updatedAt ?? current.createdAt}`,
        { etag: current.etag, updatedAt: current.updatedAt, author: current.author, status: current.status },
      )
  }

  async getVersion(ruleSetId: string, version: number): Promise<RuleSetVersionView> {
    const row = await this.db.one<VersionRow>(
      `select ${VERSION_COLUMNS} from rule_set_version where rule_set_id = ? and version = ?`,
      [ruleSetId, version],
    )
    if (!row) throw new NotFoundError('rule set version', `${ruleSetId}@${version}`, 'VERSION_NOT_FOUND')
    return versionView(row)
  }

  async getVersionById(id: string): Promise<RuleSetVersionView | undefined> {
    const row = await this.db.one<VersionRow>(
      `select ${VERSION_COLUMNS} from rule_set_version where id = ?`,
      [id],
    )
    return row ? versionView(row) : undefined
  }

  /** Publishes a draft: refused while validation finds errors; immutable from here on. */
  async publish(
    ruleSetId: string,
    version: number,
    input: { author?: string | null; comment?: string | null; effectiveFrom?: number | null } = {},
    ifMatch?: string,
  ): Promise<{ version: RuleSetVersionView; validation: ValidationReport }> {
    const current = await this.getVersion(ruleSetId, version)
    if (current.status !== 'draft')
      throw new ConflictError(`version ${version} is ${current.status}, not a draft`, 'VERSION_NOT_DRAFT')
    this.checkTag(current, ifMatch)
    const validation = await this.validate(current.rules, await this.kindOf(ruleSetId))
    if (!validation.valid) {
      throw new ValidationError(
        `version ${version} has ${validation.errors.length} error(s); fix them before publishing`,
        validation.errors.map((e) => ({
          field: e.field,
          message: `rule '${e.rule}'${e.condition ? `, condition '${e.condition}'` : ''}: ${e.message}`,
        })),
        'RULES_INVALID',
      )
    }
    const now = this.clock()
    const changed = await this.db.run(
      `update rule_set_version set status = 'published', published_at = ?, effective_from = ?, updated_at = ?,
         author = coalesce(?, author), comment = coalesce(?, comment)
        where id = ? and status = 'draft'`,
      [now, input.effectiveFrom ?? null, now, input.author ?? null, input.comment ?? null, current.id],
    )
    if (changed !== 1)
      throw new ConflictError(`version ${version} was published meanwhile`, 'VERSION_NOT_DRAFT')
    await this.db.run('update rule_set set live_version_id = ?, updated_at = ? where id = ?', [
      current.id,
      now,
      ruleSetId,
    ])
    for (const l of this.listeners) l()
    return { version: (await this.getVersionById(current.id))!, validation }
  }

  async archive(ruleSetId: string, version: number): Promise<RuleSetVersionView> {
    const current = await this.getVersion(ruleSetId, version)
    if (current.status === 'archived') return current
    const now = this.clock()
    await this.db.run(`update rule_set_version set status = 'archived', updated_at = ? where id = ?`, [
      now,
      current.id,
    ])
    // Archiving the live version changes the set's live version: a change `updatedSince` must see.
    await this.db.run('update rule_set set updated_at = ? where id = ?', [now, ruleSetId])
    for (const l of this.listeners) l()
    return (await this.getVersionById(current.id))!
  }

  /**
   * The version that routes orders at `now`: among published sourcing versions in force (no
   * effective-from, or one that has passed), the one that took effect last.
   */
  async live(
    kind: RuleSetKind,
    now = this.clock(),
    ruleSetId?: string,
  ): Promise<RuleSetVersionView | undefined> {
    const row = await this.db.one<VersionRow>(
      `select ${VERSION_COLUMNS.split(', ')
        .map((c) => `v.${c}`)
        .join(', ')} from rule_set_version v join rule_set s on s.id = v.rule_set_id
        where s.kind = ? and v.status = 'published' and (v.effective_from is null or v.effective_from <= ?)${ruleSetId ? ' and s.id = ?' : ''}
        order by coalesce(v.effective_from, v.published_at) desc, v.published_at desc, v.version desc limit 1`,
      ruleSetId ? [kind, now, ruleSetId] : [kind, now],
    )
    return row ? versionView(row) : undefined
  }

  private checkShape(rules: unknown): RuleProperties[] {
    const parsed = rulesShape.safeParse(rules)
    if (!parsed.success) {
      throw new ValidationError(
        'rules are not json-rules-engine rules',
        parsed.error.issues.map((i) => ({
          field: formatPath(['rules', ...i.path]),
          message: i.message,
        })),
        'RULES_MALFORMED',
      )
    }
    return rules as RuleProperties[]
  }

  private async lockSet(tx: SqlRunner, id: string): Promise<void> {
    const row = await tx.one<{ id: string }>(
      `select id from rule_set where id = ?${tx.dialect === 'postgresql' ? ' for update' : ''}`,
      [id],
    )
    if (!row) throw new NotFoundError('rule set', id, 'RULE_SET_NOT_FOUND')
  }

  private async setView(r: SetRow, now: number): Promise<RuleSetView> {
    const live = await this.live(r.kind, now, r.id)
    const latest = await this.db.one<{ v: number | null }>(
      'select max(version) as v from rule_set_version where rule_set_id = ?',
      [r.id],
    )
    return {
      id: r.id,
      kind: r.kind,
      name: r.name,
      description: r.description,
      liveVersion: live?.version ?? null,
      latestVersion: latest?.v === null || latest?.v === undefined ? null : Number(latest.v),
      createdAt: iso(r.created_at)!,
      // A published version with an effective-from becomes live when that instant passes, with no
      // write to the set: from then the set counts as changed at that instant, so `updatedSince`
      // (and a sync keyed on it) sees the new live version.
      updatedAt: iso(
        Math.max(Number(r.updated_at), live?.effectiveFrom ? Date.parse(live.effectiveFrom) : 0),
      )!,
    }
  }
}
