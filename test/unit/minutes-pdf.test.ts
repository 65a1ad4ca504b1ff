import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DISAGREEMENT_GROUND_LABELS } from '../../src/domain/decisionRules'
import { childExtract, redactNames, type MinutesContent, type MinutesVersion } from '../../src/domain/minutes'
import { renderMinutesPdf } from '../../src/letters/minutesPdf'

// Checked with poppler's own tools, as a reader's software would see the file. If they are missing
// these tests fail rather than skip: apt-get install poppler-utils.

const GROUND = DISAGREEMENT_GROUND_LABELS.incompatible_with_use_of_resources
const EXPLANATION =
  'Oakfield Primary cannot meet her needs without a second teaching assistant, while Brook Lane can from January.'

const content: MinutesContent = {
  panelName: 'SEND decision-making panel',
  sittingOn: '2026-11-17',
  startsAt: '10:00',
  venue: 'Room 2, County Hall',
  members: [
    { name: 'Helen Carter', agency: 'education', isChair: true, attendance: 'present' },
    { name: 'Dr Priya Shah', agency: 'health', isChair: false, attendance: 'present' },
    { name: 'Tom Reed', agency: 'social_care', isChair: false, attendance: 'present' },
    { name: 'Jo Bell', agency: 'parent_carer_forum', isChair: false, attendance: 'apologies' },
    { name: 'Mark Hughes', agency: 'other', isChair: false, attendance: 'absent' },
  ],
  guests: [{ name: 'Sam Patel', role: 'Caseworker' }],
  quorum: { rule: 'At least 1 member from education and 1 from health', quorate: true, shortfall: null },
  items: [
    {
      position: 1,
      caseId: 'case-freya',
      reference: 'SEND-2026-0142',
      childName: 'Freya Smith',
      kind: 'placement',
      preference: 'Oakfield Primary School',
      familyAttended: true,
      familyAttendees: 'Mrs Smith (mother)',
      interpreter: 'not_needed',
      withoutFamilyReason: null,
      declarations: [],
      decision: {
        outcome: 'name_different_setting',
        reasons: ['Brook Lane has a resourced provision for autism', 'The journey is 15 minutes shorter'],
        matchesPreference: false,
        disagreementGround: GROUND,
        disagreementExplanation: EXPLANATION,
        conditions: 'Home to school transport from January',
        dissents: [],
        deferral: null,
        inquorateReason: null,
      },
      notes: "Freya's cousin Ava Jones is also on today's agenda; Leo was not discussed here.",
    },
    {
      position: 2,
      caseId: 'case-leo',
      reference: 'SEND-2026-0150',
      childName: 'Leo Okafor',
      kind: 'assessment_request',
      preference: 'An EHC needs assessment',
      familyAttended: false,
      familyAttendees: null,
      interpreter: null,
      withoutFamilyReason: 'The family asked for the panel to go ahead without them',
      declarations: [],
      decision: {
        outcome: 'defer',
        reasons: ['The educational psychologist report is not yet available'],
        matchesPreference: true,
        disagreementGround: null,
        disagreementExplanation: null,
        conditions: null,
        dissents: [],
        deferral: { action: 'Educational psychologist report', owner: 'Sam Patel', dueOn: '2026-12-01' },
        inquorateReason: null,
      },
      notes: null,
    },
    {
      position: 3,
      caseId: 'case-ava',
      reference: 'SEND-2026-0157',
      childName: 'Ava Jones',
      kind: 'issue_plan',
      preference: 'An EHC plan',
      familyAttended: true,
      familyAttendees: 'Mr and Mrs Jones',
      interpreter: 'independent',
      withoutFamilyReason: null,
      declarations: [
        { memberName: 'Dr Priya Shah', nature: 'Treats Ava at her clinic', leftDiscussion: true },
      ],
      decision: {
        outcome: 'issue_plan',
        reasons: ['Her needs cannot be met from the school’s own resources'],
        matchesPreference: true,
        disagreementGround: null,
        disagreementExplanation: null,
        conditions: null,
        dissents: [{ memberName: 'Tom Reed', view: 'Would have waited for the social care assessment' }],
        deferral: null,
        inquorateReason: null,
      },
      notes: null,
    },
  ],
}

