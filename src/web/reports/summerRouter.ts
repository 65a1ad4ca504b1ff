import { Router } from 'express'
import type { Services } from '../../services'
import { toCsv } from '../../domain/csv'
import { DEADLINE_STEP_LABELS } from '../../domain/statutoryClock'
import { CASE_KIND_LABELS, OUTCOME_LABELS } from '../../domain/vocabulary'
import { SEPTEMBER_SOURCE_LABELS, summerPageView } from './summerPresenter'

/** What summer sittings achieved (issue 18 point 4): the page and its downloads. */
export function summerRouter(services: Services): Router {
  const router = Router()

  router.get('/summer', async (_req, res) => {
    res.render('pages/reports/summer', { view: summerPageView(await services.summerSittingsReport.report()) })
  })

  router.get('/summer.csv', async (_req, res) => {
    const report = await services.summerSittingsReport.report()
    const csv = toCsv(
      [
        'Summer',
        'Summer sitting',
        'Panel',
        'Case reference',
        'Kind',
        'Decision',
        'First September sitting',
        'How the September sitting was found',
        'Days sooner',
        'Statutory step',
        'Due',
        'Deadline kept',
      ],
      report.hearings.map((f) => [
        f.summer,
        f.hearing.sittingOn,
        f.hearing.panelName,
        f.hearing.reference,
        CASE_KIND_LABELS[f.hearing.kind],
        OUTCOME_LABELS[f.hearing.outcome] ?? f.hearing.outcome,
        f.septemberSittingOn,
        SEPTEMBER_SOURCE_LABELS[f.septemberSource],
        f.daysSooner,
        f.deadline ? DEADLINE_STEP_LABELS[f.deadline.step] : null,
        f.deadline?.due ?? null,
        f.deadline ? (f.deadlineKept ? 'Yes' : 'No') : null,
      ]),
    )
    res.type('text/csv; charset=utf-8').attachment('summer-sittings.csv').send(csv)
  })

  router.get('/summer-totals.csv', async (_req, res) => {
    const report = await services.summerSittingsReport.report()
    const csv = toCsv(
      [
        'Summer',
        'Cases heard',
        'Decided',
        'Deferred',
        'Days sooner in all',
        'Average days sooner',
        'Statutory deadlines kept',
      ],
      report.summers.map((s) => [
        s.summer,
        s.heard,
        s.decided,
        s.deferred,
        s.totalDaysSooner,
        s.averageDaysSooner,
        s.deadlinesKept,
      ]),
    )
    res.type('text/csv; charset=utf-8').attachment('summer-sittings-totals.csv').send(csv)
  })

  return router
}
