import { DEMO_CUTOFF_WORKING_DAYS } from './panels'
import { papersCutoff } from '../../domain/sittingPlan'
import { BANK_HOLIDAYS } from './bankHolidays'
import crypto from 'node:crypto'
import type { Transaction } from '../db'
import { OUTCOMES_BY_KIND, type CaseKind } from '../../domain/vocabulary'
import { accountFor, type AccountsByEmail } from './accounts'
import { CASE_PLANS, type CasePlan } from './casePlans'
import type { ChildrenByKey } from './children'
import { addDays, weekdayOnOrBefore, type IsoDate } from './dates'
import type { SeededPanel } from './panels'
import type { SeededSitting } from './sittings'
import type { CaseClockFacts } from '../../domain/caseDeadlines'
import { storedDeadlinesOf } from '../../domain/caseDeadlines'
import { storedDeadlineColumns } from '../caseClocks'
import { loadBankHolidayCalendar } from '../calendar'
import { firstWorkingDayAfter, type BankHolidayLookup } from '../../domain/workingDays'
import { DECISIONS, DEFAULT_REQUESTED_BY, defaultPreference, type DecisionKey } from './wording'

const CASEWORKERS: Record<CasePlan['caseworker'], string> = {
  1: 'caseworker@example.org',
  2: 'caseworker2@example.org',
  3: 'caseworker3@example.org',
}

interface AgendaItemRow {
  id: string
  sitting_id: string
  case_id: string
  position: number
}

interface Placement {
  sitting: SeededSitting
  agendaItemId: string
}

/** Hands out agenda places, never past a sitting's capacity. */
class AgendaBook {
  readonly items: AgendaItemRow[] = []
  private readonly filled = new Map<string, number>()

  /**
   * `choices` run from the nearest sitting to the furthest; `nth` counts from 1. When that sitting
   * is full or missing (a bank holiday took it), the nearest later one with room is used, then earlier ones.
   */
  place(caseId: string, choices: readonly SeededSitting[], nth: number): Placement {
    const start = Math.min(nth, choices.length) - 1
    const order = [...choices.slice(start), ...choices.slice(0, start).reverse()]
    const sitting = order.find((s) => (this.filled.get(s.id) ?? 0) < s.panel.capacity)
    if (!sitting) throw new Error(`No ${choices[0]?.panel.name ?? 'panel'} sitting has room for another case`)
    const position = (this.filled.get(sitting.id) ?? 0) + 1
    this.filled.set(sitting.id, position)
    const agendaItemId = crypto.randomUUID()
    this.items.push({ id: agendaItemId, sitting_id: sitting.id, case_id: caseId, position })
    return { sitting, agendaItemId }
  }
}

export interface CaseSeedContext {
  today: IsoDate
  accounts: AccountsByEmail
  children: ChildrenByKey
  panels: readonly SeededPanel[]
  sittings: readonly SeededSitting[]
}

/** Spreads requests across the week, so that not every case arrived on the same weekday as today. */
function jitterDays(childKey: string): number {
  return [...childKey].reduce((sum, ch) => sum + ch.charCodeAt(0), 0) % 5
}

function earlier(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b
}

function later(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b
}

