import type { NextFunction, Request, Response, Router } from 'express'
import { z } from 'zod'
import { dateFieldValues } from '../dateFields'
import { formatLongDate, type IsoDate } from '../../domain/dates'
import type { LateDeferral } from '../../domain/deferralTiming'
import { groundsAllowed, DISAGREEMENT_GROUND_LABELS } from '../../domain/decisionRules'
import { OUTCOMES_BY_KIND, SETTING_TYPE_LABELS, SETTING_TYPES } from '../../domain/vocabulary'
import type { StoredDecision } from '../../services/records'
import type { Services } from '../../services'
import { itemQuorumOf, presentForItem, type MeetingRecord } from '../../services/meetingRecord'
import { HttpError } from '../errors'
import { noErrors, type FormErrors, typedText } from '../validation'
import { decisionProblemErrors, parseDecisionForm } from './decisionForm'
import { FAMILY_TEXT_FIELDS } from '../../services/decisions'
import { sittingIdOf, uuidParam } from './meetingRouter'
import { formRefusal } from '../results'
import { pageError } from '../formErrors'
import { keepMoves } from './router'

const declarationShape = z.object({
  panelMemberId: z.uuid({ error: 'Select the member who declared the interest' }),
  nature: typedText('The nature of the interest', { multiLine: true })
    .trim()
    .min(1, 'Enter the nature of the interest')
    .max(1000, 'The nature of the interest must be 1000 characters or fewer'),
  leftDiscussion: z.enum(['yes', 'no'], { error: 'Select whether they left the discussion' }),
})

/** The form's values from a stored decision, so that changing one starts from what was saved. */
function valuesFrom(record: MeetingRecord, caseId: string): Record<string, unknown> {
  const item = record.items.find((i) => i.caseId === caseId)!
  const d = item.decision
  const yesNo = (v: boolean | null | undefined) => (v === true ? 'yes' : v === false ? 'no' : undefined)
  const values: Record<string, unknown> = {
    version: d?.version ?? 0,
    familyAttended: item.record ? yesNo(item.record.familyAttended) : undefined,
    familyAttendees: item.record?.familyAttendees,
    interpreter: item.record?.interpreter,
    notes: item.record?.notes,
  }
  if (!d) return values
  Object.assign(values, {
    outcome: d.outcome,
    reasons: d.reasons,
    matchesPreference: yesNo(d.matchesPreference),
    disagreementGround: d.disagreementGround,
    disagreementExplanation: d.disagreementExplanation,
    conditions: d.conditions,
    withoutFamilyReason: d.withoutFamilyReason,
    deferralAction: d.deferralAction,
    deferralOwner: d.deferralOwner,
    inquorateReason: d.inquorateReason,
    namedSetting: d.namedSetting?.name,
    namedSettingType: d.namedSetting?.type,
    ...Object.fromEntries(
      Object.entries(dateFieldValues(d.deferralDueOn)).map(([part, v]) => [`deferralDueOn-${part}`, v]),
    ),
    ...Object.fromEntries(d.dissents.map((x) => [`dissent-${x.panelMemberId}`, x.view])),
  })
  return values
}

/** What the chair is told before saving a deferral that takes the case past its statutory deadline. */
function lateDeferralWarning(warning: LateDeferral, dueOn: IsoDate) {
  const due = formatLongDate(dueOn)
  const deadline = formatLongDate(warning.deadline)
  return {
    dueOn,
    text: warning.firstSittingOn
      ? `The first sitting that could hear this case after ${due} is on ${formatLongDate(warning.firstSittingOn)}, after its statutory deadline of ${deadline}.`
      : `No sitting in the calendar can hear this case after ${due}, and its statutory deadline is ${deadline}.`,
  }
}

