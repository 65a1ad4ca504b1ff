import { OMBUDSMAN } from '../letters/commonSections'
import { PRIVACY_SECTION_IDS, type PrivacySectionId, type PublicPageSettings } from './settings'

/** A paragraph, or a bulleted list (lines starting "- " in the council's wording). */
export type Block = { kind: 'paragraph'; text: string } | { kind: 'list'; items: string[] }

export interface NoticeSection {
  id: string
  heading: string
  blocks: Block[]
}

export const PRIVACY_HEADINGS: Record<PrivacySectionId, string> = {
  held: 'What we hold about your child and your family',
  why: 'Why we hold it, and the law that lets us',
  shared: 'Who we share it with',
  rights: 'Your rights, and how to use them',
}

/**
 * The words a new council starts with, in plain English. The lawful bases: UK GDPR Article 6(1)(e)
 * (a task in the public interest, here the council's duties under the Children and Families Act 2014
 * Part 3), and for health and SEN information, which is special category data, Article 9(2)(g) with the
 * Data Protection Act 2018 s.10(3) and Schedule 1 Part 2 paragraph 6 ("statutory etc and government
 * purposes": a function conferred by an enactment, for reasons of substantial public interest;
 * https://www.legislation.gov.uk/ukpga/2018/12/schedule/1/paragraph/6).
 */
export const DEFAULT_PRIVACY_WORDING: Record<PrivacySectionId, string> = {
  held: [
    'When someone asks us for help with special educational needs, we keep a record of the case here. It holds:',
    [
      '- your child’s name, date of birth and school or setting',
      '- the names, addresses, email addresses and phone numbers of the family’s contacts',
      '- what you asked us for, and the school you would like',
      '- reports and advice about your child’s needs from education, health and social care',
      '- the views you and your child send to the panel',
      '- what the panel decided and why, the minutes about your child, and the letters we sent',
      '- the emails the service sent you, and a record of who changed the case and when',
    ].join('\n'),
    'Some of this is about your child’s health and special educational needs. The law calls this special category data. We must take extra care with it.',
  ].join('\n\n'),
  why: [
    'We use this information to decide what support your child needs. We also use it to do what the law asks of us. The law is Part 3 of the Children and Families Act 2014 and the Special Educational Needs and Disability Regulations 2014.',
    'Our lawful basis is public task. This means we need the information to do a job the law gives us (UK GDPR Article 6(1)(e)).',
    'Information about your child’s health and needs also needs a reason of substantial public interest (UK GDPR Article 9(2)(g)). The condition we use is called statutory and government purposes. It is in the Data Protection Act 2018, Schedule 1, Part 2, paragraph 6.',
    'We do not need your consent to use the information for this. A computer never makes a decision on its own: people on the panel make every decision.',
  ].join('\n\n'),
  shared: [
    'We only share what each person needs to know:',
    [
      '- the panel members, who come from education, health and social care and read the papers before the meeting',
      '- the school or setting named in your child’s plan',
      '- schools we ask whether they can meet your child’s needs',
      '- the people who give advice for an assessment, such as educational psychologists, health services and social care',
      '- the First-tier Tribunal (Special Educational Needs and Disability), if you appeal',
      `- the ${OMBUDSMAN}, if you complain to them`,
    ].join('\n'),
    'We do not sell your information, and we do not use it for marketing.',
  ].join('\n\n'),
  rights: [
    'You have the right to:',
    [
      '- ask for a copy of the information we hold about you or your child (a subject access request)',
      '- ask us to correct information that is wrong or not complete',
      '- object to how we use your information',
      '- ask us to use your information less while we look at a concern you raised',
      '- ask us to delete information, where the law allows it',
    ].join('\n'),
    'To use any of these rights, contact our data protection officer. You do not need to use a form. We will reply within one month.',
  ].join('\n\n'),
}

