import { Router, type Response } from 'express'
import { z } from 'zod'
import type { Services } from '../../services'
import { toCsv } from '../../domain/csv'
import { DISAGREEMENT_GROUNDS } from '../../domain/decisionRules'
import { GROUND_KEYS, type GroundKey, type Selection } from '../../domain/preferenceReport'
import { CASE_KINDS, CASE_KIND_LABELS, OUTCOME_LABELS, type CaseKind } from '../../domain/vocabulary'
import { paginate } from '../../domain/caseList'
import { HttpError } from '../errors'
import { noErrors, type FormErrors } from '../validation'
import { choosesPeriod, periodFormValues, readPeriod } from './period'
import {
  decisionListView,
  monthLabel,
  periodText,
  preferencePageView,
  selectionText,
} from './preferencePresenter'

const selectionQuery = z.object({
  by: z.enum(['all', 'kind', 'ground', 'setting', 'panel', 'month', 'refused']),
  value: z.string().max(1000).optional(),
  ground: z.enum(DISAGREEMENT_GROUNDS).optional(),
  differed: z.literal('1').optional(),
})
const pageQuery = z.coerce.number().int().min(1).max(100_000).catch(1)

/** Decisions listed on one page of a drill-down. */
export const DECISIONS_PER_PAGE = 50

/** A drill-down link's selection; undefined when it names no figure the report shows. */
function readSelection(query: Record<string, unknown>): Selection | undefined {
  const parsed = selectionQuery.safeParse(query)
  if (!parsed.success) return undefined
  const { by, value, ground, differed } = parsed.data
  const differedOnly = differed === '1'
  switch (by) {
    case 'all':
      return { group: { by }, differedOnly }
    case 'kind':
      return (CASE_KINDS as readonly string[]).includes(value ?? '')
        ? { group: { by, value: value as CaseKind }, differedOnly }
        : undefined
    case 'ground':
      // A ground is only ever counted among decisions that differed.
      return (GROUND_KEYS as readonly string[]).includes(value ?? '')
        ? { group: { by, value: value as GroundKey }, differedOnly: true }
        : undefined
    case 'month':
      return value && /^\d{4}-(0[1-9]|1[0-2])$/.test(value)
        ? { group: { by, value }, differedOnly }
        : undefined
    case 'setting':
    case 'panel':
      return value ? { group: { by, value }, differedOnly } : undefined
    case 'refused':
      return value === undefined
        ? undefined
        : { group: ground ? { by, value, ground } : { by, value }, differedOnly: true }
  }
}

/** Decisions against the family's preference (issue 18 point 3): the page, its downloads and its drill-downs. */
export function preferenceRouter(services: Services): Router {
  const router = Router()

  async function renderPage(res: Response, period: { from: string; to: string }) {
    const report = await services.preferenceReport.report(period)
    res.render('pages/reports/preference', {
      view: preferencePageView(report),
      errors: noErrors(),
      values: periodFormValues(period),
    })
  }

  function renderBadPeriod(res: Response, errors: FormErrors, values: Record<string, unknown>) {
    res.status(400).render('pages/reports/preference', { view: null, errors, values })
  }

  router.get('/preference', async (req, res) => {
    const query = req.query as Record<string, unknown>
    if (!choosesPeriod(query)) return renderPage(res, services.preferenceReport.defaultPeriod())
    const period = readPeriod(query)
    if (!period.ok) return renderBadPeriod(res, period.errors, query)
    await renderPage(res, period)
  })

  router.get('/preference/decisions', async (req, res) => {
    const query = req.query as Record<string, unknown>
    const period = readPeriod(query)
    if (!period.ok) return renderBadPeriod(res, period.errors, query)
    const selection = readSelection(query)
    if (!selection) throw new HttpError(404, 'not-found')
    const decisions = await services.preferenceReport.decisionsCounted(period, selection)
    const page = paginate(decisions.length, pageQuery.parse(query.page), DECISIONS_PER_PAGE)
    const shown = decisions.slice((page.number - 1) * DECISIONS_PER_PAGE, page.number * DECISIONS_PER_PAGE)
    const pageHref = (n: number) => {
      const params = new URLSearchParams(
        Object.entries(query).filter((e): e is [string, string] => typeof e[1] === 'string'),
      )
      params.set('page', String(n))
      return `/reports/preference/decisions?${params.toString()}`
    }
    res.render('pages/reports/preference-decisions', {
      heading: selectionText(selection, decisions),
      periodText: periodText(period),
      backHref: `/reports/preference?from=${period.from}&to=${period.to}`,
      total: decisions.length,
      decisions: decisionListView(shown),
      page,
      pageHref,
    })
  })

  router.get('/preference.csv', async (req, res) => {
    const query = req.query as Record<string, unknown>
    const period = readPeriod(query)
    if (!period.ok) return renderBadPeriod(res, period.errors, query)
    const report = await services.preferenceReport.report(period)
    const counts = (
      figure: string,
      rows: typeof report.byKind,
      label = (r: (typeof rows)[number]) => r.label,
    ) => rows.map((r) => [figure, label(r), '', r.decided, r.differed, r.percentDiffered])
    const csv = toCsv(
      [
        'Figure',
        'Group',
        'Lawful ground',
        'Decisions',
        'Differed from the family’s preference',
        'Differed (%)',
      ],
      [
        [
          'All decisions',
          'All',
          '',
          report.total.decided,
          report.total.differed,
          report.total.percentDiffered,
        ],
        ...counts('By kind', report.byKind),
        ...report.byGround.map((g) => ['By lawful ground', '', g.label, null, g.differed, null]),
        ...counts('By setting named', report.bySetting),
        ...counts('By panel', report.byPanel),
        ...counts('By month', report.byMonth, (r) => r.key),
        ...report.refusedSettings.flatMap((s) => [
          ['Preferred setting not named', s.label, 'All grounds', null, s.refused, null],
          ...s.grounds.map((g) => ['Preferred setting not named', s.label, g.label, null, g.refused, null]),
        ]),
      ],
    )
    res
      .type('text/csv; charset=utf-8')
      .attachment(`decisions-against-preference-${period.from}-to-${period.to}.csv`)
      .send(csv)
  })

  router.get('/preference-explanations.csv', async (req, res) => {
    const query = req.query as Record<string, unknown>
    const period = readPeriod(query)
    if (!period.ok) return renderBadPeriod(res, period.errors, query)
    const report = await services.preferenceReport.report(period)
    const csv = toCsv(
      [
        'Decided on',
        'Month',
        'Case reference',
        'Kind',
        'Panel',
        'Decision',
        'Lawful ground',
        'Setting named',
        'Family’s preferred setting',
        'Explanation given',
      ],
      report.explanations.map((e) => [
        e.decision.decidedOn,
        monthLabel(e.decision.decidedOn.slice(0, 7)),
        e.decision.reference,
        CASE_KIND_LABELS[e.decision.kind],
        e.decision.panelName,
        OUTCOME_LABELS[e.decision.outcome] ?? e.decision.outcome,
        e.groundLabel,
        e.settingNamed,
        e.decision.preferredSetting,
        e.explanation,
      ]),
    )
    res
      .type('text/csv; charset=utf-8')
      .attachment(`preference-explanations-${period.from}-to-${period.to}.csv`)
      .send(csv)
  })

  return router
}
