import type { Services } from '../../src/services'
import { portalRouter } from '../../src/web/portal/router'
import { useDemoApp } from '../support/sittings'

/**
 * Every family route, tried by one family with another family's identifiers: each must answer 404 or
 * 403, never the other child's page, letter or extract. The routes are read from the portal's router,
 * so a route added later without a place in this sweep fails it.
 */

const { db, as } = useDemoApp()

interface RouteLayer {
  route?: { path: string; methods: Record<string, boolean> }
}

function familyRoutes(): { method: 'get' | 'post'; path: string }[] {
  const { stack } = portalRouter({} as Services) as unknown as { stack: RouteLayer[] }
  return stack.flatMap((layer) =>
    layer.route
      ? Object.keys(layer.route.methods).map((m) => ({
          method: m as 'get' | 'post',
          path: layer.route!.path,
        }))
      : [],
  )
}

interface FamilyIds {
  caseId: string
  letterId: string
}

async function idsOf(childFirstName: string): Promise<FamilyIds> {
  const row = (await db()('letters as l')
    .join('cases as c', 'c.id', 'l.case_id')
    .join('children as ch', 'ch.id', 'c.child_id')
    .where('ch.first_name', childFirstName)
    .first('c.id', 'l.id as letter_id')) as { id: string; letter_id: string }
  return { caseId: row.id, letterId: row.letter_id }
}

function fill(path: string, ids: FamilyIds): string {
  return `/portal${path}`.replace(':caseId', ids.caseId).replace(':letterId', ids.letterId)
}

test('the sweep knows every parameter of every family route', () => {
  const routes = familyRoutes()
  expect(routes.length).toBeGreaterThanOrEqual(5)
  for (const route of routes) {
    const unknown = route.path.match(/:\w+/g)?.filter((p) => p !== ':caseId' && p !== ':letterId') ?? []
    expect(unknown).toEqual([])
  }
})

test('another family’s identifiers are not found on any family route', async () => {
  const maya = await idsOf('Maya')
  const zain = await idsOf('Zain')
  const mayaFamily = await as('parent@example.org')
  const zainFamily = await as('parent2@example.org')
  const tried: string[] = []
  for (const route of familyRoutes()) {
    if (!route.path.includes(':caseId')) continue
    const mixes = [
      zain,
      { caseId: maya.caseId, letterId: zain.letterId },
      { caseId: zain.caseId, letterId: maya.letterId },
    ]
    for (const ids of mixes) {
      const url = fill(route.path, ids)
      if (url === fill(route.path, maya)) continue
      const res =
        route.method === 'get'
          ? await mayaFamily.agent.get(url)
          : await mayaFamily.agent
              .post(url)
              .type('form')
              .send({ _csrf: mayaFamily.token, views: 'Not our child' })
      expect([403, 404]).toContain(res.status)
      expect(res.text).not.toContain('Zain')
      tried.push(`${route.method} ${url}`)
    }
  }
  expect(tried.length).toBeGreaterThanOrEqual(5)
  expect(await db()('family_views').where({ body: 'Not our child' })).toHaveLength(0)

  // The same addresses work for the family they belong to, so the sweep is reaching real routes.
  await zainFamily.agent.get(fill('/cases/:caseId', zain)).expect(200)
  await zainFamily.agent.get(fill('/cases/:caseId/letters/:letterId.pdf', zain)).expect(200)
})

test('a draft case is not shown to its own family, and staff cannot use family routes', async () => {
  const oliverDraft = (await db()('cases as c')
    .join('children as ch', 'ch.id', 'c.child_id')
    .where({ 'ch.first_name': 'Oliver', 'c.status': 'draft' })
    .first('c.id')) as { id: string }
  await db()('family_contacts')
    .whereIn('child_id', db()('children').where({ first_name: 'Oliver' }).select('id'))
    .update({ user_id: db()('users').where({ email: 'parent@example.org' }).select('id') })
    .returning('id')
  const family = await as('parent@example.org')
  await family.agent.get(`/portal/cases/${oliverDraft.id}`).expect(404)
  const caseworker = await as('caseworker@example.org')
  await caseworker.agent.get(`/portal/cases/${oliverDraft.id}`).expect(403)
})
