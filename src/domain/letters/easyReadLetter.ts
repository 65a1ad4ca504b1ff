import { appealDeadline } from '../appealDeadline'
import { formatLongDate, type IsoDate } from '../dates'
import type { DisagreementGround } from '../decisionRules'
import { appealRightFor, type AppealRight } from '../rightsOfAppeal'
import { escapeRegExp } from '../readability'
import { addWorkingDays } from '../workingDays'
import { OMBUDSMAN, OMBUDSMAN_WEBSITE } from './commonSections'
import { RIGHTS_BY_TIMING } from './rights'
import type { LetterFacts, LetterModel, LetterSettings, Right, SectionId } from './types'

/**
 * The Easy Read letter (Mencap's "Am I making myself clear?" and the Department of Health's "Making
 * written information easier to understand"): one idea to a sentence, short sentences in everyday
 * words, key words in bold, and a picture beside each point. It says what the standard letter says,
 * from the same facts, and gives the same rights from the same table: its words are its own, not the
 * standard letter made bigger.
 */

/** The pictures a point can carry; each is drawn from the bundled set (src/letters/pictograms.ts). */
export const PICTURES = [
  'decision',
  'reasons',
  'asked',
  'calendar',
  'waiting',
  'school',
  'plan',
  'appeal',
  'meeting',
  'advice',
  'complain',
  'phone',
  'email',
  'caseworker',
  'formats',
  'question',
] as const
export type PictureId = (typeof PICTURES)[number]

/** A run of words in one weight: Easy Read marks its key words in bold. */
export interface EasyReadRun {
  text: string
  bold: boolean
}

/** One sentence: the council's words (kept short and checked for readability) or the panel's own. */
export interface EasyReadSentence {
  runs: EasyReadRun[]
  from: 'template' | 'panel'
}

/** One point: a few sentences on one thing, with the picture printed beside them. */
export interface EasyReadPoint {
  picture: PictureId
  sentences: EasyReadSentence[]
}

export interface EasyReadSection {
  id: SectionId
  heading: string
  points: EasyReadPoint[]
}

export interface EasyReadLetter {
  format: 'easy_read'
  title: string
  councilName: string
  councilAddress: readonly string[]
  addressee: { name: string; addressLines: readonly string[] }
  date: IsoDate
  reference: string
  greeting: string
  sections: EasyReadSection[]
  signOff: { name: string; jobTitle: string }
  appealBy: IsoDate | null
  rightsGiven: Right[]
  rightsRequired: Right[]
  /** Who drew the pictures, and their licence: CC BY 4.0 asks for it wherever they are used. */
  pictureCredit: readonly string[]
}

/** What an issued letter stores: the standard letter's words, and an Easy Read letter's own beside them. */
export type StoredLetter = LetterModel & { easyRead?: EasyReadLetter }

export const PICTURE_CREDIT: readonly string[] = [
  'The pictures are from Twemoji, by Twitter, Inc and others.',
  'They are shared under the licence CC BY 4.0:',
  'https://creativecommons.org/licenses/by/4.0/',
]

/**
 * The council's words, with key words between double asterisks: "We will **not** do it." Only the
 * template is marked up; the panel's words and the family's are never parsed, so an asterisk they type
 * stays an asterisk.
 */
export function e(text: string): EasyReadSentence {
  const runs = text
    .split('**')
    .map((part, i) => ({ text: part, bold: i % 2 === 1 }))
    .filter((run) => run.text !== '')
  return { runs, from: 'template' }
}

const panel = (text: string): EasyReadSentence => ({ runs: [{ text, bold: false }], from: 'panel' })
/**
 * A web or email address on a line of its own, in regular type, which is narrower: beside a picture the line is short, and an address
 * broken over two lines cannot be typed in.
 */
const address = (text: string): EasyReadSentence => ({ runs: [{ text, bold: false }], from: 'template' })
const point = (picture: PictureId, ...sentences: EasyReadSentence[]): EasyReadPoint => ({
  picture,
  sentences,
})

/** The whole sentence as one string, for reading back and for tests. */
export const sentenceText = (s: EasyReadSentence) => s.runs.map((r) => r.text).join('')

const filled = (...values: (string | null | undefined)[]) => values.every((v) => (v ?? '').trim() !== '')

interface Words {
  decision: EasyReadPoint[]
  next: EasyReadPoint[]
}

