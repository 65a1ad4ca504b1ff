import { AREAS, canUse, permissionsFor, type Area } from '../../src/domain/permissions'
import { ROLES } from '../../src/domain/vocabulary'

describe('what each role may use, as the pages ask it', () => {
  test('permissionsFor answers every area as canUse does', () => {
    for (const role of ROLES) {
      const may = permissionsFor(role)
      expect(Object.keys(may).sort()).toEqual(Object.keys(AREAS).sort())
      for (const area of Object.keys(AREAS) as Area[]) expect(may[area]).toBe(canUse(role, area))
    }
  })

  test('only a chair chairs; chairs and members sit; only caseworkers change cases', () => {
    expect(ROLES.filter((r) => canUse(r, 'chairing'))).toEqual(['chair'])
    expect(ROLES.filter((r) => canUse(r, 'sittings')).sort()).toEqual(['chair', 'member'])
    expect(ROLES.filter((r) => canUse(r, 'caseWork'))).toEqual(['caseworker'])
  })
})