/** The council's wording turned into blocks: blank lines part paragraphs, "- " starts a list item. */
export function wordingBlocks(text: string): Block[] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((chunk) =>
      chunk
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== ''),
    )
    .filter((lines) => lines.length > 0)
    .flatMap((lines): Block[] => {
      const blocks: Block[] = []
      for (const line of lines) {
        const item = /^[-*•]\s+(.*)$/.exec(line)
        const last = blocks[blocks.length - 1]
        if (item) {
          if (last?.kind === 'list') last.items.push(item[1]!)
          else blocks.push({ kind: 'list', items: [item[1]!] })
        } else if (last?.kind === 'paragraph') {
          last.text += ` ${line}`
        } else {
          blocks.push({ kind: 'paragraph', text: line })
        }
      }
      return blocks
    })
}

export function privacyWordingFor(settings: PublicPageSettings, id: PrivacySectionId): string {
  const own = settings.privacyWording[id]?.trim()
  return own ? own : DEFAULT_PRIVACY_WORDING[id]
}

const ICO_COMPLAINTS = 'https://ico.org.uk/make-a-complaint/'
const ICO_HELPLINE = '0303 123 1113'

/** The whole notice: the council's sections between the ones built from its settings. */
export function privacyNotice(
  councilName: string,
  settings: PublicPageSettings,
  fallbackContact: { email: string; phone: string },
): NoticeSection[] {
  const section = (id: PrivacySectionId): NoticeSection => ({
    id,
    heading: PRIVACY_HEADINGS[id],
    blocks: wordingBlocks(privacyWordingFor(settings, id)),
  })
  const dpo = settings.dpo
  const dpoBlocks: Block[] =
    dpo.email.trim() !== ''
      ? [
          {
            kind: 'paragraph',
            text: dpo.name
              ? `Our data protection officer is ${dpo.name}. They make sure we follow the law on data protection.`
              : 'Our data protection officer makes sure we follow the law on data protection.',
          },
          {
            kind: 'list',
            items: [
              `Email: ${dpo.email}`,
              ...(dpo.phone ? [`Phone: ${dpo.phone}`] : []),
              ...(dpo.address.length ? [`Write to: ${dpo.address.join(', ')}`] : []),
            ],
          },
        ]
      : [
          {
            kind: 'paragraph',
            text: `To contact our data protection officer, ask the SEND team: email ${fallbackContact.email}${fallbackContact.phone ? ` or phone ${fallbackContact.phone}` : ''}.`,
          },
        ]
  const years = settings.retentionYearsAfter25
  // The apply-retention job (services/retention.ts) deletes each closed case the night after this period ends,
  // by the rule in domain/retention.ts, so the notice says what happens, not only the policy.
  const later =
    years === 0
      ? 'or until it closes if that is later'
      : `or for ${years} year${years === 1 ? '' : 's'} after it closes if that is later`
  const kept =
    years === 0
      ? `We keep your child’s case until their 25th birthday, ${later}. After that we delete it.`
      : `We keep your child’s case until their 25th birthday, and then for ${years} more year${years === 1 ? '' : 's'} (${later}). After that we delete it.`
  const ordered = PRIVACY_SECTION_IDS.map(section)
  return [
    {
      id: 'who',
      heading: 'Who is responsible for your information',
      blocks: [
        {
          kind: 'paragraph',
          text: `${councilName} is the data controller for the information in this service. This means we decide how it is used, and we must keep it safe.`,
        },
        ...dpoBlocks,
      ],
    },
    ordered[0]!,
    ordered[1]!,
    ordered[2]!,
    {
      id: 'kept',
      heading: 'How long we keep it',
      blocks: [
        { kind: 'paragraph', text: kept },
        {
          kind: 'paragraph',
          text: 'This is because a plan can last until a young person is 25, and questions about it can come up after it ends.',
        },
      ],
    },
    ordered[3]!,
    {
      id: 'complain',
      heading: 'If you are unhappy with how we use your information',
      blocks: [
        {
          kind: 'paragraph',
          text: 'Please tell our data protection officer first. They will try to put it right.',
        },
        {
          kind: 'paragraph',
          text: `You can also complain to the Information Commissioner’s Office (ICO). It makes sure organisations follow the law on data protection. Go to ${ICO_COMPLAINTS} or phone ${ICO_HELPLINE}.`,
        },
      ],
    },
  ]
}
