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

/**
 * Who the letter is about, as the letter speaks of them: the child by name in a letter to a parent,
 * "you" in a letter to a young person (16 or over), who is spoken to rather than about.
 */
export interface Who {
  name: string
  poss: string
  Poss: string
  /** Whose views we ask: "you and Zara", or "you". */
  youAnd: string
  /** " for Zara" after "you asked", or nothing when the young person asked for themselves. */
  forChild: string
}

export function whoFor(f: LetterFacts): Who {
  const n = f.child.firstName
  return f.toYoungPerson
    ? { name: 'you', poss: 'your', Poss: 'Your', youAnd: 'you', forChild: '' }
    : { name: n, poss: `${n}'s`, Poss: `${n}'s`, youAnd: `you and ${n}`, forChild: ` for ${n}` }
}

type Words = (
  f: LetterFacts,
  on: (d: IsoDate | undefined) => string,
  followUp: string,
  w: Who,
) => OutcomeWording

const plan = 'education, health and care plan'
const NO_DATE = '\u0000no date\u0000'

const WORDING: Record<string, Words> = {
  'assessment_request:agree_to_assess': (f, on, _followUp, w) => ({
    decision: `We will carry out an assessment of ${w.poss} needs.`,
    next: [
      `We will ask for advice from ${w.poss} school, and from health and social care.`,
      `We will ask ${w.youAnd} what you think too.`,
      `We will tell you by ${on(f.dueDates.notify_plan_not_issued)} if we will write an ${plan}.`,
    ],
  }),
  'assessment_request:refuse_to_assess': (f, _on, _followUp, w) => ({
    decision: `We will not carry out an assessment of ${w.poss} needs at the moment.`,
    next: [
      `${w.Poss} school will keep giving support.`,
      'We will send the school our ideas for that support.',
      'You can ask us again if things change.',
    ],
  }),
  'issue_plan:issue_plan': (f, on, _followUp, w) => ({
    decision: `We will write an ${plan} for ${w.name}.`,
    next: [
      'We will send you a draft of the plan first.',
      'You will have 15 days to tell us what you think of it, and which school you want.',
      `We must send you the final plan by ${on(f.dueDates.issue_final_plan)}.`,
    ],
  }),
  'issue_plan:do_not_issue_plan': (f, _on, _followUp, w) => ({
    decision: `We will not write an ${plan} for ${w.name}.`,
    next: [
      `${w.Poss} school will keep giving support.`,
      'We will send the school our ideas for that support, from the assessment.',
    ],
  }),
  'placement:name_preference': (f, _on, followUp, w) => ({
    decision: `We will name ${f.preferredSetting ?? 'the school you asked for'} in ${w.poss} plan.`,
    next: [
      'We will change the plan to name the school, and send you a copy.',
      `Your caseworker will contact you by ${followUp} to talk about the start date.`,
    ],
  }),
  'placement:name_different_setting': (f, _on, followUp, w) => ({
    decision: f.namedSetting
      ? `We will name ${f.namedSetting} in ${w.poss} plan, not ${f.preferredSetting ?? 'the school you asked for'}.`
      : `We will not name ${f.preferredSetting ?? 'the school you asked for'} in ${w.poss} plan.`,
    next: [
      f.namedSetting
        ? `We will change the plan to name ${f.namedSetting}, and send you a copy.`
        : 'We will name a school that can meet the needs in the plan, and send you a copy.',
      `Your caseworker will contact you by ${followUp} to talk it through.`,
    ],
  }),
  'annual_review:maintain': (f, _on, _followUp, w) => ({
    decision: `We will keep ${w.poss} plan as it is.`,
    next: ['The support in the plan will carry on.', 'We will review the plan again within a year.'],
  }),
  'annual_review:amend': (f, on, _followUp, w) => ({
    decision: `We will change ${w.poss} plan.`,
    next: [
      'We will send you a draft of the changed plan first.',
      'You will have 15 days to tell us what you think of it.',
      `We must send you the final plan by ${on(f.dueDates.issue_amended_plan)}.`,
    ],
  }),
  'annual_review:cease': (f, _on, _followUp, w) => ({
    decision: `We will stop ${w.poss} plan.`,
    next: [
      'The plan stays in place while you can still appeal.',
      'If you appeal, it stays in place until the tribunal decides.',
    ],
  }),
  'phase_transfer:maintain': (f, on, _followUp, w) => ({
    decision: `We will keep ${w.poss} plan as it is for the move to the next school.`,
    next: [
      f.namedSetting
        ? `The plan will name ${f.namedSetting}, where ${w.name} will go next.`
        : 'The support in the plan will carry on at the next school.',
      `We must confirm the plan by ${on(f.dueDates.issue_amended_plan)}.`,
    ],
  }),
  'phase_transfer:amend': (f, on, _followUp, w) => ({
    decision: `We will change ${w.poss} plan for the move to the next school.`,
    next: [
      f.namedSetting
        ? `The changed plan will name ${f.namedSetting}, where ${w.name} will go next.`
        : `The changed plan will name the school ${w.name} will go to next.`,
      `We must send you the final plan by ${on(f.dueDates.issue_amended_plan)}.`,
    ],
  }),
  'phase_transfer:cease': (f, _on, _followUp, w) => ({
    decision: `We will stop ${w.poss} plan when the move to the next school comes.`,
    next: [
      'The plan stays in place while you can still appeal.',
      'If you appeal, it stays in place until the tribunal decides.',
    ],
  }),
  'alternative_provision:agree': (f, _on, followUp, w) => ({
    decision: `We agree to the support you asked for${w.forChild}.`,
    next: [`Your caseworker will contact you by ${followUp} to say when it will start.`],
  }),
  'alternative_provision:refuse': (f, _on, _followUp, w) => ({
    decision: `We do not agree to the support you asked for${w.forChild}.`,
    next: [`${w.Poss} school will keep giving the support it gives now.`],
  }),
  'alternative_provision:agree_different_level': (f, _on, followUp, w) => ({
    decision: `We agree to give ${w.name} support, but not all that you asked for.`,
    next: [`Your caseworker will contact you by ${followUp} to say what it is and when it will start.`],
  }),
}

