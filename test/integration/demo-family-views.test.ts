import { dataLayer } from '../../src/data'
import { usersRepository } from '../../src/data/users'
import { fixedClock } from '../../src/services/clock'
import { seedDemoCouncil } from '../../src/demo'
import { portalService } from '../../src/services/portal'
import { createTestDatabase } from '../support/database'
import { DEMO_PASSWORD } from '../support/app'

/**
 * The demo promises a parent a case going to panel that can still take their views, whatever day the
 * demo is started: the scheduler puts Maya's plan case on the first sitting her papers meet, and views
 * close at that sitting's papers cut-off, which is never before the day her papers were complete.
 */
test.each(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-29'])(
  'seeded on %s, Maya’s family can send views to the panel that day',
  async (today) => {
    const database = await createTestDatabase()
    try {
      await seedDemoCouncil(database.db, { demoPassword: DEMO_PASSWORD, today })
      const parent = (await usersRepository(database.db).findByEmail('parent@example.org'))!
      const planCase = (await database
        .db('cases as c')
        .join('children as ch', 'ch.id', 'c.child_id')
        .where({ 'ch.first_name': 'Maya', 'c.kind': 'issue_plan' })
        .first('c.id')) as { id: string }
      const view = await portalService(dataLayer(database.db), fixedClock(today)).familyCase(
        parent,
        planCase.id,
      )
      expect(view?.status).toBe('scheduled')
      expect(view!.sitting!.sittingOn > today).toBe(true)
      expect(view?.views.open).toBe(true)
      expect(view!.views.closesOn! >= today).toBe(true)
    } finally {
      await database.destroy()
    }
  },
  60_000,
)
