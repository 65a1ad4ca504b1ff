import type { Express } from 'express'

/** The app's routes, read from its own router table, for tests that must cover every one. */

export interface RouteEntry {
  method: string
  /** The path pattern as written in the routers, mount paths included: /cases/:id/contacts. */
  path: string
}

interface LayerLike {
  rawPath?: unknown
  route?: { path: unknown; methods: Record<string, boolean> }
  handle?: { stack?: LayerLike[] }
}

// Express 5 keeps no public list of routes. This reads router v2's internals: each Layer's
// `rawPath` (the path it was mounted or declared at), `route` for app.get/router.post and the
// like, and `handle.stack` for a nested router. The tests that use it also check it finds at least
// a known number of routes, so an upgrade that changes these internals fails loudly, not silently.
function walk(stack: LayerLike[], prefix: string, found: RouteEntry[]): void {
  for (const layer of stack) {
    const path = typeof layer.rawPath === 'string' ? layer.rawPath : undefined
    if (layer.route) {
      const routePath = typeof layer.route.path === 'string' ? layer.route.path : undefined
      if (routePath === undefined) continue
      for (const method of Object.keys(layer.route.methods)) {
        if (method === '_all') continue
        found.push({ method: method.toUpperCase(), path: join(prefix, routePath) })
      }
    } else if (layer.handle?.stack && path !== undefined) {
      walk(layer.handle.stack, join(prefix, path), found)
    }
  }
}

function join(prefix: string, path: string): string {
  const base = prefix === '/' ? '' : prefix
  if (path === '/' || path === '') return base || '/'
  return `${base}${path}`
}

export function routesOf(app: Express): RouteEntry[] {
  const router = (app as unknown as { router?: { stack?: LayerLike[] } }).router
  if (!router?.stack) throw new Error('The app has no router stack: has Express changed how it keeps routes?')
  const found: RouteEntry[] = []
  walk(router.stack, '', found)
  const seen = new Set<string>()
  return found.filter((r) => {
    const key = `${r.method} ${r.path}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** A regular expression matching the concrete paths of a pattern such as /sittings/:id/items/:caseId. */
export function patternRegExp(pattern: string): RegExp {
  const escaped = pattern
    .split(/(:\w+)/)
    .map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('')
  return new RegExp(`^${escaped}$`)
}
