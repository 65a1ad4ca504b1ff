import { parseSen2Form, sen2FormValues } from '../../src/web/cases/sen2Form'

const TODAY = '2026-11-23'
const BASE = { sex: 'F', ethnicity: 'WBRI', upn: 'A12345678901B' }

describe('the SEN2 details form', () => {
  test('keeps codes from the lists and tidies identifiers', () => {
    const r = parseSen2Form(
      {
        ...BASE,
        postcode: ' ns1  2ab ',
        uln: '',
        senType1: 'ASD',
        attendingUrn: '123456',
        attendingSetting: 'EHE',
      },
      TODAY,
    )
    expect(r.ok && r.value).toMatchObject({
      postcode: 'NS1 2AB',
      senTypes: ['ASD'],
      attendingUrn: '123456',
      attendingSetting: null,
    })
  })

  test('refuses a code outside its list, a secondary need without a main one, and a ceased plan with no reason', () => {
    const r = parseSen2Form(
      {
        ...BASE,
        ethnicity: 'XXXX',
        senType2: 'MLD',
        'planCeasedOn-day': '1',
        'planCeasedOn-month': '3',
        'planCeasedOn-year': '2026',
      },
      TODAY,
    )
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.errors.byField.ethnicity).toBe('Select the child’s ethnicity from the list')
  })

  test('cross-field rules once every field is well formed', () => {
    const r = parseSen2Form(
      {
        ...BASE,
        senType2: 'MLD',
        'planCeasedOn-day': '1',
        'planCeasedOn-month': '3',
        'planCeasedOn-year': '2026',
      },
      TODAY,
    )
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.errors.byField).toMatchObject({
      senType1: 'Select the main need before the secondary need',
      planCeaseReason: 'Select the reason the plan ceased',
    })
    expect(r.errors.summary.map((s) => s.href)).toEqual(['#senType1', '#planCeaseReason'])
  })

  test('a date in the future is refused', () => {
    const r = parseSen2Form(
      { ...BASE, 'planStartOn-day': '1', 'planStartOn-month': '1', 'planStartOn-year': '2030' },
      TODAY,
    )
    expect(r.ok).toBe(false)
  })

  test('values saved come back into the form as they were', () => {
    const r = parseSen2Form(
      {
        ...BASE,
        requestFlags: ['mediation', 'tribunal'],
        'planStartOn-day': '4',
        'planStartOn-month': '9',
        'planStartOn-year': '2025',
      },
      TODAY,
    )
    if (!r.ok) throw new Error('expected a valid form')
    const values = sen2FormValues(r.value)
    expect(values).toMatchObject({
      upn: 'A12345678901B',
      requestFlags: ['mediation', 'tribunal'],
      'planStartOn-day': '4',
      'planStartOn-year': '2025',
    })
    const again = parseSen2Form(values as Record<string, unknown>, TODAY)
    expect(again.ok && again.value).toEqual(r.value)
  })
})
