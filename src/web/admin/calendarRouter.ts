import { assertFound } from '../results'
import { Router, type Request, type Response } from 'express'
import { z } from 'zod'
import type { BankHoliday, SchoolTermRecord } from '../../services/records'
import { formatDate, isIsoDate } from '../../domain/dates'
import { BANK_HOLIDAY_SOURCE_LABELS } from '../../domain/bankHolidays'
import type { Services } from '../../services'
import { HttpError } from '../errors'
import { noErrors, type FormErrors } from '../validation'
import { doneParam, fieldError, formBody } from './forms'
import { versionTag } from '../../domain/editVersion'
import { postedVersion, staleForm, type SavedValue } from './staleForm'
import {
  bankHolidayFormValues,
  bankHolidaySavedValues,
  termSavedValues,
  HOLIDAY_DATE_FIELDS,
  parseBankHolidayForm,
  parseTermForm,
  TERM_DATE_FIELDS,
  termFormValues,
} from './calendarForms'

const DONE = ['added', 'updated', 'deleted'] as const
const HOLIDAY_DONE = [...DONE, 'restored', 'confirmed'] as const
const TERMS = '/admin/terms'
const BANK_HOLIDAYS = '/admin/bank-holidays'
// The rule is the pattern in force since 1978 (domain/bankHolidays.ts): no year before it can be confirmed.
const bankHolidayYear = z
  .string()
  .regex(/^\d{4}$/)
  .transform(Number)
  .refine((y) => y >= 1978 && y <= 2199)

