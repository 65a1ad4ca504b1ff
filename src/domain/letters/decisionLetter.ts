import { appealDeadline } from '../appealDeadline'
import { formatLongDate } from '../dates'
import type { DisagreementGround } from '../decisionRules'
import { closingSections, OMBUDSMAN, p, t } from './commonSections'
import { factSheet } from './factSheet'
import { outcomeWording, whoFor } from './outcomeWording'
import { appealRightFor, type AppealRight } from '../rightsOfAppeal'
import { RIGHTS_BY_TIMING } from './rights'
import type { LetterFacts, LetterModel, LetterSection, LetterSettings, LetterText, Right } from './types'

const filled = (...values: (string | null | undefined)[]) => values.every((v) => (v ?? '').trim() !== '')

/**
 * "If you disagree": the rights this decision carries in law (rightsOfAppeal.ts), and only those,
 * each when the council's settings let the letter say how to use it. A right left out is reported,
 * and the letter cannot be issued (rights.ts).
 */
function disagreeSection(
  right: AppealRight,
  s: LetterSettings,
  appealBy: string | null,
  deferred: boolean,
): { section: LetterSection; given: Right[] } {
  const required = RIGHTS_BY_TIMING[right.timing]
  const given: Right[] = []
  const paragraphs: LetterText[] = [
    t(`Please talk to your caseworker first. They can explain the decision and what you can do.`),
  ]
  const advice = s.informationAdvice
  if (filled(advice.name, advice.phone, advice.email)) {
    given.push('information_advice')
    paragraphs.push(
      t(`You can get free advice that does not take sides from ${advice.name}.`),
      t(
        `Phone ${advice.phone} or email ${advice.email}.${advice.website ? ` Website: ${advice.website}.` : ''}`,
      ),
    )
  }
  const dr = s.disagreementResolution
  if (required.includes('disagreement_resolution') && filled(dr.name, dr.phone, dr.email)) {
    given.push('disagreement_resolution')
    paragraphs.push(
      t(`You can ask for a meeting to help sort out the disagreement. This is run by ${dr.name}.`),
      t(`Phone ${dr.phone} or email ${dr.email}. Using it does not affect your right to appeal.`),
    )
  }
  const mediation = s.mediation
  if (required.includes('mediation') && filled(mediation.name, mediation.phone, mediation.email)) {
    given.push('mediation')
    paragraphs.push(
      t(`You can also ask for mediation. This is a meeting with someone who does not take sides.`),
      t(`Before you appeal, you must contact ${mediation.name} to talk about mediation.`),
      t(`They will give you a certificate. Phone ${mediation.phone} or email ${mediation.email}.`),
      t(`You do not need a certificate if your appeal is only about the school named in the plan.`),
    )
  }
  if (right.timing === 'now' && appealBy && filled(s.tribunalUrl)) {
    given.push('appeal')
    paragraphs.push(
      t(`You can appeal to the First-tier Tribunal (Special Educational Needs and Disability).`),
      t(`You can appeal about ${right.about}.`),
      t(`The tribunal must get your appeal by ${appealBy}.`),
      t(
        `If you have a mediation certificate, you may have longer. Find out how to appeal at ${s.tribunalUrl}.`,
      ),
    )
  }
  if (right.timing === 'later' && filled(s.tribunalUrl)) {
    given.push('appeal_later')
    paragraphs.push(
      t(`You cannot appeal against this decision itself.`),
      t(`When we send you the final plan, you can appeal to the tribunal about it.`),
      t(`An appeal can be about ${right.about}.`),
      t(
        `The letter with the plan will give you the last day to appeal. Read about appeals at ${s.tribunalUrl}.`,
      ),
    )
  }
  if (right.timing === 'none') {
    paragraphs.push(
      deferred
        ? t(
            `We have not decided yet, so there is nothing to appeal. Our next letter will say what you can do.`,
          )
        : t(`The law does not let you appeal to the tribunal about this decision.`),
    )
    if (filled(s.complaintsUrl)) {
      given.push('complaints')
      paragraphs.push(
        t(
          `If you are unhappy with how we dealt with this, you can complain to us. Read how at ${s.complaintsUrl}.`,
        ),
        t(`If you are still unhappy, you can then go to the ${OMBUDSMAN}.`),
      )
    }
  }
  return { section: { id: 'disagree', heading: 'If you disagree', paragraphs }, given }
}

