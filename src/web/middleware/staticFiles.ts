import path from 'node:path'
import express, { Router } from 'express'

/** Front-end files come from the installed packages and our own folders: no CDN. */
export function setUpStaticFiles(root: string): Router {
  const router = Router()
  const options = { index: false, fallthrough: true, maxAge: '1h' }
  const govuk = path.join(root, 'node_modules/govuk-frontend/dist/govuk')
  router.use('/assets', express.static(path.join(govuk, 'assets'), options))
  router.get('/static/vendor/govuk-frontend.min.js', (_req, res) =>
    res.sendFile(path.join(govuk, 'govuk-frontend.min.js'), { maxAge: '1h' }),
  )
  router.get('/static/vendor/htmx.min.js', (_req, res) =>
    res.sendFile(path.join(root, 'node_modules/htmx.org/dist/htmx.min.js'), { maxAge: '1h' }),
  )
  router.use('/static', express.static(path.join(root, 'dist/public'), options))
  router.use('/static', express.static(path.join(root, 'static'), options))
  router.get('/favicon.ico', (_req, res) =>
    res.sendFile(path.join(root, 'static/images/favicon.svg'), {
      maxAge: '1d',
      headers: { 'Content-Type': 'image/svg+xml' },
    }),
  )
  return router
}