type Wording = (f: LetterFacts, on: (d: IsoDate | undefined) => string, followUp: string) => Words

const schoolKeepsHelping = (c: string) =>
  point(
    'school',
    e(`${c}'s **school** will keep helping ${c}.`),
    e('We will send the school our ideas to help.'),
  )

const draftThenFinal = (finalBy: string, askSchool: boolean) => [
  point(
    'plan',
    e('First we will send you a **draft** of the plan.'),
    e('A draft is a first go at writing the plan.'),
  ),
  point(
    'calendar',
    e('You have **15 days** to tell us what you think of it.'),
    ...(askSchool ? [e('You can tell us which **school** you want too.')] : []),
  ),
  point('calendar', e(`We must send you the **final plan** by **${finalBy}**.`)),
]

const planStaysWhileAppeal = [
  point(
    'plan',
    e('The plan **stays** while you can still **appeal**.'),
    e('If you appeal, the plan stays until the tribunal decides.'),
  ),
]

const callBy = (followUp: string, ...about: string[]) =>
  point('caseworker', e(`Your caseworker will contact you by **${followUp}**.`), ...about.map((a) => e(a)))

const WORDING: Record<string, Wording> = {
  'assessment_request:agree_to_assess': (f, on) => ({
    decision: [
      point(
        'decision',
        e(`We **will** do an **assessment** for ${f.child.firstName}.`),
        e(`An assessment means we find out what help ${f.child.firstName} needs.`),
      ),
    ],
    next: [
      point(
        'school',
        e(`We will ask ${f.child.firstName}'s school what they think.`),
        e('We will ask people from health and social care too.'),
        e(`We will ask you and ${f.child.firstName} what you think.`),
      ),
      point(
        'calendar',
        e(`We will tell you by **${on(f.dueDates.notify_plan_not_issued)}** if we will write a **plan**.`),
      ),
    ],
  }),
  'assessment_request:refuse_to_assess': (f) => ({
    decision: [
      point(
        'decision',
        e(`We will **not** do an **assessment** for ${f.child.firstName} now.`),
        e(`An assessment means we find out what help ${f.child.firstName} needs.`),
      ),
    ],
    next: [
      schoolKeepsHelping(f.child.firstName),
      point('question', e('You can **ask us again** if things change.')),
    ],
  }),
  'issue_plan:issue_plan': (f, on) => ({
    decision: [
      point(
        'plan',
        e(`We **will** write a **plan** for ${f.child.firstName}.`),
        e('Its full name is an education, health and care plan.'),
        e(`The plan says what help ${f.child.firstName} needs.`),
      ),
    ],
    next: draftThenFinal(on(f.dueDates.issue_final_plan), true),
  }),
  'issue_plan:do_not_issue_plan': (f) => ({
    decision: [
      point(
        'decision',
        e(`We will **not** write a **plan** for ${f.child.firstName}.`),
        e('Its full name is an education, health and care plan.'),
      ),
    ],
    next: [
      point(
        'school',
        e(`${f.child.firstName}'s **school** will keep helping ${f.child.firstName}.`),
        e('We will send the school our ideas to help.'),
        e('The ideas come from the assessment.'),
      ),
    ],
  }),
  'placement:name_preference': (f, _on, followUp) => ({
    decision: [
      point(
        'school',
        f.preferredSetting
          ? e(`${f.child.firstName}'s plan will name **${f.preferredSetting}**.`)
          : e(`${f.child.firstName}'s plan will name **the school you asked for**.`),
        ...(f.preferredSetting ? [e('This is the school you asked for.')] : []),
      ),
    ],
    next: [
      point('plan', e('We will change the plan to name the school.'), e('We will send you a copy.')),
      callBy(followUp, `They will talk to you about when ${f.child.firstName} starts.`),
    ],
  }),
  'placement:name_different_setting': (f, _on, followUp) => {
    const asked = f.preferredSetting ?? 'the school you asked for'
    return {
      decision: [
        point(
          'school',
          ...(f.namedSetting
            ? [
                e(`${f.child.firstName}'s plan will name **${f.namedSetting}**.`),
                e(`It will **not** name ${asked}.`),
              ]
            : [e(`${f.child.firstName}'s plan will **not** name ${asked}.`)]),
        ),
      ],
      next: [
        point(
          'plan',
          f.namedSetting
            ? e(`We will change the plan to name **${f.namedSetting}**.`)
            : e(`We will name a school that can meet ${f.child.firstName}'s needs.`),
          e('We will send you a copy.'),
        ),
        callBy(followUp, 'They will talk it through with you.'),
      ],
    }
  },
  'annual_review:maintain': (f) => ({
    decision: [point('plan', e(`We will **keep** ${f.child.firstName}'s plan **the same**.`))],
    next: [
      point('plan', e('The help in the plan will carry on.')),
      point('calendar', e('We will look at the plan again **within a year**.')),
    ],
  }),
  'annual_review:amend': (f, on) => ({
    decision: [point('plan', e(`We will make **changes** to ${f.child.firstName}'s plan.`))],
    next: draftThenFinal(on(f.dueDates.issue_amended_plan), false),
  }),
  'annual_review:cease': (f) => ({
    decision: [point('decision', e(`We are going to **stop** ${f.child.firstName}'s plan.`))],
    next: planStaysWhileAppeal,
  }),
  'phase_transfer:maintain': (f, on) => ({
    decision: [
      point(
        'plan',
        e(`We will **keep** ${f.child.firstName}'s plan **the same**.`),
        e(`This is for ${f.child.firstName}'s move to the next school.`),
      ),
    ],
    next: [
      f.namedSetting
        ? point(
            'school',
            e(`The plan will name **${f.namedSetting}**.`),
            e(`This is where ${f.child.firstName} will go next.`),
          )
        : point('school', e('The help in the plan will carry on at the next school.')),
      point('calendar', e(`We must confirm the plan by **${on(f.dueDates.issue_amended_plan)}**.`)),
    ],
  }),
  'phase_transfer:amend': (f, on) => ({
    decision: [
      point(
        'plan',
        e(`We will **change** ${f.child.firstName}'s plan.`),
        e(`This is for ${f.child.firstName}'s move to the next school.`),
      ),
    ],
    next: [
      f.namedSetting
        ? point(
            'school',
            e(`The new plan will name **${f.namedSetting}**.`),
            e(`This is where ${f.child.firstName} will go next.`),
          )
        : point('school', e(`The new plan will name the school ${f.child.firstName} will go to next.`)),
      point(
        'calendar',
        e(`We must send you the **final plan** by **${on(f.dueDates.issue_amended_plan)}**.`),
      ),
    ],
  }),
  'phase_transfer:cease': (f) => ({
    decision: [
      point(
        'decision',
        e(`We will **stop** ${f.child.firstName}'s plan.`),
        e(`This will happen when ${f.child.firstName} moves to the next school.`),
      ),
    ],
    next: planStaysWhileAppeal,
  }),
  'alternative_provision:agree': (f, _on, followUp) => ({
    decision: [point('decision', e(`We **agree** to the **help** you asked for ${f.child.firstName}.`))],
    next: [callBy(followUp, 'They will tell you when the help will start.')],
  }),
  'alternative_provision:refuse': (f) => ({
    decision: [point('decision', e(`We do **not agree** to the help you asked for ${f.child.firstName}.`))],
    next: [point('school', e(`${f.child.firstName}'s school will keep giving the help it gives now.`))],
  }),
  'alternative_provision:agree_different_level': (f, _on, followUp) => ({
    decision: [
      point(
        'decision',
        e(`We agree to give ${f.child.firstName} **some help**.`),
        e('It is **not all** the help you asked for.'),
      ),
    ],
    next: [
      callBy(followUp, 'They will tell you what the help is.', 'They will tell you when it will start.'),
    ],
  }),
}

