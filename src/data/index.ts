import type { Db } from './db'
import { usersRepository } from './users'
import { casesRepository } from './cases'
import { sittingsRepository } from './sittings'
import { familiesRepository } from './families'
import { panelsRepository } from './panels'
import { sessionsRepository } from './sessions'
import { calendarRepository } from './calendar'
import { caseDetailRepository } from './caseDetail'
import { timelinessRepository } from './timeliness'

/** The data layer, built by hand from one knex instance. */
export function dataLayer(db: Db) {
  return {
    db,
    users: usersRepository(db),
    cases: casesRepository(db),
    sittings: sittingsRepository(db),
    families: familiesRepository(db),
    panels: panelsRepository(db),
    sessions: sessionsRepository(db),
    calendar: calendarRepository(db),
    caseDetail: caseDetailRepository(db),
    timeliness: timelinessRepository(db),
  }
}

export type DataLayer = ReturnType<typeof dataLayer>
