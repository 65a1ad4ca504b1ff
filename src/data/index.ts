import type { Db } from './db'
import { usersRepository } from './users'
import { casesRepository } from './cases'
import { sittingsRepository } from './sittings'
import { familiesRepository } from './families'
import { panelsRepository } from './panels'
import { sessionsRepository } from './sessions'
import { jobRunsRepository } from './jobRuns'
import { calendarRepository } from './calendar'
import { caseDetailRepository } from './caseDetail'
import { timelinessRepository } from './timeliness'
import { workloadRepository } from './workload'
import { sittingCalendarRepository } from './sittingCalendar'
import { calendarFeedTokensRepository } from './calendarFeedTokens'
import { queueRepository } from './queue'
import { agendaRepository } from './agenda'
import { preferenceDecisionsRepository } from './preferenceDecisions'
import { summerHearingsRepository } from './summerHearings'

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
    jobRuns: jobRunsRepository(db),
    calendar: calendarRepository(db),
    caseDetail: caseDetailRepository(db),
    timeliness: timelinessRepository(db),
    workload: workloadRepository(db),
    sittingCalendar: sittingCalendarRepository(db),
    calendarFeedTokens: calendarFeedTokensRepository(db),
    queue: queueRepository(db),
    agenda: agendaRepository(db),
    preferenceDecisions: preferenceDecisionsRepository(db),
    summerHearings: summerHearingsRepository(db),
  }
}

export type DataLayer = ReturnType<typeof dataLayer>
