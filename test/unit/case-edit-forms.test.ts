import { parseContactsForm } from '../../src/web/cases/contactsForm'
import { parsePreferenceForm } from '../../src/web/cases/preferenceForm'
import { presentTimeline } from '../../src/services/caseTimeline'

describe('the family’s preference', () => {
  test.each([
    ['placement', { preferredSetting: 'Ashcombe Academy', preferredSettingIsMainstream: 'yes' }, true],
    ['placement', { preferredSettingIsMainstream: 'yes' }, 'preferredSetting'],
    ['placement', { preferredSetting: 'Ashcombe Academy' }, 'preferredSettingIsMainstream'],
    ['phase_transfer', {}, true],
    ['phase_transfer', { preferredSetting: 'Northshire College' }, 'preferredSettingIsMainstream'],
    ['annual_review', { preferredSetting: 'Anywhere' }, true],
  ] as const)('%s %j → %s', (kind, body, expected) => {
    const result = parsePreferenceForm({ preference: 'In their words', ...body }, kind)
    if (expected === true) expect(result.ok).toBe(true)
    else expect(result.ok ? [] : Object.keys(result.errors.byField)).toEqual([expected])
  })

  test('a school or setting is kept only where the kind of case names one, and mainstream only with a setting', () => {
    expect(
      parsePreferenceForm(
        { preferredSetting: 'Anywhere', preferredSettingIsMainstream: 'no' },
        'annual_review',
      ),
    ).toEqual({
      ok: true,
      value: { preference: null, preferredSetting: null, preferredSettingIsMainstream: null },
    })
    expect(parsePreferenceForm({ preferredSettingIsMainstream: 'no' }, 'phase_transfer')).toEqual({
      ok: true,
      value: { preference: null, preferredSetting: null, preferredSettingIsMainstream: null },
    })
  })
})

const fields = (n: number, id: string) => ({
  [`contact${n}Id`]: id,
  [`contact${n}Name`]: `Person ${id}`,
  [`contact${n}Relationship`]: 'parent',
  [`contact${n}Address`]: '1 High Street',
  [`contact${n}Language`]: 'English',
  [`contact${n}Interpreter`]: 'no',
  [`contact${n}LetterFormat`]: 'standard',
})

describe('the family contacts form', () => {
  const shown = { ...fields(1, 'a'), ...fields(2, 'b'), mainContact: 'a' }

  test('contacts are kept or removed, one added, and the main contact named', () => {
    const result = parseContactsForm({
      ...shown,
      contact1Remove: 'yes',
      newContactName: 'New Person',
      newContactRelationship: 'carer',
      newContactEmail: 'new@example.org',
      newContactLanguage: 'Polish',
      newContactInterpreter: 'yes',
      newContactLetterFormat: 'large_print',
      mainContact: 'new',
    })
    expect(result).toEqual({
      ok: true,
      value: {
        kept: [expect.objectContaining({ id: 'b', fullName: 'Person b' })],
        removedIds: ['a'],
        added: expect.objectContaining({ fullName: 'New Person', needsInterpreter: true }),
        mainContact: 'new',
      },
    })
  })

  test.each([
    [{ contact1Remove: 'yes' }, 'mainContact', 'not being removed'],
    [{ mainContact: 'new' }, 'mainContact', 'Enter the new family contact’s details'],
    [{ mainContact: 'someone-else' }, 'mainContact', 'Select the main contact'],
    [{ contact2Name: '' }, 'contact2Name', 'Enter the name of family contact 2'],
  ])('%j is refused on %s', (change, field, message) => {
    const result = parseContactsForm({ ...shown, ...change })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.errors.byField[field]).toContain(message)
  })

  test('a contact with a family portal account may be removed: the service ends its access', () => {
    const result = parseContactsForm({ ...shown, contact2Remove: 'yes', mainContact: 'a' })
    expect(result.ok && result.value.removedIds).toEqual(['b'])
  })

  test('removing every contact, with none added, is refused', () => {
    const result = parseContactsForm({ ...fields(1, 'a'), contact1Remove: 'yes', mainContact: 'a' })
    expect(result.ok ? undefined : result.errors.byField.contact1Remove).toBe(
      'A child must have at least one family contact: keep one, or add a new one',
    )
  })
})

describe('the timeline', () => {
  test.each([
    ['preference_changed', {}, 'Family’s preference changed'],
    ['case_submitted', {}, 'Submitted to panel'],
    [
      'contacts_changed',
      { changed: 2, added: 1, removed: 0, mainContactChanged: false },
      'Family contacts changed: 2 contacts’ details changed, 1 added',
    ],
    [
      'contacts_changed',
      { changed: 0, added: 0, removed: 1, mainContactChanged: true },
      'Family contacts changed: 1 removed, main contact changed',
    ],
  ])('%s %j reads “%s”', (action, details, what) => {
    const entry = { occurredAt: new Date('2026-11-23T10:00:00Z'), action, actorName: 'Sam', details }
    expect(presentTimeline([entry], [])[0]!.what).toBe(what)
  })
})