/** School terms (which set the summer holiday, and so the summer sittings) and bank holidays. */
export function calendarRouter(services: Services): Router {
  const router = Router()
  const admin = services.calendarAdmin

  async function loadTerm(req: Request): Promise<SchoolTermRecord> {
    const id = String(req.params.termId)
    // Term ids are serial integers: nine digits keeps the lookup inside the column's range.
    const term = /^\d{1,9}$/.test(id) ? await admin.findTerm(Number(id)) : undefined
    if (!term) throw new HttpError(404, 'not-found')
    return term
  }

  async function loadHoliday(req: Request) {
    const date = String(req.params.date)
    const holiday = isIsoDate(date) ? await admin.findBankHoliday(date) : undefined
    if (!holiday) throw new HttpError(404, 'not-found')
    return holiday
  }

  const renderTermForm = (
    res: Response,
    status: number,
    term: SchoolTermRecord | undefined,
    values: Record<string, unknown>,
    errors: FormErrors,
    savedValues?: SavedValue[],
  ) => res.status(status).render('pages/admin/term-form', { term, values, errors, savedValues })

  const renderHolidayForm = (
    res: Response,
    status: number,
    holiday: BankHoliday | undefined,
    values: Record<string, unknown>,
    errors: FormErrors,
    savedValues?: SavedValue[],
  ) => res.status(status).render('pages/admin/bank-holiday-form', { holiday, values, errors, savedValues })

  router.get('/terms', async (req, res) => {
    res.render('pages/admin/terms', { years: await admin.termsByYear(), done: doneParam(req, DONE) })
  })

  router.get('/terms/new', (req, res) => {
    const academicYear = z
      .string()
      .regex(/^20\d\d\/\d\d$/)
      .optional()
      .catch(undefined)
      .parse(req.query.year)
    renderTermForm(res, 200, undefined, { academicYear }, noErrors())
  })

  router.post('/terms/new', async (req, res) => {
    const body = formBody(req)
    const parsed = parseTermForm(body)
    if (!parsed.ok) return renderTermForm(res, 400, undefined, body, parsed.errors)
    const result = await admin.createTerm(req.user!, parsed.value)
    if (result.ok) return res.redirect(303, `${TERMS}?done=added`)
    assertFound(result)
    renderTermForm(res, 400, undefined, body, fieldError(result.field, result.message, TERM_DATE_FIELDS))
  })

  router.get('/terms/:termId/edit', async (req, res) => {
    const term = await loadTerm(req)
    renderTermForm(res, 200, term, { ...termFormValues(term), version: versionTag(term) }, noErrors())
  })

  router.post('/terms/:termId/edit', async (req, res) => {
    const term = await loadTerm(req)
    const body = formBody(req)
    const parsed = parseTermForm(body)
    if (!parsed.ok) return renderTermForm(res, 400, term, body, parsed.errors)
    const result = await admin.updateTerm(req.user!, term.id, parsed.value, postedVersion(body))
    if (result.ok) return res.redirect(303, `${TERMS}?done=updated`)
    assertFound(result)
    if (result.reason === 'stale') {
      const saved = await loadTerm(req)
      const stale = staleForm(
        body,
        { version: versionTag(saved), values: termSavedValues(saved) },
        'these term dates',
      )
      return renderTermForm(res, 409, saved, stale.values, stale.errors, stale.savedValues)
    }
    renderTermForm(res, 400, term, body, fieldError(result.field, result.message, TERM_DATE_FIELDS))
  })

  router.get('/terms/:termId/delete', async (req, res) => {
    const term = await loadTerm(req)
    res.render('pages/admin/confirm', {
      title: `Delete the ${term.academicYear} ${term.term} term?`,
      caption: 'School term dates',
      lines: [
        `${formatDate(term.startsOn)} to ${formatDate(term.endsOn)}.`,
        'The summer holiday is worked out from the terms, so deleting one can change which sittings count as summer sittings.',
      ],
      action: `${TERMS}/${term.id}/delete`,
      buttonText: 'Delete term dates',
      backHref: TERMS,
    })
  })

  router.post('/terms/:termId/delete', async (req, res) => {
    const term = await loadTerm(req)
    const result = await admin.deleteTerm(req.user!, term.id)
    if (!result.ok) throw new HttpError(404, 'not-found')
    res.redirect(303, `${TERMS}?done=deleted`)
  })

  router.get('/bank-holidays', async (req, res) => {
    res.render('pages/admin/bank-holidays', {
      years: await admin.bankHolidaysByYear(),
      sourceLabels: BANK_HOLIDAY_SOURCE_LABELS,
      done: doneParam(req, HOLIDAY_DONE),
      sittingsOnDay: z.coerce.number().int().min(0).max(1000).catch(0).parse(req.query.sittings),
    })
  })

  router.get('/bank-holidays/new', (_req, res) => renderHolidayForm(res, 200, undefined, {}, noErrors()))

  router.post('/bank-holidays/new', async (req, res) => {
    const body = formBody(req)
    const parsed = parseBankHolidayForm(body)
    if (!parsed.ok) return renderHolidayForm(res, 400, undefined, body, parsed.errors)
    const result = await admin.saveBankHoliday(req.user!, parsed.value)
    if (result.ok) return res.redirect(303, `${BANK_HOLIDAYS}?done=added&sittings=${result.sittingsOnDay}`)
    // A new day has no version to be stale against; not-found cannot happen either.
    if (result.reason !== 'invalid') throw new HttpError(404, 'not-found')
    renderHolidayForm(
      res,
      400,
      undefined,
      body,
      fieldError(result.field, result.message, HOLIDAY_DATE_FIELDS),
    )
  })

  router.get('/bank-holidays/:date/edit', async (req, res) => {
    const holiday = await loadHoliday(req)
    const values = { ...bankHolidayFormValues(holiday), version: holiday.version }
    renderHolidayForm(res, 200, holiday, values, noErrors())
  })

  router.post('/bank-holidays/:date/edit', async (req, res) => {
    const holiday = await loadHoliday(req)
    const body = formBody(req)
    const parsed = parseBankHolidayForm(body)
    if (!parsed.ok) return renderHolidayForm(res, 400, holiday, body, parsed.errors)
    const previous = { date: holiday.date, version: postedVersion(body) }
    const result = await admin.saveBankHoliday(req.user!, parsed.value, previous)
    if (result.ok) return res.redirect(303, `${BANK_HOLIDAYS}?done=updated&sittings=${result.sittingsOnDay}`)
    assertFound(result)
    if (result.reason === 'stale') {
      const saved = await loadHoliday(req)
      const stale = staleForm(
        body,
        { version: saved.version, values: bankHolidaySavedValues(saved) },
        'this bank holiday',
      )
      return renderHolidayForm(res, 409, saved, stale.values, stale.errors, stale.savedValues)
    }
    renderHolidayForm(res, 400, holiday, body, fieldError(result.field, result.message, HOLIDAY_DATE_FIELDS))
  })

  router.get('/bank-holidays/:date/delete', async (req, res) => {
    const holiday = await loadHoliday(req)
    res.render('pages/admin/confirm', {
      title: `Delete ${holiday.title}, ${formatDate(holiday.date)}?`,
      caption: 'Bank holidays',
      lines: [
        'Panels will then be able to sit on this day, and it counts as a working day for deadlines. Sittings already arranged are not changed.',
        ...(holiday.fromRule
          ? ['The rule gives this day every year: deleting it takes it away for this year only.']
          : []),
      ],
      action: `${BANK_HOLIDAYS}/${holiday.date}/delete`,
      buttonText: 'Delete bank holiday',
      backHref: BANK_HOLIDAYS,
    })
  })

  router.post('/bank-holidays/:date/delete', async (req, res) => {
    const holiday = await loadHoliday(req)
    const result = await admin.deleteBankHoliday(req.user!, holiday.date)
    if (!result.ok) throw new HttpError(404, 'not-found')
    res.redirect(303, `${BANK_HOLIDAYS}?done=deleted`)
  })

  router.post('/bank-holidays/:date/restore', async (req, res) => {
    const date = String(req.params.date)
    const removed = isIsoDate(date) ? await admin.findRemovedBankHoliday(date) : undefined
    if (!removed) throw new HttpError(404, 'not-found')
    const result = await admin.restoreBankHoliday(req.user!, removed.date)
    if (!result.ok) throw new HttpError(404, 'not-found')
    res.redirect(303, `${BANK_HOLIDAYS}?done=restored#year-${removed.date.slice(0, 4)}`)
  })

  router.post('/bank-holidays/:year/confirm', async (req, res) => {
    const year = bankHolidayYear.safeParse(req.params.year)
    if (!year.success) throw new HttpError(404, 'not-found')
    const result = await admin.confirmBankHolidayYear(req.user!, year.data)
    if (!result.ok) throw new HttpError(404, 'not-found')
    res.redirect(303, `${BANK_HOLIDAYS}?done=confirmed#year-${year.data}`)
  })

  return router
}
