/** The yardstick: Express answering a constant string, in a process of its own like the app's. */
import express from 'express'
import type { AddressInfo } from 'node:net'

const app = express()
app.get('/', (_req, res) => {
  res.send('ok')
})
const server = app.listen(0, '127.0.0.1', () => {
  process.send?.({ port: (server.address() as AddressInfo).port })
})
process.on('disconnect', () => process.exit(0))