export async function insertCases(
  trx: Transaction,
  context: CaseSeedContext,
): Promise<Record<string, number>> {
  const { today, accounts, children, panels, sittings } = context
  const holidays = await loadBankHolidayCalendar(trx)
  const chair = accountFor(accounts, 'chair@example.org')
  const book = new AgendaBook()
  const decisions: Array<Record<string, unknown>> = []
  const awaitingRecord = new Set<string>()
  const cases = CASE_PLANS.map((plan, index) => {
    const child = children.get(plan.child)
    if (!child) throw new Error(`A case plan names an unknown child: ${plan.child}`)
    const panel = panels.find((p) => p.kinds.includes(plan.kind))
    if (!panel) throw new Error(`No panel decides ${plan.kind} cases`)
    const ofPanel = sittings.filter((s) => s.panel.id === panel.id)
    const held = ofPanel.filter((s) => s.isPast).sort((a, b) => (a.sittingOn > b.sittingOn ? -1 : 1))
    const upcoming = ofPanel.filter((s) => !s.isPast).sort((a, b) => (a.sittingOn < b.sittingOn ? -1 : 1))

    const id = crypto.randomUUID()
    let receivedOn = weekdayOnOrBefore(addDays(today, -(7 * plan.receivedWeeksAgo + jitterDays(plan.child))))
    let papersCompleteOn: IsoDate | null = null

    const recordDecision = ({ sitting, agendaItemId }: Placement, key: DecisionKey): void => {
      const wording = DECISIONS[key]({
        child: child.firstName,
        preferredSetting: plan.prefers?.setting ?? null,
      })
      if (!OUTCOMES_BY_KIND[plan.kind].includes(wording.outcome)) {
        throw new Error(`${wording.outcome} is not an outcome of a ${plan.kind} case`)
      }
      decisions.push({
        agenda_item_id: agendaItemId,
        case_id: id,
        outcome: wording.outcome,
        reasons: wording.reasons,
        matches_preference: wording.matchesPreference,
        disagreement_ground: wording.disagreementGround ?? null,
        disagreement_explanation: wording.disagreementExplanation ?? null,
        conditions: wording.conditions ?? null,
        deferral_action: wording.deferral?.action ?? null,
        deferral_owner: wording.deferral?.owner ?? null,
        deferral_due_on: wording.deferral ? addDays(sitting.sittingOn, wording.deferral.dueInDays) : null,
        named_setting: wording.namedSetting?.name ?? null,
        named_setting_type: wording.namedSetting?.type ?? null,
        decided_on: sitting.sittingOn,
        recorded_by: chair.id,
      })
      // The papers were in a week before the panel, and the request before that, whatever the plan's rough weeks say.
      receivedOn = earlier(receivedOn, addDays(sitting.sittingOn, -14))
    }

    if (plan.status === 'decided' || plan.status === 'closed') {
      const placement = book.place(id, held, plan.held)
      recordDecision(placement, plan.decision)
      papersCompleteOn = later(receivedOn, addDays(placement.sitting.sittingOn, -7))
    } else if (plan.status === 'scheduled') {
      if (plan.deferredAt) {
        recordDecision(book.place(id, held, plan.deferredAt.held), plan.deferredAt.decision)
      }
      const { sitting } = book.place(id, upcoming, plan.upcoming)
      papersCompleteOn = later(receivedOn, earlier(today, addDays(sitting.sittingOn, -7)))
    } else if (plan.status === 'awaiting') {
      const { sitting } = book.place(id, held, plan.held)
      papersCompleteOn = later(receivedOn, addDays(sitting.sittingOn, -7))
      awaitingRecord.add(sitting.id)
    } else if (plan.status === 'submitted') {
      // Complete only lately (advice arrived late), which is why the scheduler has not placed it yet.
      papersCompleteOn = later(receivedOn, addDays(today, -(2 + jitterDays(plan.child))))
    }

    return { plan, index, id, childId: child.id, childName: child.firstName, receivedOn, papersCompleteOn }
  })

  const references = caseReferences(cases)
  await trx('cases').insert(
    cases.map(({ plan, id, childId, childName, receivedOn, papersCompleteOn }) => {
      const caseworker = accountFor(accounts, CASEWORKERS[plan.caseworker])
      const preferredSetting = plan.prefers?.setting ?? null
      const milestones = seededMilestones(
        plan.kind,
        receivedOn,
        today,
        finalDecision(decisions, id),
        holidays,
      )
      const stored = storedDeadlinesOf(
        { kind: plan.kind, receivedOn, milestones, exceptions: [] },
        today,
        holidays,
      )
      return {
        assessment_decided_on: milestones.assessmentDecidedOn,
        assessment_decision: milestones.assessmentDecision,
        plan_decision_on: milestones.planDecisionOn,
        plan_decision: milestones.planDecision,
        review_meeting_on: milestones.reviewMeetingOn,
        review_notice_on: milestones.reviewNoticeOn,
        review_decision: milestones.reviewDecision,
        transfer_year: milestones.transferYear,
        transfer_type: milestones.transferType,
        ...storedDeadlineColumns(stored),
        id,
        reference: references.get(id),
        child_id: childId,
        kind: plan.kind,
        status: plan.status === 'awaiting' ? 'scheduled' : plan.status,
        ...endingOf(plan.status, decisions, id, today),
        received_on: receivedOn,
        requested_by: plan.requestedBy ?? DEFAULT_REQUESTED_BY[plan.kind],
        preference: plan.asks ?? defaultPreference(plan.kind, childName, preferredSetting),
        preferred_setting: preferredSetting,
        preferred_setting_is_mainstream: plan.prefers?.mainstream ?? null,
        papers_complete_on: papersCompleteOn,
        caseworker_id: caseworker.id,
        is_complex: plan.complex ?? false,
        created_by: caseworker.id,
      }
    }),
  )
  // The advice behind each complete set of papers, so that the papers date is the one the rule gives
  // (src/domain/papers.ts): without it, saving a demo case's evidence form unchanged found nothing asked
  // for and took the case off its sitting.
  const evidence = cases
    .filter((c) => c.papersCompleteOn !== null)
    .map((c) => ({
      case_id: c.id,
      source: 'school',
      requested_on: c.receivedOn,
      received_on: c.papersCompleteOn,
    }))
  for (let i = 0; i < evidence.length; i += 500) await trx('case_evidence').insert(evidence.slice(i, i + 500))
  // Coming sittings still open for papers are left to the queue's first run, as a new council's would be: the book only
  // chose papers dates that suit them. (Placed here, the run would keep them where the book put them.)
  const bankHolidays = new Set(BANK_HOLIDAYS.map((h) => h.holidayOn))
  const held = new Set(
    sittings
      .filter((s) => s.isPast || papersCutoff(s.sittingOn, DEMO_CUTOFF_WORKING_DAYS, bankHolidays) < today)
      .map((s) => s.id),
  )
  await trx('agenda_items').insert(book.items.filter((i) => held.has(i.sitting_id)))
  // The sittings whose cut-off has passed keep their agendas from now on; give them deadline order, as a chair would.
  await trx.raw(`
    update agenda_items a set position = ranked.position
    from (
      select ai.id, row_number() over (
        partition by ai.sitting_id order by c.next_deadline_on nulls last, c.reference
      ) as position
      from agenda_items ai join cases c on c.id = ai.case_id
    ) ranked
    where ranked.id = a.id`)
  await trx('decisions').insert(decisions)
  // A sitting still to be written up is not yet held; its agenda was fixed before it met.
  if (awaitingRecord.size > 0) {
    await trx('sittings')
      .whereIn('id', [...awaitingRecord])
      .update({ status: 'scheduled', agenda_locked_at: trx.fn.now() })
  }
  return {
    cases: cases.length,
    case_evidence: evidence.length,
    agenda_items: book.items.filter((i) => held.has(i.sitting_id)).length,
    decisions: decisions.length,
  }
}