const deferral: Wording = (f) => ({
  decision: [
    point(
      'waiting',
      e(`We have **not decided** about ${f.child.firstName} **yet**.`),
      e('We need to know more first.'),
    ),
  ],
  next: [
    point(
      'question',
      e('We need **one more thing** before we can decide:'),
      ...(f.deferral ? [panel(f.deferral.action)] : []),
    ),
    point(
      'calendar',
      f.deferral
        ? e(`We hope to have it by **${formatLongDate(f.deferral.dueOn)}**.`)
        : e('We will tell you when we have it.'),
    ),
    point(
      'meeting',
      f.deferral?.nextSittingOn
        ? e(`Then the panel will **look again** on **${formatLongDate(f.deferral.nextSittingOn)}**.`)
        : e('Then the panel will **look again** at its next meeting.'),
      e('We will write to you after that meeting.'),
    ),
  ],
})

/** The lawful ground, in Easy Read: the panel's test (s.39(4), s.33(1)(b)) put as what it means for the child. */
function groundInEasyRead(ground: DisagreementGround, f: LetterFacts): EasyReadSentence[] {
  const asked = f.preferredSetting ?? 'the school you asked for'
  const c = f.child.firstName
  const because: Record<DisagreementGround, EasyReadSentence[]> = {
    unsuitable_for_child: [
      e(`We think ${asked} is **not right** for ${c}.`),
      e(`This is because of ${c}'s age, what ${c} can do, or ${c}'s needs.`),
    ],
    incompatible_with_education_of_others: [
      e(`We think ${c} going to ${asked} would **stop other children learning**.`),
    ],
    incompatible_with_use_of_resources: [
      e(`We think ${asked} would **cost much more**.`),
      e(`Another school can meet ${c}'s needs just as well.`),
    ],
    mainstream_incompatible_no_reasonable_steps: [
      e('We think other children would **not learn** as they should.'),
      e('This is even with all the help we could fairly give.'),
    ],
  }
  return [
    e('The law says we can say no for only a few reasons.'),
    e('This is the reason here.'),
    ...because[ground],
  ]
}

