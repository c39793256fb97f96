import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import {
  BackupError,
  backupDatabase,
  importSkuMappingCsv,
  openCore,
  type Role,
  restoreDatabase,
  roles,
  ValidationError,
} from '@switchyard/core'
import { seedDemo } from './demo/seed'
import { startHub } from './hub'
import { ConfigFileError } from './plugins/config-file'
import { readSettings } from './settings'

const USAGE = `switchyard <command>

  start                         run the hub (default)
  migrate                       apply database migrations and exit
  seed                          seed the demo world into an empty database
  keys create --role <role> [--name <name>] [--channel <instance>]
                                create an API key (roles: ${roles.join(', ')}); printed once
  keys list                     list API keys
  keys revoke <id>              revoke an API key
  backup <file>                 copy the database while hubs run (SQLite: online backup, checked;
                                PostgreSQL: pg_dump --format=custom of the hub's schema)
  restore <file>                put a backup in place; stop every hub first
  sku-mappings import <instance> <file.csv>
                                map a channel's skus to hub skus (header channel_sku,hub_sku,multiplier;
                                an empty hub_sku removes the mapping); all or nothing

Environment: PORT, HOST, DATABASE_URL, SWITCHYARD_DATA_DIR, SWITCHYARD_CONFIG, SWITCHYARD_DEMO, LOG_LEVEL
(see README.md for all of them).`

const noDirectory = { accepts: () => false }

async function main(argv: string[]): Promise<number> {
  const [command = 'start', sub, ...rest] = argv
  const settings = readSettings()
  switch (command) {
    case 'start': {
      const hub = await startHub(settings)
      const stop = async (signal: string) => {
        process.stderr.write(`\n${signal}: stopping…\n`)
        await hub.stop()
        process.exit(0)
      }
      process.once('SIGINT', () => void stop('SIGINT'))
      process.once('SIGTERM', () => void stop('SIGTERM'))
      return -1
    }
    case 'migrate': {
      const core = await openCore({ settings: settings.database, directory: noDirectory, workerId: 'cli' })
      await core.close()
      process.stdout.write('migrations applied\n')
      return 0
    }
    case 'seed': {
      const core = await openCore({ settings: settings.database, directory: noDirectory, workerId: 'cli' })
      const seeded = await seedDemo(core, null)
      await core.close()
      process.stdout.write(seeded ? 'demo world seeded\n' : 'locations exist already; nothing seeded\n')
      return 0
    }
    case 'keys': {
      const core = await openCore({ settings: settings.database, directory: noDirectory, workerId: 'cli' })
      try {
        if (sub === 'create') {
          const { values } = parseArgs({
            args: rest,
            options: { role: { type: 'string' }, name: { type: 'string' }, channel: { type: 'string' } },
          })
          if (!values.role || !roles.includes(values.role as Role)) {
            process.stderr.write(`--role must be one of ${roles.join(', ')}\n`)
            return 2
          }
          const key = await core.apiKeys.create({
            name: values.name ?? `${values.role} key`,
            role: values.role as Role,
            channelInstanceId: values.channel ?? null,
          })
          process.stdout.write(`${key.token}\n`)
          return 0
        }
        if (sub === 'list') {
          for (const k of await core.apiKeys.list()) {
            process.stdout.write(
              `${k.keyId}  ${k.role.padEnd(10)} ${k.channelInstanceId ?? '-'}  ${k.revokedAt ? 'revoked' : 'active '}  ${k.name}\n`,
            )
          }
          return 0
        }
        if (sub === 'revoke' && rest[0]) {
          await core.apiKeys.revoke(rest[0])
          process.stdout.write('revoked\n')
          return 0
        }
        process.stderr.write(`${USAGE}\n`)
        return 2
      } finally {
        await core.close()
      }
    }
    case 'backup':
    case 'restore': {
      if (!sub || rest.length > 0) {
        process.stderr.write(`${USAGE}\n`)
        return 2
      }
      try {
        const done =
          command === 'backup'
            ? await backupDatabase(settings.database, sub)
            : await restoreDatabase(settings.database, sub)
        process.stdout.write(
          `${command === 'backup' ? 'backed up to' : 'restored from'} ${done.file}: ${done.orders} orders\n`,
        )
        return 0
      } catch (error) {
        if (!(error instanceof BackupError)) throw error
        process.stderr.write(`switchyard ${command}: ${error.message}\n`)
        return 1
      }
    }
    case 'sku-mappings': {
      const [instance, file] = rest
      if (sub !== 'import' || !instance || !file || rest.length !== 2) {
        process.stderr.write(`${USAGE}\n`)
        return 2
      }
      let text: string
      try {
        text = readFileSync(file, 'utf8')
      } catch (error) {
        process.stderr.write(`cannot read ${file}: ${(error as Error).message}\n`)
        return 2
      }
      const core = await openCore({ settings: settings.database, directory: noDirectory, workerId: 'cli' })
      try {
        const { upserted, removed } = await importSkuMappingCsv(core.skuMappings, instance, text)
        process.stdout.write(`${upserted} mapped, ${removed} removed on '${instance}'\n`)
        return 0
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error
        // Each issue names the file line and column; nothing was written.
        process.stderr.write(`${file}: ${error.message}; nothing imported\n`)
        for (const i of error.issues) process.stderr.write(`  ${i.field}: ${i.message}\n`)
        return 1
      } finally {
        await core.close()
      }
    }
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(`${USAGE}\n`)
      return 0
    default:
      process.stderr.write(`unknown command '${command}'\n\n${USAGE}\n`)
      return 2
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code)
  },
  (error: unknown) => {
    if (error instanceof ConfigFileError)
      process.stderr.write(`switchyard: configuration error: ${error.message}\n`)
    else process.stderr.write(`switchyard: ${(error as Error)?.stack ?? String(error)}\n`)
    process.exit(1)
  },
)
