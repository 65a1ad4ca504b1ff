import type { SchoolTerm } from './dates'

/**
 * Term dates for an imagined English county, academic years 2024/25 to 2028/29, so that every
 * calendar year from 2025 to 2028 is covered. The spring term ends around Easter; each summer
 * holiday runs about six weeks, from late July to the first days of September.
 */
export const SCHOOL_TERMS: readonly SchoolTerm[] = [
  { academicYear: '2024/25', term: 'autumn', startsOn: '2024-09-04', endsOn: '2024-12-20' },
  { academicYear: '2024/25', term: 'spring', startsOn: '2025-01-06', endsOn: '2025-04-04' },
  { academicYear: '2024/25', term: 'summer', startsOn: '2025-04-22', endsOn: '2025-07-22' },
  { academicYear: '2025/26', term: 'autumn', startsOn: '2025-09-03', endsOn: '2025-12-19' },
  { academicYear: '2025/26', term: 'spring', startsOn: '2026-01-05', endsOn: '2026-03-27' },
  { academicYear: '2025/26', term: 'summer', startsOn: '2026-04-13', endsOn: '2026-07-22' },
  { academicYear: '2026/27', term: 'autumn', startsOn: '2026-09-03', endsOn: '2026-12-18' },
  { academicYear: '2026/27', term: 'spring', startsOn: '2027-01-04', endsOn: '2027-03-25' },
  { academicYear: '2026/27', term: 'summer', startsOn: '2027-04-12', endsOn: '2027-07-21' },
  { academicYear: '2027/28', term: 'autumn', startsOn: '2027-09-02', endsOn: '2027-12-17' },
  { academicYear: '2027/28', term: 'spring', startsOn: '2028-01-04', endsOn: '2028-03-31' },
  { academicYear: '2027/28', term: 'summer', startsOn: '2028-04-18', endsOn: '2028-07-21' },
  { academicYear: '2028/29', term: 'autumn', startsOn: '2028-09-04', endsOn: '2028-12-20' },
  { academicYear: '2028/29', term: 'spring', startsOn: '2029-01-03', endsOn: '2029-03-29' },
  { academicYear: '2028/29', term: 'summer', startsOn: '2029-04-16', endsOn: '2029-07-20' },
]