const minutes: MinutesVersion = {
  version: 2,
  status: 'approved',
  approvedByName: 'Helen Carter',
  approvedAt: '2026-11-24T15:30:00.000Z',
  correctionReason: "The date for Leo's psychologist report was wrong.",
  content,
}

const TITLE = 'Minutes: SEND decision-making panel, Tuesday 17 November 2026'

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'minutes-pdf-'))
})
afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

async function render(version: MinutesVersion, options: { title: string; extractFor?: string }) {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.pdf`)
  writeFileSync(file, await renderMinutesPdf(version, options))
  const run = (tool: string, ...args: string[]) => execFileSync(tool, args, { encoding: 'utf8' })
  return {
    text: run('pdftotext', '-layout', file, '-'),
    info: run('pdfinfo', file),
    struct: run('pdfinfo', '-struct', file),
    fonts: run('pdffonts', file),
  }
}

// Lines wrap wherever the page width puts them; the words are what matter.
function words(text: string): string {
  return text.replace(/\s+/g, ' ')
}

describe('renderMinutesPdf', () => {
  let pdf: Awaited<ReturnType<typeof render>>
  beforeAll(async () => {
    pdf = await render(minutes, { title: TITLE })
  })

  it('reads in order: title, version, attendance, then each item', () => {
    const text = words(pdf.text)
    const order = [
      TITLE,
      'Version 2, approved on Tuesday 24 November 2026 by Helen Carter.',
      "Why this version was corrected: The date for Leo's psychologist report was wrong.",
      'When: Tuesday 17 November 2026 at 10am',
      'Where: Room 2, County Hall',
      'Attendance',
      'Helen Carter, Education (chair)',
      'Apologies',
      'Jo Bell, Parent carer forum',
      'Sam Patel, Caseworker',
      'The panel was quorate.',
      'Item 1: Freya Smith (SEND-2026-0142) – Placement: naming a school or setting',
      'Item 2: Leo Okafor (SEND-2026-0150) – Request for an EHC needs assessment',
      'Item 3: Ava Jones (SEND-2026-0157) – Whether to issue an EHC plan',
    ]
    const positions = order.map((s) => text.indexOf(s))
    expect(order.filter((_, i) => positions[i]! < 0)).toEqual([])
    expect([...positions].sort((a, b) => a - b)).toEqual(positions)
  })

  it('gives each decision with its reasons, ground, deferral, declaration and dissent', () => {
    const text = words(pdf.text)
    for (const expected of [
      'What the family asked for: Oakfield Primary School',
      'Name a different school',
      'Brook Lane has a resourced provision for autism',
      'The journey is 15 minutes shorter',
      'This decision differs from what the family asked for.',
      GROUND,
      EXPLANATION,
      'Conditions or provision agreed: Home to school transport from January',
      'The family did not attend.',
      'Why the item was discussed without the family: The family asked for the panel to go ahead without them',
      'What is needed: Educational psychologist report',
      'Who will do it: Sam Patel',
      'By when: Tuesday 1 December 2026',
      'An independent interpreter was present.',
      'Dr Priya Shah: Treats Ava at her clinic. They left the discussion.',
      'Tom Reed: Would have waited for the social care assessment',
      'Her needs cannot be met from the school’s own resources',
      'This decision matches what the family asked for.',
    ]) {
      expect(text).toContain(expected)
    }
  })

  it('is tagged, titled, and numbers its pages', () => {
    expect(pdf.info).toMatch(/^Tagged:\s+yes$/m)
    expect(pdf.info).toMatch(new RegExp(`^Title:\\s+${TITLE}$`, 'm'))
    expect(pdf.struct).toMatch(/^Document\b/m)
    for (const tag of ['H1', 'H2', 'H3', 'P', 'L', 'LI', 'LBody'])
      expect(pdf.struct).toMatch(new RegExp(`^\\s+${tag}\\b`, 'm'))
    const pages = Number(/^Pages:\s+(\d+)$/m.exec(pdf.info)?.[1])
    expect(pages).toBeGreaterThan(1)
    expect(words(pdf.text)).toContain(`Page ${pages} of ${pages}`)
  })

  it('embeds every font it uses', () => {
    // name, type (may be two words), encoding, emb, sub, uni, object, generation
    const rows = pdf.fonts.trim().split('\n').slice(2)
    expect(rows.length).toBeGreaterThan(0)
    for (const row of rows) expect(row.trim().split(/\s+/).at(-5)).toBe('yes')
    expect(pdf.fonts).toContain('DejaVuSans-Bold')
  })

  it('says when an item has no decision and when minutes are only a draft', async () => {
    const draft: MinutesVersion = {
      ...minutes,
      version: 3,
      status: 'draft',
      approvedAt: null,
      approvedByName: null,
      content: { ...content, items: [{ ...content.items[1]!, decision: null }] },
    }
    const text = words((await render(draft, { title: TITLE })).text)
    expect(text).toContain('Version 3. Draft – not yet approved.')
    expect(text).toContain('No decision recorded.')
  })

  it("renders a family's extract with only their child named", async () => {
    const extract = childExtract(content, 'case-freya')!
    const title = 'Minutes extract for Freya Smith'
    const text = words(
      (await render({ ...minutes, content: extract }, { title, extractFor: 'Freya Smith' })).text,
    )
    expect(text).toContain(title)
    expect(text).toContain('Item 1: Freya Smith')
    expect(text).toContain(EXPLANATION)
    expect(text).toContain("Freya's cousin another child is also on today's agenda")
    // The correction reason names Leo: it belongs to the whole sitting, so an extract does not quote it.
    expect(text).toContain('This version corrects an earlier version of the minutes.')
    for (const name of ['Leo', 'Okafor', 'Ava', 'Jones'])
      expect(text).not.toMatch(new RegExp(`\\b${name}\\b`))
  })
})

describe('redactNames', () => {
  it('replaces whole names before their parts, in any case, and only whole words', () => {
    expect(redactNames('Ava Jones and ava; Avalon stays', ['Ava Jones', 'Ava', 'Jones'])).toBe(
      'another child and another child; Avalon stays',
    )
  })

  it('leaves the text alone when there is nothing to redact', () => {
    expect(redactNames('Freya attended', [])).toBe('Freya attended')
    expect(redactNames('A note', ['A', ' '])).toBe('A note')
  })
})

describe('childExtract', () => {
  it('keeps one child’s item and redacts other children throughout it', () => {
    const extract = childExtract(content, 'case-ava')!
    expect(extract.items.map((i) => i.childName)).toEqual(['Ava Jones'])
    expect(extract.members).toEqual(content.members)
    const withOthers = childExtract(
      {
        ...content,
        items: [
          {
            ...content.items[0]!,
            decision: {
              ...content.items[0]!.decision!,
              reasons: ['Leo Okafor has the last place'],
              dissents: [{ memberName: 'Tom Reed', view: 'Ava needs it more' }],
            },
          },
          ...content.items.slice(1),
        ],
      },
      'case-freya',
    )!
    expect(withOthers.items[0]!.decision!.reasons).toEqual(['another child has the last place'])
    expect(withOthers.items[0]!.decision!.dissents[0]!.view).toBe('another child needs it more')
  })

  it('keeps a surname the child shares with another on the agenda', () => {
    const siblings: MinutesContent = {
      ...content,
      items: [
        { ...content.items[2]!, notes: 'Ben Jones, her brother, is item 4; Ava and Ben share a taxi.' },
        { ...content.items[1]!, caseId: 'case-ben', childName: 'Ben Jones' },
      ],
    }
    expect(childExtract(siblings, 'case-ava')!.items[0]!.notes).toBe(
      'another child, her brother, is item 4; Ava and another child share a taxi.',
    )
  })

  it('is undefined for a child with no item', () => {
    expect(childExtract(content, 'case-nobody')).toBeUndefined()
  })
})
