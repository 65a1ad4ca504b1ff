import { formatLongDate, type IsoDate } from '../dates'
import { addWorkingDays } from '../workingDays'
import type { LetterFacts, LetterSettings } from './types'

/**
 * The decision in one sentence, and what happens next with its dates, for each kind of case and
 * outcome. Short sentences and everyday words: these are read by families, often more than once.
 */
export interface OutcomeWording {
  decision: string
  next: string[]
}

type Words = (f: LetterFacts, on: (d: IsoDate | undefined) => string, followUp: string) => OutcomeWording

const plan = 'education, health and care plan'

const WORDING: Record<string, Words> = {
  'assessment_request:agree_to_assess': (f, on) => ({
    decision: `We will carry out an assessment of ${f.child.firstName}'s needs.`,
    next: [
      `We will ask for advice from ${f.child.firstName}'s school, and from health and social care.`,
      `We will ask you and ${f.child.firstName} what you think too.`,
      `We will tell you by ${on(f.dueDates.notify_plan_not_issued)} if we will write an ${plan}.`,
    ],
  }),
  'assessment_request:refuse_to_assess': (f) => ({
    decision: `We will not carry out an assessment of ${f.child.firstName}'s needs at the moment.`,
    next: [
      `${f.child.firstName}'s school will keep giving support.`,
      'We will send the school our ideas for that support.',
      'You can ask us again if things change.',
    ],
  }),
  'issue_plan:issue_plan': (f, on) => ({
    decision: `We will write an ${plan} for ${f.child.firstName}.`,
    next: [
      'We will send you a draft of the plan first.',
      'You will have 15 days to tell us what you think of it, and which school you want.',
      `We must send you the final plan by ${on(f.dueDates.issue_final_plan)}.`,
    ],
  }),
  'issue_plan:do_not_issue_plan': (f) => ({
    decision: `We will not write an ${plan} for ${f.child.firstName}.`,
    next: [
      `${f.child.firstName}'s school will keep giving support.`,
      'We will send the school our ideas for that support, from the assessment.',
    ],
  }),
  'placement:name_preference': (f, _on, followUp) => ({
    decision: `We will name ${f.preferredSetting ?? 'the school you asked for'} in ${f.child.firstName}'s plan.`,
    next: [
      'We will change the plan to name the school, and send you a copy.',
      `Your caseworker will contact you by ${followUp} to talk about the start date.`,
    ],
  }),
  'placement:name_different_setting': (f, _on, followUp) => ({
    decision: f.namedSetting
      ? `We will name ${f.namedSetting} in ${f.child.firstName}'s plan, not ${f.preferredSetting ?? 'the school you asked for'}.`
      : `We will not name ${f.preferredSetting ?? 'the school you asked for'} in ${f.child.firstName}'s plan.`,
    next: [
      f.namedSetting
        ? `We will change the plan to name ${f.namedSetting}, and send you a copy.`
        : 'We will name a school that can meet the needs in the plan, and send you a copy.',
      `Your caseworker will contact you by ${followUp} to talk it through.`,
    ],
  }),
  'annual_review:maintain': (f) => ({
    decision: `We will keep ${f.child.firstName}'s plan as it is.`,
    next: ['The support in the plan will carry on.', 'We will review the plan again within a year.'],
  }),
  'annual_review:amend': (f, on) => ({
    decision: `We will change ${f.child.firstName}'s plan.`,
    next: [
      'We will send you a draft of the changed plan first.',
      'You will have 15 days to tell us what you think of it.',
      `We must send you the final plan by ${on(f.dueDates.issue_amended_plan)}.`,
    ],
  }),
  'annual_review:cease': (f) => ({
    decision: `We will stop ${f.child.firstName}'s plan.`,
    next: [
      'The plan stays in place while you can still appeal.',
      'If you appeal, it stays in place until the tribunal decides.',
    ],
  }),
  'phase_transfer:maintain': (f, on) => ({
    decision: `We will keep ${f.child.firstName}'s plan as it is for the move to the next school.`,
    next: [
      f.namedSetting
        ? `The plan will name ${f.namedSetting}, where ${f.child.firstName} will go next.`
        : 'The support in the plan will carry on at the next school.',
      `We must confirm the plan by ${on(f.dueDates.issue_amended_plan)}.`,
    ],
  }),
  'phase_transfer:amend': (f, on) => ({
    decision: `We will change ${f.child.firstName}'s plan for the move to the next school.`,
    next: [
      f.namedSetting
        ? `The changed plan will name ${f.namedSetting}, where ${f.child.firstName} will go next.`
        : `The changed plan will name the school ${f.child.firstName} will go to next.`,
      `We must send you the final plan by ${on(f.dueDates.issue_amended_plan)}.`,
    ],
  }),
  'phase_transfer:cease': (f) => ({
    decision: `We will stop ${f.child.firstName}'s plan when the move to the next school comes.`,
    next: [
      'The plan stays in place while you can still appeal.',
      'If you appeal, it stays in place until the tribunal decides.',
    ],
  }),
  'alternative_provision:agree': (f, _on, followUp) => ({
    decision: `We agree to the support you asked for ${f.child.firstName}.`,
    next: [`Your caseworker will contact you by ${followUp} to say when it will start.`],
  }),
  'alternative_provision:refuse': (f) => ({
    decision: `We do not agree to the support you asked for ${f.child.firstName}.`,
    next: [`${f.child.firstName}'s school will keep giving the support it gives now.`],
  }),
  'alternative_provision:agree_different_level': (f, _on, followUp) => ({
    decision: `We agree to give ${f.child.firstName} support, but not all that you asked for.`,
    next: [`Your caseworker will contact you by ${followUp} to say what it is and when it will start.`],
  }),
}

const deferral: Words = (f) => ({
  decision: `We have not made a decision about ${f.child.firstName} yet.`,
  next: [
    'We need one more thing before we can decide:',
    f.deferral
      ? `We expect to have it by ${formatLongDate(f.deferral.dueOn)}.`
      : 'We will tell you when we have it.',
    'The panel will look at it again at its next meeting after that. We will write to you after that meeting.',
  ],
})

/** Whether the letter has words for this kind and outcome; an unknown pair must never be issued. */
export function hasWording(kind: string, outcome: string): boolean {
  return outcome === 'defer' || `${kind}:${outcome}` in WORDING
}

export function outcomeWording(f: LetterFacts, settings: LetterSettings): OutcomeWording {
  const words = f.outcome === 'defer' ? deferral : WORDING[`${f.kind}:${f.outcome}`]
  if (!words) throw new Error(`No letter wording for ${f.kind} ${f.outcome}`)
  const on = (date: IsoDate | undefined) => (date ? formatLongDate(date) : 'the date the law sets')
  const followUp = formatLongDate(addWorkingDays(f.letterDate, settings.followUpWorkingDays, f.bankHolidays))
  return words(f, on, followUp)
}
