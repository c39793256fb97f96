import { createServer } from 'node:http'

/** Stands in for the WMS and the storefront during benchmarks: takes every call, answers at once. */
let n = 0
const server = createServer((req, res) => {
  req.resume()
  req.on('end', () => {
    res.writeHead(201, { 'content-type': 'application/json' })
    res.end(`{"id":"SINK-${++n}"}`)
  })
})
server.keepAliveTimeout = 5000
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const a = server.address()
  process.stdout.write(`listening ${typeof a === 'object' && a ? a.port : 0}\n`)
})
process.on('SIGTERM', () => server.close(() => process.exit(0)))
