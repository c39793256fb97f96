import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { Hono } from 'hono'
import { staticFiles } from '../http/static'

const require = createRequire(import.meta.url)

/** `/docs`: Swagger UI served from the installed swagger-ui-dist, so it works with no internet. */
export function docsRoutes(): Hono {
  const app = new Hono()
  const assets = staticFiles(dirname(require.resolve('swagger-ui-dist/package.json')))
  app.get('/', (c) =>
    c.html(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Switchyard API</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><div id="ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script>window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#ui', persistAuthorization: true })</script>
</body></html>`),
  )
  app.get('/assets/:file', (c) => assets(c.req.param('file')) ?? c.notFound())
  return app
}
