/**
 * A WMS plugin that brings its thread down once, for the delivery thread's restart test: its
 * first fulfilment request throws outside any promise the hub awaits (an uncaught exception, as a
 * stray callback in a real plugin would) and never answers; every later one is accepted. The
 * marker file (in the temp folder, per test process) remembers the crash across threads.
 */
import { existsSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { customerSchema, definePlugin } from '@switchyard/plugin-sdk'

export const crashMarker = () => join(tmpdir(), `switchyard-crashing-wms-${process.pid}`)

export default definePlugin({
  id: 'crashing-wms',
  kind: 'wms',
  version: '0.0.1',
  sdk: '^1.0.0',
  displayName: 'Crashes its thread once',
  config: customerSchema,
  capabilities: {
    fulfilment: {
      async requestFulfilment(request) {
        if (!existsSync(crashMarker())) {
          writeFileSync(crashMarker(), 'crashed')
          setTimeout(() => {
            throw new Error('a stray exception in a plugin callback')
          }, 0)
          return new Promise(() => {})
        }
        return { status: 'accepted', externalRef: `CRASHY-${request.fulfilmentId}` }
      },
    },
  },
})
