import { formatLongDate, type IsoDate } from '../dates'
import type { AppealRight } from '../rightsOfAppeal'
import { OMBUDSMAN, OMBUDSMAN_WEBSITE, privacySentence, t } from './commonSections'
import type { FactSheet, LetterSettings, LetterText } from './types'

type Section = { heading: string; paragraphs: LetterText[] }

const lawWeFollow: Section = {
  heading: 'The law we follow',
  paragraphs: [
    t('We made this decision under the Children and Families Act 2014.'),
    t('The detailed rules are in the Special Educational Needs and Disability Regulations 2014.'),
    t('There is also a guide to the law, called the SEND Code of Practice.'),
  ],
}

const mediationCertificates: Section = {
  heading: 'Mediation certificates',
  paragraphs: [
    t('Before you appeal, the law says you must contact a mediation adviser.'),
    t('You do not have to take part in mediation if you do not want to.'),
    t('The adviser will give you a certificate within 3 working days of your call.'),
    t('You need the certificate to appeal.'),
    t('You do not need one if your appeal is only about the school named in the plan.'),
  ],
}

const disagreementResolution: Section = {
  heading: 'Disagreement resolution',
  paragraphs: [
    t(
      'This is a meeting with someone who does not take sides. It can help with any disagreement about support.',
    ),
    t('It is free. It does not stop you from appealing, and it does not change your last day.'),
  ],
}

export function freeAdvice(settings: LetterSettings): Section {
  return {
    heading: 'Free advice',
    paragraphs: [
      t(`${settings.informationAdvice.name} gives free advice that does not take sides.`),
      t('They can help you understand the decision and what you can do next.'),
    ],
  }
}

function appealNow(settings: LetterSettings, appealBy: IsoDate): Section {
  return {
    heading: 'Appealing to the tribunal',
    paragraphs: [
      t('The tribunal does not work for the council. It can change our decision.'),
      t('It costs nothing to appeal.'),
      t('Your appeal must reach the tribunal within 2 months of the date of this letter.'),
      t('If you get a mediation certificate, you have 1 month from its date, if that is later.'),
      t(`For this letter, the last day is ${formatLongDate(appealBy)}.`),
      t('When the last day falls in August or at Christmas, the tribunal gives you a little longer.'),
      t(`You can read how to appeal at ${settings.tribunalUrl}.`),
    ],
  }
}

function appealLater(settings: LetterSettings, right: AppealRight): Section {
  return {
    heading: 'Appealing about the plan',
    paragraphs: [
      t('You cannot appeal against this decision itself.'),
      t('When we send you the final plan, you can appeal about it.'),
      t(`An appeal can be about ${right.about}.`),
      t('The tribunal does not work for the council. It costs nothing to appeal.'),
      t('Your appeal must reach the tribunal within 2 months of the date of the letter with the plan.'),
      t('If you get a mediation certificate, you have 1 month from its date, if that is later.'),
      t(`You can read how to appeal at ${settings.tribunalUrl}.`),
    ],
  }
}

function complaints(settings: LetterSettings, deferred: boolean): Section {
  return {
    heading: deferred ? 'Before we decide' : 'Why you cannot appeal, and what you can do',
    paragraphs: [
      deferred
        ? t('We have not decided yet. The letter about our decision will say what you can do.')
        : t('The tribunal only hears appeals about the decisions the law lists. This is not one of them.'),
      t(`You can complain to the council about how we dealt with your request: ${settings.complaintsUrl}.`),
      t(`If you are still unhappy, you can then go to the ${OMBUDSMAN}.`),
      t(`It is free and does not take sides. Website: ${OMBUDSMAN_WEBSITE}.`),
    ],
  }
}

/**
 * The page after the letter that explains the legal detail, so that the letter itself stays short
 * (docs/design.md, "The letter"). It explains only the rights the letter gives: an appeal from this letter
 * (Children and Families Act 2014 s.51, mediation s.55), an appeal later from the plan, or none; and
 * where to read how we use the family's information (the privacy notice).
 */
export function factSheet(
  settings: LetterSettings,
  right: AppealRight,
  appealBy: IsoDate | null,
  deferred: boolean,
  privacyUrl: string,
): FactSheet {
  const sections: Section[] =
    right.timing === 'now' && appealBy
      ? [lawWeFollow, appealNow(settings, appealBy), mediationCertificates, disagreementResolution]
      : right.timing === 'later'
        ? [lawWeFollow, appealLater(settings, right), mediationCertificates, disagreementResolution]
        : [lawWeFollow, complaints(settings, deferred)]
  // The letter itself is kept to its page limit; the privacy notice's address ends the fact sheet.
  const information: Section = { heading: 'Your information', paragraphs: [t(privacySentence(privacyUrl))] }
  return {
    heading: 'Your rights: the legal detail',
    sections: [...sections, freeAdvice(settings), information],
  }
}