/**
 * The lawful ground explained, never quoted: the Act's words ("incompatible with the efficient use of
 * resources") are the panel's test, not something a family can act on. Children and Families Act
 * 2014 s.39(4) for a named school, s.33(1)(b) for a mainstream one.
 */
function groundInPlainWords(ground: DisagreementGround, f: LetterFacts): LetterText[] {
  const asked = f.preferredSetting ?? 'the school you asked for'
  const who = whoFor(f)
  const child = who.name
  const because: Record<DisagreementGround, string> = {
    unsuitable_for_child: `We think ${asked} is not right for ${who.poss} age, abilities or needs.`,
    incompatible_with_education_of_others: `We think ${child} going to ${asked} would stop other children there learning as they should.`,
    incompatible_with_use_of_resources: `We think ${asked} would cost much more than a school that can meet ${who.poss} needs just as well.`,
    mainstream_incompatible_no_reasonable_steps: `We think other children would not learn as they should, even with all the help we could reasonably give.`,
  }
  return [
    t('The law lets us say no to the school you asked for for only a few reasons.'),
    t(`This is the reason here. ${because[ground]}`),
  ]
}

function askedSection(f: LetterFacts): LetterSection {
  const paragraphs: LetterText[] = []
  if (f.familyAsked) paragraphs.push(t('You told us:'), p(f.familyAsked))
  else if (f.preferredSetting) paragraphs.push(t(`You asked for ${f.preferredSetting}.`))
  if (f.outcome === 'defer' || f.matchesPreference === null) {
    // A deferral decides nothing, so it can neither give nor refuse what the family asked for.
    if (paragraphs.length > 0)
      paragraphs.push(t('The panel will think about this when it makes its decision.'))
  } else if (f.matchesPreference) {
    paragraphs.push(t('Our decision gives you what you asked for.'))
  } else {
    paragraphs.push(t('Our decision is different from what you asked for. This is why:'))
    if (f.disagreementExplanation) paragraphs.push(p(f.disagreementExplanation))
    if (f.disagreementGround) {
      paragraphs.push(...groundInPlainWords(f.disagreementGround, f))
    }
  }
  return { id: 'asked', heading: 'What you asked for', paragraphs }
}

/** The family's decision letter (docs/design.md, "The letter"), from the decision and the council's settings. */
export function decisionLetter(f: LetterFacts, s: LetterSettings): LetterModel {
  const right = appealRightFor(f.kind, f.outcome)
  if (!right) throw new Error(`No right of appeal is known for ${f.kind} ${f.outcome}`)
  const appealBy =
    right.timing === 'now' ? appealDeadline({ letter: f.letterDate }, f.bankHolidays).lastDay : null
  const wording = outcomeWording(f, s)
  const next = wording.next.map(t)
  if (f.outcome === 'defer' && f.deferral) next.splice(1, 0, p(f.deferral.action))
  const disagree = disagreeSection(right, s, appealBy && formatLongDate(appealBy), f.outcome === 'defer')
  const sections: LetterSection[] = [
    { id: 'decision', heading: 'Our decision', paragraphs: [t(wording.decision)] },
    {
      id: 'why',
      heading: 'Why we made this decision',
      paragraphs: [t('The panel gave these reasons:')],
      list: f.reasons.map(p),
    },
    askedSection(f),
    {
      id: 'next',
      heading: 'What happens next',
      paragraphs: f.conditions ? [...next, t('The panel also agreed:'), p(f.conditions)] : next,
    },
    disagree.section,
    ...closingSections(s, f.caseworker),
  ]
  return {
    title: `Our decision about ${f.child.firstName} ${f.child.lastName}`,
    councilName: s.councilName,
    councilAddress: s.councilAddress,
    addressee: f.addressee,
    date: f.letterDate,
    reference: f.reference,
    greeting: `Dear ${f.addressee.name}`,
    sections,
    signOff: s.signature,
    appealBy,
    rightsGiven: disagree.given,
    rightsRequired: [...RIGHTS_BY_TIMING[right.timing]],
    factSheet: factSheet(s, right, appealBy, f.outcome === 'defer', f.privacyUrl),
  }
}
