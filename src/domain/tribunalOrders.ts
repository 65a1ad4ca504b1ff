import { addDays, type IsoDate } from './dates'

/*
 * What the council must do, and by when, after the First-tier Tribunal (SEND) decides an appeal for the family
 * (SEND Regulations 2014 reg 44, compliance with the tribunal's orders) or after the council tells the tribunal
 * it will not oppose an appeal before it responds (reg 45, unopposed appeals, as substituted by the SEND
 * (Amendment) Regulations 2015, SI 2015/359 reg 8). Every period is in calendar weeks from the day of the order or
 * of the council's notice to the tribunal, like the other time limits: no bank holiday moves them. Pure.
 *
 * Sources read: reg 45(3), (3A) and (4) in the words of SI 2015/359 reg 8 (legislation.gov.uk); reg 44(2)(b)
 * and (c) as quoted in full from the regulation; reg 44(2)(e) and (f) as IPSEA states them, naming those
 * paragraphs (and the case BA v Nottinghamshire CC [2021] EWHC 1348 (Admin)).
 *
 * Looked for again (issue 15) and still not confirmed:
 * - reg 45(5) and (6) as substituted: the stored copy of SI 2015/359 reg 8 stops inside paragraph (4). The
 *   periods used (an appeal only about the school: 2 weeks, as in the original 2014 reg 45(5); a refusal to make
 *   a plan: a draft in 5 weeks and the final plan in 11, as SEND Advice Surrey summarises reg 45) stay marked
 *   `confirmed: false`; the case page and /api/deadlines say so beside each date (unconfirmedRuleNote).
 * - reg 44(2)(d), a case referred back to reconsider: only reg 43(2)(d), the tribunal's power to refer back, was
 *   found; no period for the council. Not modelled.
 * Read but not modelled as a time limit: reg 44(2)(a) (quoted in full on a SEND family-advice page): when the
 * tribunal dismisses an appeal against a decision to cease a plan, the council ceases to maintain it
 * "immediately". No period runs, and the case records nothing that meets it, so a row due on the order's day
 * would only ever show as overdue and become the case's next deadline; nor is it an appeal decided for the
 * family, which is what this file records. The same goes for keeping a plan after an appeal against ceasing it
 * succeeds (SEND Advice Surrey: "immediately"), which no paragraph read here states.
 */

export const APPEAL_ROUTES = ['ordered', 'unopposed'] as const
export type AppealRoute = (typeof APPEAL_ROUTES)[number]

export const APPEAL_ROUTE_LABELS: Record<AppealRoute, string> = {
  ordered: 'The tribunal ordered it (regulation 44)',
  unopposed: 'We told the tribunal we will not oppose the appeal (regulation 45)',
}

export const APPEAL_ORDERS = ['assess', 'make_plan', 'amend_plan', 'name_school'] as const
export type AppealOrder = (typeof APPEAL_ORDERS)[number]

export const APPEAL_ORDER_LABELS: Record<AppealOrder, string> = {
  assess: 'Carry out the EHC needs assessment or reassessment we refused',
  make_plan: 'Make and maintain the EHC plan we refused to issue',
  amend_plan: 'Amend the plan’s contents (needs or provision, with or without the school)',
  name_school: 'Name a different school or type of school, and nothing else',
}

export interface TribunalAppeal {
  route: AppealRoute
  /** The date of the tribunal's order, or of the council's notice to the tribunal that it will not oppose. */
  on: IsoDate
  about: AppealOrder
}

export const APPEAL_STEPS = [
  'appeal_notify_assessment',
  'appeal_notify_no_plan',
  'appeal_issue_draft_plan',
  'appeal_issue_final_plan',
  'appeal_issue_amended_plan',
] as const
export type AppealStep = (typeof APPEAL_STEPS)[number]

export const APPEAL_STEP_LABELS: Record<AppealStep, string> = {
  appeal_notify_assessment: 'After the appeal: tell the family we will carry out the assessment',
  appeal_notify_no_plan: 'After the appeal: tell the family if we will not issue an EHC plan',
  appeal_issue_draft_plan: 'After the appeal: issue the draft EHC plan',
  appeal_issue_final_plan: 'After the appeal: issue the final EHC plan',
  appeal_issue_amended_plan: 'After the appeal: issue the amended EHC plan',
}

interface Limit {
  step: AppealStep
  weeks: number
  /** The paragraph that sets it. */
  rule: string
  /** False where the paragraph's text could not be read: see the file's header. */
  confirmed: boolean
}

