import { formatLongDate, type IsoDate } from '../dates'
import { t } from './commonSections'
import type { FactSheet, LetterSettings } from './types'

/**
 * The page after the letter that explains the legal detail, so that the letter itself stays short
 * (DESIGN.md "The letter"). Children and Families Act 2014 ss.51–57; SEND Regulations 2014, part 6.
 */
export function factSheet(settings: LetterSettings, appealBy: IsoDate): FactSheet {
  return {
    heading: 'Your rights: the legal detail',
    sections: [
      {
        heading: 'The law we follow',
        paragraphs: [
          t('We made this decision under the Children and Families Act 2014.'),
          t('The detailed rules are in the Special Educational Needs and Disability Regulations 2014.'),
          t('There is also a guide to the law, called the SEND Code of Practice.'),
        ],
      },
      {
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
      },
      {
        heading: 'Mediation certificates',
        paragraphs: [
          t('Before you appeal, the law says you must contact a mediation adviser.'),
          t('You do not have to take part in mediation if you do not want to.'),
          t('The adviser will give you a certificate within 3 working days of your call.'),
          t('You need the certificate to appeal.'),
          t('You do not need one if your appeal is only about the school named in the plan.'),
        ],
      },
      {
        heading: 'Disagreement resolution',
        paragraphs: [
          t(
            'This is a meeting with someone who does not take sides. It can help with any disagreement about support.',
          ),
          t('It is free. It does not stop you from appealing, and it does not change your last day.'),
        ],
      },
      {
        heading: 'Free advice',
        paragraphs: [
          t(`${settings.informationAdvice.name} gives free advice that does not take sides.`),
          t('They can help you understand the decision and what you can do next.'),
        ],
      },
    ],
  }
}
