import { formatLongDate, type IsoDate } from '../dates'
import type { DeadlineStep } from '../statutoryClock'
import { closingSections, OMBUDSMAN, p, privacySentence, t } from './commonSections'
import type { LetterModel, LetterSettings } from './types'

/** What each late step means to a family, in their words rather than the regulations'. */
const LATE_STEP: Record<DeadlineStep, string> = {
  decide_whether_to_assess: 'our decision about whether to carry out an assessment',
  notify_plan_not_issued: 'our decision about whether to write a plan',
  issue_final_plan: 'the final plan',
  circulate_review_papers: 'the reports for the review meeting',
  hold_review_meeting: 'the review meeting',
  notify_review_decision: 'our decision after the review',
  issue_amended_plan: 'the changed plan',
  // The family's own period: no apology is drafted for it, but every step has its words.
  family_comments_on_draft: 'the draft plan to comment on',
  hold_next_annual_review: 'the invitation to the next yearly review',
  appeal_notify_assessment: 'our letter about the assessment after the appeal',
  appeal_notify_no_plan: 'our plan decision after the appeal',
  appeal_issue_draft_plan: 'the draft plan after the appeal',
  appeal_issue_final_plan: 'the final plan after the appeal',
  appeal_issue_amended_plan: 'the changed plan after the appeal',
}

export interface ApologyFacts {
  child: { firstName: string; lastName: string }
  reference: string
  addressee: { name: string; addressLines: readonly string[] }
  letterDate: IsoDate
  step: DeadlineStep
  dueOn: IsoDate
  /** Why it is late, in the caseworker's words. */
  reason: string
  newExpectedOn: IsoDate
  caseworker: { name: string; phone: string | null; email: string }
  /** The privacy notice's address (PUBLIC_URL/privacy), which every letter gives. */
  privacyUrl: string
}

/**
 * The letter a family gets when we miss a time limit the law sets: what is late, why, when it will be
 * done, and who to contact. An apology, not an excuse: it says sorry first.
 */
export function apologyLetter(f: ApologyFacts, s: LetterSettings): LetterModel {
  const what = LATE_STEP[f.step]
  const advice = s.informationAdvice
  return {
    title: `We are late with ${what} for ${f.child.firstName} ${f.child.lastName}`,
    councilName: s.councilName,
    councilAddress: s.councilAddress,
    addressee: f.addressee,
    date: f.letterDate,
    reference: f.reference,
    greeting: `Dear ${f.addressee.name}`,
    sections: [
      {
        id: 'late',
        heading: 'What is late',
        paragraphs: [
          t(
            `We are sorry. We should have sent you ${what} by ${formatLongDate(f.dueOn)}. The law sets this date, and we have not met it.`,
          ),
        ],
      },
      {
        id: 'why_late',
        heading: 'Why it is late, and when it will be done',
        paragraphs: [p(f.reason), t(`We now expect to send it by ${formatLongDate(f.newExpectedOn)}.`)],
      },
      {
        id: 'unhappy',
        heading: 'If you are unhappy or need help',
        paragraphs: [
          t(
            `Please talk to your caseworker, ${f.caseworker.name}, first. ${
              f.caseworker.phone
                ? `Phone ${f.caseworker.phone} or email ${f.caseworker.email}.`
                : `Email ${f.caseworker.email}.`
            }`,
          ),
          t(
            `You can also get free advice from ${advice.name}. Phone ${advice.phone} or email ${advice.email}.`,
          ),
          t(
            `${
              s.complaintsUrl.trim()
                ? `You can make a complaint to the council. Read how at ${s.complaintsUrl}.`
                : 'You can make a complaint to the council. Your caseworker can tell you how.'
            } If you are still unhappy, you can then go to the ${OMBUDSMAN}.`,
          ),
          // The closing "other formats" words, as one paragraph of this section.
          ...closingSections(s, f.caseworker, { compact: true })[0]!.paragraphs,
          t(privacySentence(f.privacyUrl)),
        ],
      },
    ],
    signOff: s.signature,
    // An apology decides nothing, so there is nothing to appeal, and its one page already gives the
    // free advice: it has no page of legal detail after it.
    appealBy: null,
    rightsGiven: [],
    rightsRequired: [],
    factSheet: { heading: 'Where to get help', sections: [] },
  }
}

/** Why an apology letter cannot be issued yet: the caseworker's reason and a new date are needed. */
export function apologyProblems(reason: string | null, newExpectedOn: IsoDate | null, today: IsoDate) {
  const problems: { field: 'reason' | 'newExpectedOn'; message: string }[] = []
  if (!reason || reason.trim() === '')
    problems.push({ field: 'reason', message: 'Say why it is late, in words the family can follow' })
  if (!newExpectedOn)
    problems.push({ field: 'newExpectedOn', message: 'Enter the date you now expect it to be done' })
  else if (newExpectedOn <= today)
    problems.push({ field: 'newExpectedOn', message: 'The new date must be in the future' })
  return problems
}