/**
 * A deferral is its own letter: nothing is decided yet, what the panel needs and who is getting it
 * (the chair's words, held to the letter's standard as they are typed), and when the panel looks again.
 */
const deferral: Words = (f, _on, _followUp, w) => ({
  decision: `We have not made a decision about ${w.name} yet.`,
  next: [
    'The panel needs one more thing before it can decide. This is what it needs:',
    ...(f.deferral
      ? [
          `${f.deferral.owner} will get it by ${formatLongDate(f.deferral.dueOn)}.`,
          f.deferral.nextSittingOn
            ? `The panel will look at ${w.poss} case again on ${formatLongDate(f.deferral.nextSittingOn)}.`
            : `The panel will look at ${w.poss} case again at its first meeting after that. We will tell you the date.`,
        ]
      : ['We will tell you when the panel will look at it again.']),
    'We will write to you after that meeting with the decision.',
  ],
})

/** Whether the letter has words for this kind and outcome; an unknown pair must never be issued. */
export function hasWording(kind: string, outcome: string): boolean {
  return outcome === 'defer' || `${kind}:${outcome}` in WORDING
}

export function outcomeWording(f: LetterFacts, settings: LetterSettings): OutcomeWording {
  const words = f.outcome === 'defer' ? deferral : WORDING[`${f.kind}:${f.outcome}`]
  if (!words) throw new Error(`No letter wording for ${f.kind} ${f.outcome}`)
  // A line whose date the clock does not give is left out rather than sent vague ("by the date the
  // law sets"): every date a letter promises must be there.
  const on = (date: IsoDate | undefined) => (date ? formatLongDate(date) : NO_DATE)
  const followUp = formatLongDate(addWorkingDays(f.letterDate, settings.followUpWorkingDays, f.bankHolidays))
  const wording = words(f, on, followUp, whoFor(f))
  return { ...wording, next: wording.next.filter((line) => !line.includes(NO_DATE)) }
}