function askedSection(f: LetterFacts): EasyReadSection {
  const points: EasyReadPoint[] = []
  if (f.familyAsked) points.push(point('asked', e('You told us:'), panel(f.familyAsked)))
  else if (f.preferredSetting) points.push(point('asked', e(`You asked for **${f.preferredSetting}**.`)))
  if (f.outcome === 'defer' || f.matchesPreference === null) {
    // A deferral decides nothing, so it neither gives nor refuses what the family asked for.
    if (points.length > 0)
      points.push(point('waiting', e('The panel will think about this when it decides.')))
  } else if (f.matchesPreference) {
    points.push(point('decision', e('Our decision **gives you** what you asked for.')))
  } else {
    points.push(
      point(
        'reasons',
        e('Our decision is **different** from what you asked for.'),
        e('This is why:'),
        ...(f.disagreementExplanation ? [panel(f.disagreementExplanation)] : []),
      ),
    )
    if (f.disagreementGround) points.push(point('reasons', ...groundInEasyRead(f.disagreementGround, f)))
  }
  return { id: 'asked', heading: 'What you asked for', points }
}

const phoneAndEmail = (phone: string, email: string, who = 'them') => [
  point('phone', e(`Phone ${who} on **${phone}**.`)),
  point('email', e(`Email ${who} at:`), address(email)),
]