const ORDERED: Record<AppealOrder, Limit[]> = {
  // Reg 44(2)(b): notify within 2 weeks of the order; then (i) no plan within 10 weeks, or (ii) the final plan
  // within 14 weeks, both "of the date of the First-tier Tribunal's order".
  assess: [
    {
      step: 'appeal_notify_assessment',
      weeks: 2,
      rule: 'SEND Regulations 2014 reg 44(2)(b)',
      confirmed: true,
    },
    {
      step: 'appeal_notify_no_plan',
      weeks: 10,
      rule: 'SEND Regulations 2014 reg 44(2)(b)(i)',
      confirmed: true,
    },
    {
      step: 'appeal_issue_final_plan',
      weeks: 14,
      rule: 'SEND Regulations 2014 reg 44(2)(b)(ii)',
      confirmed: true,
    },
  ],
  // Reg 44(2)(c): a draft plan within 5 weeks of the order, the final plan within 11 weeks.
  make_plan: [
    {
      step: 'appeal_issue_draft_plan',
      weeks: 5,
      rule: 'SEND Regulations 2014 reg 44(2)(c)(i)',
      confirmed: true,
    },
    {
      step: 'appeal_issue_final_plan',
      weeks: 11,
      rule: 'SEND Regulations 2014 reg 44(2)(c)(ii)',
      confirmed: true,
    },
  ],
  // Reg 44(2)(e): the amended plan within 5 weeks of the order.
  amend_plan: [
    {
      step: 'appeal_issue_amended_plan',
      weeks: 5,
      rule: 'SEND Regulations 2014 reg 44(2)(e)',
      confirmed: true,
    },
  ],
  // Reg 44(2)(f): only the school or type of school named: the amended plan within 2 weeks of the order.
  name_school: [
    {
      step: 'appeal_issue_amended_plan',
      weeks: 2,
      rule: 'SEND Regulations 2014 reg 44(2)(f)',
      confirmed: true,
    },
  ],
}

const UNOPPOSED: Record<AppealOrder, Limit[]> = {
  // Reg 45(3): an appeal under CFA 2014 s.51(2)(a) or (d): tell the family within 2 weeks of the notice to the
  // tribunal that the assessment will be made; reg 45(3A)(a) no plan within 10 weeks, (b) the final plan within 14.
  assess: [
    { step: 'appeal_notify_assessment', weeks: 2, rule: 'SEND Regulations 2014 reg 45(3)', confirmed: true },
    {
      step: 'appeal_notify_no_plan',
      weeks: 10,
      rule: 'SEND Regulations 2014 reg 45(3A)(a)',
      confirmed: true,
    },
    {
      step: 'appeal_issue_final_plan',
      weeks: 14,
      rule: 'SEND Regulations 2014 reg 45(3A)(b)',
      confirmed: true,
    },
  ],
  // Not confirmed against the substituted reg 45: a draft in 5 weeks and the final plan in 11 (SEND Advice Surrey).
  make_plan: [
    { step: 'appeal_issue_draft_plan', weeks: 5, rule: 'SEND Regulations 2014 reg 45(6)', confirmed: false },
    { step: 'appeal_issue_final_plan', weeks: 11, rule: 'SEND Regulations 2014 reg 45(6)', confirmed: false },
  ],
  // Reg 45(4): an appeal under s.51(2)(c)(i) or (ii), or (e): the amended plan within 5 weeks of the notice.
  amend_plan: [
    { step: 'appeal_issue_amended_plan', weeks: 5, rule: 'SEND Regulations 2014 reg 45(4)', confirmed: true },
  ],
  // Not confirmed against the substituted reg 45: 2 weeks, as the original reg 45(5) said.
  name_school: [
    {
      step: 'appeal_issue_amended_plan',
      weeks: 2,
      rule: 'SEND Regulations 2014 reg 45(5)',
      confirmed: false,
    },
  ],
}

export interface AppealDeadlineRow {
  step: AppealStep
  due: IsoDate
  rule: string
  confirmed: boolean
}

/** The council's time limits after an appeal, in the order they fall. */
export function tribunalAppealDeadlines(appeal: TribunalAppeal): AppealDeadlineRow[] {
  const limits = (appeal.route === 'ordered' ? ORDERED : UNOPPOSED)[appeal.about]
  return limits.map((l) => ({
    step: l.step,
    due: addDays(appeal.on, 7 * l.weeks),
    rule: l.rule,
    confirmed: l.confirmed,
  }))
}

/** What the case page says beside a time limit whose paragraph could not be read (null when it was). */
export function unconfirmedRuleNote(row: { regulation?: string; confirmed?: boolean }): string | null {
  return row.confirmed === false && row.regulation
    ? `Not confirmed: we could not read the words of ${row.regulation}. Check this date against it.`
    : null
}