/** Recording an item: declarations of interest, then the decision with everything it must say. */
export function decisionRoutes(router: Router, services: Services): void {
  async function showItem(
    req: Request,
    res: Response,
    next: NextFunction,
    status = 200,
    extra: { errors?: FormErrors; values?: Record<string, unknown>; stale?: StoredDecision } & Record<
      string,
      unknown
    > = {},
  ) {
    const caseId = uuidParam(req, 'caseId')
    const record = await services.meeting.record(req.user!, sittingIdOf(req))
    const item = record?.items.find((i) => i.caseId === caseId)
    if (!record || !item) throw new HttpError(404, 'not-found')
    if (!record.access.isChair) throw new HttpError(403, 'forbidden')
    res.status(status).render('pages/sittings/decision', {
      ...record,
      item,
      position: record.items.indexOf(item) + 1,
      outcomes: OUTCOMES_BY_KIND[item.kind],
      grounds: groundsAllowed(item.preferredSettingIsMainstream).map((g) => ({
        value: g,
        text: DISAGREEMENT_GROUND_LABELS[g],
      })),
      // Per item: a member who declared an interest and left takes no part, in the quorum or a dissent.
      quorum: itemQuorumOf(record, caseId),
      present: presentForItem(record, caseId),
      namesASetting: item.kind === 'placement' || item.kind === 'phase_transfer',
      namedSettingHint:
        item.kind === 'placement'
          ? 'Only when the panel names a different school from the one the family asked for.'
          : 'The setting the child moves to, when the panel keeps or changes the plan.',
      settingTypes: SETTING_TYPES.map((t) => ({ value: t, text: SETTING_TYPE_LABELS[t] })),
      declarable: record.seats.filter((s) => s.attendance === 'present'),
      itemDeclarations: record.declarations.filter((d) => d.caseId === caseId),
      readability: await services.readability.checkEach(
        Object.fromEntries(
          FAMILY_TEXT_FIELDS.map((field) => [
            field,
            String(extra.values?.[field] ?? item.decision?.[field] ?? ''),
          ]),
        ),
      ),
      errors: noErrors(),
      values: valuesFrom(record, caseId),
      declarationErrors: noErrors(),
      declarationValues: {},
      stale: null,
      lateDeferral: null,
      ...extra,
    })
  }

  router.get('/:id/items/:caseId/decision', (req, res, next) => showItem(req, res, next))

  router.post('/:id/items/:caseId/decision', async (req, res, next) => {
    const sittingId = sittingIdOf(req)
    const caseId = uuidParam(req, 'caseId')
    const body = req.body as Record<string, unknown>
    const parsed = parseDecisionForm(body)
    if (!parsed.ok) return showItem(req, res, next, 400, { errors: parsed.errors, values: body })
    const result = await services.decisions.record(req.user!, sittingId, caseId, parsed.value)
    if (result.ok) {
      keepMoves(req, result.moves)
      return res.redirect(303, `/sittings/${sittingId}/meeting?saved=decision#items`)
    }
    if (result.reason === 'stale-decision') {
      // Keep what the chair typed, against the version now stored, so they can compare and save again.
      const message = `${result.current.recordedByName} saved a decision for this item after you opened it. Compare it with yours below, then save again.`
      return showItem(req, res, next, 409, {
        errors: pageError(message, '#stale-decision'),
        values: { ...body, version: result.current.version },
        stale: result.current,
      })
    }
    if (result.reason === 'late-deferral') {
      // A warning the chair confirms, not a refusal: the deferral may be the only right course.
      return showItem(req, res, next, 200, {
        values: body,
        lateDeferral: lateDeferralWarning(result.warning, parsed.value.deferralDueOn!),
      })
    }
    if (result.reason === 'invalid')
      return showItem(req, res, next, 400, { errors: decisionProblemErrors(result.problems), values: body })
    const { status, errors } = formRefusal(result)
    showItem(req, res, next, status, { errors, values: body })
  })

  router.post('/:id/items/:caseId/declarations', async (req, res, next) => {
    const sittingId = sittingIdOf(req)
    const caseId = uuidParam(req, 'caseId')
    const body = req.body as Record<string, unknown>
    const parsed = declarationShape.safeParse(body)
    const result = parsed.success
      ? await services.meeting.addDeclaration(req.user!, sittingId, caseId, {
          panelMemberId: parsed.data.panelMemberId,
          nature: parsed.data.nature,
          leftDiscussion: parsed.data.leftDiscussion === 'yes',
        })
      : ({
          ok: false,
          reason: 'invalid',
          problems: parsed.error.issues.map((i) => ({ field: String(i.path[0]), message: i.message })),
        } as const)
    if (result.ok) return res.redirect(303, `/sittings/${sittingId}/items/${caseId}/decision#declarations`)
    const { status, errors: declarationErrors } = formRefusal(result, {
      order: ['panelMemberId', 'nature', 'leftDiscussion'],
    })
    showItem(req, res, next, status, { declarationErrors, declarationValues: body })
  })

  router.post('/:id/items/:caseId/declarations/:declarationId/remove', async (req, res, next) => {
    const sittingId = sittingIdOf(req)
    const caseId = uuidParam(req, 'caseId')
    const result = await services.meeting.removeDeclaration(
      req.user!,
      sittingId,
      caseId,
      uuidParam(req, 'declarationId'),
    )
    if (result.ok) return res.redirect(303, `/sittings/${sittingId}/items/${caseId}/decision#declarations`)
    const { status, errors: declarationErrors } = formRefusal(result)
    showItem(req, res, next, status, { declarationErrors })
  })
}