/** If you disagree: the same rights as the standard letter, each given only when it can say how. */
function disagreeSection(
  right: AppealRight,
  s: LetterSettings,
  appealBy: string | null,
  deferred: boolean,
): { section: EasyReadSection; given: Right[] } {
  const required = RIGHTS_BY_TIMING[right.timing]
  const given: Right[] = []
  const points: EasyReadPoint[] = [
    point(
      'caseworker',
      e('Please **talk to your caseworker** first.'),
      e('They can explain the decision.'),
      e('They can tell you what you can do.'),
    ),
  ]
  const advice = s.informationAdvice
  if (filled(advice.name, advice.phone, advice.email)) {
    given.push('information_advice')
    points.push(
      point(
        'advice',
        e(`You can get **free advice** from **${advice.name}**.`),
        e('They do not take sides.'),
        ...(advice.website ? [e('Their website is:'), address(advice.website)] : []),
      ),
      ...phoneAndEmail(advice.phone, advice.email),
    )
  }
  const dr = s.disagreementResolution
  if (required.includes('disagreement_resolution') && filled(dr.name, dr.phone, dr.email)) {
    given.push('disagreement_resolution')
    points.push(
      point(
        'meeting',
        e('You can ask for a **meeting** to help sort out the disagreement.'),
        e(`The meeting is run by **${dr.name}**.`),
        e('It is free.'),
        e('It does **not** stop you appealing.'),
      ),
      ...phoneAndEmail(dr.phone, dr.email),
    )
  }
  const mediation = s.mediation
  if (required.includes('mediation') && filled(mediation.name, mediation.phone, mediation.email)) {
    given.push('mediation')
    points.push(
      point(
        'meeting',
        e('You can also ask for **mediation**.'),
        e('Mediation is a meeting with someone who does not take sides.'),
      ),
      point(
        'advice',
        e(`Before you appeal, you **must** contact **${mediation.name}**.`),
        e('They will talk to you about mediation.'),
        e('Then they will give you a **certificate**.'),
        e('You do not need one if your appeal is only about the school.'),
      ),
      ...phoneAndEmail(mediation.phone, mediation.email),
    )
  }
  if (right.timing === 'now' && appealBy && filled(s.tribunalUrl)) {
    given.push('appeal')
    points.push(
      point(
        'appeal',
        e('You can **appeal** to the **tribunal**.'),
        e('Its full name is the First-tier Tribunal (Special Educational Needs and Disability).'),
        e('The tribunal does not work for the council.'),
        e('It can change our decision.'),
        e('It costs **nothing** to appeal.'),
        e(`You can appeal about ${right.about}.`),
      ),
      point(
        'calendar',
        e(`The tribunal must get your appeal by **${appealBy}**.`),
        e('If you have a mediation certificate, you may have **longer**.'),
      ),
      point('appeal', e('Find out how to appeal on this website:'), address(s.tribunalUrl)),
    )
  }
  if (right.timing === 'later' && filled(s.tribunalUrl)) {
    given.push('appeal_later')
    const about = (right.about ?? '').split(/,? or |, /).filter((a) => a.trim() !== '')
    points.push(
      point(
        'appeal',
        e('You **cannot appeal** about this decision.'),
        e('When we send you the **final plan**, you can **appeal** to the tribunal about it.'),
        e('The tribunal does not work for the council.'),
        e('It costs **nothing** to appeal.'),
      ),
      point(
        'plan',
        e('An appeal about the plan can be about:'),
        ...about.map((a) => e(`${a.charAt(0).toUpperCase()}${a.slice(1)}.`)),
      ),
      point(
        'calendar',
        e('The letter with the plan will tell you the **last day** to appeal.'),
        e('Read about appeals on this website:'),
        address(s.tribunalUrl),
      ),
    )
  }
  if (right.timing === 'none') {
    points.push(
      deferred
        ? point(
            'waiting',
            e('We have **not decided** yet, so there is nothing to appeal.'),
            e('Our next letter will say what you can do.'),
          )
        : point('appeal', e('The law says you **cannot appeal** to the tribunal about this.')),
    )
    if (filled(s.complaintsUrl)) {
      given.push('complaints')
      points.push(
        point(
          'complain',
          e('You can **complain** to us about how we dealt with this.'),
          e('Read how on our website:'),
          address(s.complaintsUrl),
        ),
        point(
          'complain',
          e('If you are still unhappy, you can go to the **Ombudsman**.'),
          e(`Its full name is the ${OMBUDSMAN}.`),
          e('It is free and does not take sides.'),
          e('Its website is:'),
          address(OMBUDSMAN_WEBSITE),
        ),
      )
    }
  }
  return { section: { id: 'disagree', heading: 'If you do not agree', points }, given }
}

const NO_DATE = '\u0000no date\u0000'

function withoutMissingDates(points: EasyReadPoint[]): EasyReadPoint[] {
  return points
    .map((p) => ({
      ...p,
      sentences: p.sentences.filter((x) => !x.runs.some((r) => r.text.includes(NO_DATE))),
    }))
    .filter((p) => p.sentences.length > 0)
}

/**
 * A letter to a young person (16 or over) speaks to them: the council's sentences, written about the
 * child by name, are turned to "you" (the panel's and the family's own words are left as they are).
 */
function speakTo(sections: EasyReadSection[], name: string): EasyReadSection[] {
  const n = escapeRegExp(name)
  const verbs: Record<string, string> = { needs: 'need', starts: 'start', moves: 'move' }
  const rules: [RegExp, string | ((m: string, v: string) => string)][] = [
    [new RegExp(`\\byou and ${n}\\b`, 'g'), 'you'],
    [new RegExp(`\\basked for ${n}\\b`, 'g'), 'asked for'],
    [new RegExp(`\\b${n} (needs|starts|moves)\\b`, 'g'), (_m, v) => `you ${verbs[v]}`],
    [new RegExp(`\\b${n}'s\\b`, 'g'), 'your'],
    [new RegExp(`\\b${n}\\b`, 'g'), 'you'],
  ]
  const turn = (text: string, first: boolean) => {
    const turned = rules.reduce<string>(
      (t, [pattern, to]) => (typeof to === 'string' ? t.replace(pattern, to) : t.replace(pattern, to)),
      text,
    )
    // A sentence that began with the child's name now begins with "you" or "your".
    return first && turned !== text
      ? turned.replace(/^(you|your)\b/, (w) => w[0]!.toUpperCase() + w.slice(1))
      : turned
  }
  return sections.map((section) => ({
    ...section,
    points: section.points.map((point) => ({
      ...point,
      sentences: point.sentences.map((sentence) =>
        sentence.from === 'template'
          ? { ...sentence, runs: sentence.runs.map((run, i) => ({ ...run, text: turn(run.text, i === 0) })) }
          : sentence,
      ),
    })),
  }))
}

