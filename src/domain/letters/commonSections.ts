import type { LetterSection, LetterSettings, LetterText } from './types'

export const t = (text: string): LetterText => ({ text, from: 'template' })
export const p = (text: string): LetterText => ({ text, from: 'panel' })

/** The step after a council's own complaints process (Local Government Act 1974 Part 3). */
export const OMBUDSMAN = 'Local Government and Social Care Ombudsman'
export const OMBUDSMAN_WEBSITE = 'https://www.lgo.org.uk'

/** Where every letter sends the family to read how we use their information (the privacy notice). */
export function privacySentence(privacyUrl: string): string {
  return `Read how we use your information, and your rights, at ${privacyUrl}.`
}

/** The same two sections end every letter: how to get it in another format, and who the caseworker is. */
export function closingSections(
  s: LetterSettings,
  caseworker: { name: string; phone: string | null; email: string },
  options: { compact?: boolean } = {},
): LetterSection[] {
  const sections: LetterSection[] = [
    {
      id: 'formats',
      heading: 'If you need this letter in another way',
      paragraphs: [
        t('We can send this letter in large print, in another language or in Easy Read.'),
        t(`Phone ${s.sendTeam.phone} or email ${s.sendTeam.email}.`),
      ],
    },
    {
      id: 'caseworker',
      heading: 'Your caseworker',
      paragraphs: [
        t(`Your caseworker is ${caseworker.name}.`),
        t(
          caseworker.phone
            ? `Phone ${caseworker.phone} or email ${caseworker.email}.`
            : `Email ${caseworker.email}.`,
        ),
        ...(s.localOfferWords.trim() ? [t(s.localOfferWords.trim())] : []),
      ],
    },
  ]
  // One paragraph a section, for a letter that must fit on one page (an apology).
  return options.compact
    ? sections.map((section) => ({
        ...section,
        paragraphs: [t(section.paragraphs.map((x) => x.text).join(' '))],
      }))
    : sections
}
