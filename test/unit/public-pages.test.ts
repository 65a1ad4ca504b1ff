import fc from 'fast-check'
import {
  cookieRegistry,
  CSRF_COOKIE,
  DEVICE_COOKIE,
  OIDC_PENDING_COOKIE,
  RETURN_TO_COOKIE,
  SESSION_COOKIE,
} from '../../src/domain/cookies'
import {
  DEFAULT_PRIVACY_WORDING,
  privacyNotice,
  wordingBlocks,
  type Block,
} from '../../src/domain/publicPages/privacyNotice'
import {
  DEFAULT_RETENTION_YEARS_AFTER_25,
  PRIVACY_SECTION_IDS,
  type PublicPageSettings,
} from '../../src/domain/publicPages/settings'
import { readability } from '../../src/domain/readability'

const SETTINGS: PublicPageSettings = {
  accessibilityEmail: 'access@example.org',
  accessibilityPhone: '',
  formatResponseWorkingDays: 10,
  statementPreparedOn: '2026-11-23',
  statementReviewedOn: '2026-11-23',
  dpo: { name: 'Sam Okafor', email: 'dpo@example.org', phone: '', address: ['County Hall', 'Ashcombe'] },
  retentionYearsAfter25: DEFAULT_RETENTION_YEARS_AFTER_25,
  privacyWording: {},
}
const SEND_TEAM = { email: 'send@example.org', phone: '01632 960000' }
const blockText = (blocks: Block[]) =>
  blocks.map((b) => (b.kind === 'list' ? b.items.join(' ') : b.text)).join(' ')

describe('the council’s wording, as paragraphs and lists', () => {
  test('blank lines part paragraphs and "- " lines make one list', () => {
    expect(wordingBlocks('One\ntwo.\n\n- a\n- b\nThree.\r\n\r\n\r\n- c')).toEqual([
      { kind: 'paragraph', text: 'One two.' },
      { kind: 'list', items: ['a', 'b'] },
      { kind: 'paragraph', text: 'Three.' },
      { kind: 'list', items: ['c'] },
    ])
  })

  test('loses no word and makes no empty block, whatever is typed', () => {
    const line = fc.oneof(
      fc.stringMatching(/^[A-Za-z ,.]{0,20}$/),
      fc.stringMatching(/^- [A-Za-z]{1,10}$/),
      fc.constant(''),
    )
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
        const text = lines.join('\n')
        const blocks = wordingBlocks(text)
        for (const b of blocks)
          expect(b.kind === 'list' ? b.items.every((i) => i !== '') : b.text !== '').toBe(true)
        const words = (s: string) =>
          s
            .replace(/^\s*-\s/gm, ' ')
            .split(/\s+/)
            .filter(Boolean)
        expect(words(blockText(blocks))).toEqual(words(text))
      }),
    )
  })
})

describe('the privacy notice', () => {
  const notice = privacyNotice('Northshire County Council', SETTINGS, SEND_TEAM)

  test('has the controller first, the council’s sections, retention, rights and the ICO, in that order', () => {
    expect(notice.map((s) => s.id)).toEqual(['who', 'held', 'why', 'shared', 'kept', 'rights', 'complain'])
    expect(blockText(notice[0]!.blocks)).toContain('Northshire County Council is the data controller')
    expect(blockText(notice[0]!.blocks)).toContain('Email: dpo@example.org')
    expect(blockText(notice[6]!.blocks)).toContain('0303 123 1113')
  })

  test.each([
    [0, 'until their 25th birthday, or until it closes if that is later. After that we delete it.'],
    [
      1,
      'until their 25th birthday, and then for 1 more year (or for 1 year after it closes if that is later).',
    ],
    [
      6,
      'until their 25th birthday, and then for 6 more years (or for 6 years after it closes if that is later). After that we delete it.',
    ],
  ])('keeps a case %i years after the 25th birthday', (years, words) => {
    const kept = privacyNotice('C', { ...SETTINGS, retentionYearsAfter25: years }, SEND_TEAM).find(
      (s) => s.id === 'kept',
    )!
    expect(blockText(kept.blocks)).toContain(words)
  })

  test('without a data protection officer’s email, sends families to the SEND team', () => {
    const none = privacyNotice('C', { ...SETTINGS, dpo: { ...SETTINGS.dpo, email: '' } }, SEND_TEAM)
    expect(blockText(none[0]!.blocks)).toContain(
      'ask the SEND team: email send@example.org or phone 01632 960000',
    )
  })

  test('the council’s own words replace a section’s shipped words; the others stay', () => {
    const own = privacyNotice('C', { ...SETTINGS, privacyWording: { shared: 'Only the panel.' } }, SEND_TEAM)
    expect(own.find((s) => s.id === 'shared')!.blocks).toEqual([
      { kind: 'paragraph', text: 'Only the panel.' },
    ])
    expect(blockText(own.find((s) => s.id === 'why')!.blocks)).toContain('Article 9(2)(g)')
  })

  test.each(PRIVACY_SECTION_IDS)(
    'the shipped words for “%s” are plain: no sentence of 20 words or more, as in the letters',
    (id) => {
      const report = readability(DEFAULT_PRIVACY_WORDING[id].replace(/^- /gm, '').replace(/\n+/g, '. '), [])
      expect(report.longSentences.map((s) => s.text)).toEqual([])
    },
  )
})

describe('the cookie registry', () => {
  test('lists each cookie the code sets once, with a purpose and a lifetime from the settings', () => {
    const registry = cookieRegistry({ sessionIdleMinutes: 45, sessionMaxHours: 8 })
    expect(registry.map((c) => c.name)).toEqual([
      SESSION_COOKIE,
      CSRF_COOKIE,
      RETURN_TO_COOKIE,
      DEVICE_COOKIE,
    ])
    expect(registry[0]!.lifetime).toContain('45 minutes')
    expect(registry[0]!.lifetime).toContain('8 hours')
    for (const c of registry) expect(c.purpose.length).toBeGreaterThan(20)
  })

  test('lists the single sign-on cookie only where single sign-on is set up', () => {
    const withOidc = cookieRegistry({ sessionIdleMinutes: 30, sessionMaxHours: 12, oidc: {} })
    expect(withOidc.map((c) => c.name)).toContain(OIDC_PENDING_COOKIE)
    expect(withOidc.find((c) => c.name === OIDC_PENDING_COOKIE)!.lifetime).toContain('10 minutes')
  })
})