/** Whether there are Easy Read words for this kind and outcome; the same pairs as the standard letter. */
export function hasEasyReadWording(kind: string, outcome: string): boolean {
  return outcome === 'defer' || `${kind}:${outcome}` in WORDING
}

/** The Easy Read decision letter (docs/design.md, "The letter"), from the same facts as the standard one. */
export function easyReadLetter(f: LetterFacts, s: LetterSettings): EasyReadLetter {
  const right = appealRightFor(f.kind, f.outcome)
  if (!right) throw new Error(`No right of appeal is known for ${f.kind} ${f.outcome}`)
  const words = f.outcome === 'defer' ? deferral : WORDING[`${f.kind}:${f.outcome}`]
  if (!words) throw new Error(`No Easy Read wording for ${f.kind} ${f.outcome}`)
  const appealBy =
    right.timing === 'now' ? appealDeadline({ letter: f.letterDate }, f.bankHolidays).lastDay : null
  // As in the standard letter, a sentence whose date the clock cannot give is left out, not made vague.
  const on = (date: IsoDate | undefined) => (date ? formatLongDate(date) : NO_DATE)
  const followUp = formatLongDate(addWorkingDays(f.letterDate, s.followUpWorkingDays, f.bankHolidays))
  const given = words(f, on, followUp)
  const wording = { ...given, next: withoutMissingDates(given.next) }
  const disagree = disagreeSection(right, s, appealBy && formatLongDate(appealBy), f.outcome === 'defer')
  const caseworker = f.caseworker
  const sections: EasyReadSection[] = [
    { id: 'decision', heading: 'Our decision', points: wording.decision },
    {
      id: 'why',
      heading: 'Why we decided this',
      points: [
        point(
          'meeting',
          e('A **panel** made this decision.'),
          e('A panel is a group of people who decide about help for children.'),
          e('The panel gave these **reasons**:'),
        ),
        ...f.reasons.map((reason) => point('reasons', panel(reason))),
      ],
    },
    askedSection(f),
    {
      id: 'next',
      heading: 'What happens next',
      points: f.conditions
        ? [...wording.next, point('plan', e('The panel also agreed this:'), panel(f.conditions))]
        : wording.next,
    },
    disagree.section,
    {
      id: 'formats',
      heading: 'If you need this letter in another way',
      points: [
        point(
          'formats',
          e('We can send you this letter in **large print**.'),
          e('We can send it in **another language**.'),
          e('We can send the usual letter too.'),
        ),
        ...phoneAndEmail(s.sendTeam.phone, s.sendTeam.email, 'us'),
      ],
    },
    {
      id: 'caseworker',
      heading: 'Your caseworker',
      points: [
        point('caseworker', e(`Your caseworker is **${caseworker.name}**.`)),
        ...(caseworker.phone ? [point('phone', e(`Phone them on **${caseworker.phone}**.`))] : []),
        point('email', e('Email them at:'), address(caseworker.email)),
        ...(s.localOfferWords.trim() ? [point('advice', e(s.localOfferWords.trim()))] : []),
        point('question', e('Read how we use **your information** here:'), address(f.privacyUrl)),
      ],
    },
  ]
  return {
    format: 'easy_read',
    title: `Our decision about ${f.child.firstName} ${f.child.lastName}`,
    councilName: s.councilName,
    councilAddress: s.councilAddress,
    addressee: f.addressee,
    date: f.letterDate,
    reference: f.reference,
    greeting: `Dear ${f.addressee.name}`,
    sections: f.toYoungPerson ? speakTo(sections, f.child.firstName) : sections,
    signOff: s.signature,
    appealBy,
    rightsGiven: disagree.given,
    rightsRequired: [...RIGHTS_BY_TIMING[right.timing]],
    pictureCredit: PICTURE_CREDIT,
  }
}