/** The panel's last decision on a case other than a deferral, if it has one. */
function finalDecision(
  decisions: Array<Record<string, unknown>>,
  caseId: string,
): { outcome: string; decidedOn: IsoDate } | undefined {
  const final = decisions.filter((d) => d.case_id === caseId && d.outcome !== 'defer').at(-1)
  return final ? { outcome: String(final.outcome), decidedOn: String(final.decided_on) } : undefined
}

/**
 * A closed demo case ended five weeks after its decision, or today if that is sooner: the decision had
 * been carried out. Retention counts from this day.
 */
function endingOf(
  status: string,
  decisions: Array<Record<string, unknown>>,
  caseId: string,
  today: IsoDate,
): Record<string, string> {
  if (status !== 'closed') return {}
  const decided = finalDecision(decisions, caseId)
  const endedOn = decided ? minDate(today, addDays(decided.decidedOn, 35)) : today
  return { ended_on: endedOn, ended_reason: 'decision_carried_out', status_before_end: 'decided' }
}

/**
 * The statutory milestones the demo's decisions imply, so that each case's clock shows what is done:
 * a decision on an assessment request is the decision whether to assess; a decision not to issue a plan
 * is the 16-week notice; a review case's meeting is taken as the day the request reached the team.
 */
function seededMilestones(
  kind: CaseKind,
  receivedOn: IsoDate,
  today: IsoDate,
  decision: { outcome: string; decidedOn: IsoDate } | undefined,
  holidays: BankHolidayLookup,
): CaseClockFacts['milestones'] & { reviewNoticeOn: IsoDate | null } {
  const review = kind === 'annual_review' || kind === 'phase_transfer'
  // The family was told by the letter sent the working day after the panel, as the demo's issued
  // letters are dated: that day, not the panel's, meets the "tell the family" steps.
  const toldOn = decision && minDate(firstWorkingDayAfter(decision.decidedOn, holidays), today)
  return {
    assessmentDecidedOn: kind === 'assessment_request' && toldOn ? toldOn : null,
    assessmentDecision:
      kind === 'assessment_request' && decision
        ? decision.outcome === 'agree_to_assess'
          ? 'agree'
          : 'refuse'
        : null,
    planDecisionOn:
      kind === 'issue_plan' && decision?.outcome === 'do_not_issue_plan' && toldOn ? toldOn : null,
    reviewMeetingOn: review ? receivedOn : null,
    reviewNoticeOn: review && toldOn ? toldOn : null,
    reviewDecision:
      review && decision && ['maintain', 'amend', 'cease'].includes(decision.outcome)
        ? (decision.outcome as 'maintain' | 'amend' | 'cease')
        : null,
    transferYear: kind === 'phase_transfer' ? Number(today.slice(0, 4)) + 1 : null,
    transferType: kind === 'phase_transfer' ? 'school' : null,
  }
}

/** NS-<year received>-<number>, numbered in the order the requests arrived within each year. */
function caseReferences(
  cases: ReadonlyArray<{ id: string; index: number; receivedOn: IsoDate }>,
): Map<string, string> {
  const byArrival = [...cases].sort((a, b) =>
    a.receivedOn === b.receivedOn ? a.index - b.index : a.receivedOn < b.receivedOn ? -1 : 1,
  )
  const perYear = new Map<string, number>()
  const references = new Map<string, string>()
  for (const c of byArrival) {
    const year = c.receivedOn.slice(0, 4)
    const number = (perYear.get(year) ?? 0) + 1
    perYear.set(year, number)
    references.set(c.id, `NS-${year}-${String(number).padStart(4, '0')}`)
  }
  return references
}

const minDate = (a: IsoDate, b: IsoDate): IsoDate => (a < b ? a : b)
