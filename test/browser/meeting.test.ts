import type { Page } from 'playwright-core'
import { accessibilityViolations, signInAs, useBrowserOnTestApp, useSharedPage } from '../support/browser'

/**
 * A chair writes up the SEND panel's sitting of Tuesday 17 November 2026 (the demo's today being
 * Monday 23 November): attendance and a guest, a decision for each of its three items, then the
 * minutes approved. The tests share one app and one page, and run in order, as the meeting does.
 */

const browser = useBrowserOnTestApp()

const SITTING = 'SEND decision-making panel, Tuesday 17 November 2026'
const MEMBERS = [
  'Helen Whitaker (Education, chair)',
  'Joanne Brierley (Education)',
  'Dr Aisha Rahman (Health)',
  'Gareth Lloyd (Social care)',
  'Claire Henderson (Education)',
  'Nadia Kowalski (Parent carer forum)',
]
const HEALTH_MEMBER = 'Dr Aisha Rahman (Health)'
const SOCIAL_CARE_MEMBER = 'Gareth Lloyd (Social care)'

let page: Page
const { shown } = useSharedPage(browser, (p) => (page = p))
/** The sitting's meeting page, where each later test starts, so one failing does not stop the rest. */
let meetingUrl: string

const markAttendance = (member: string, answer: 'Present' | 'Sent apologies' | 'Absent') =>
  page.getByRole('group', { name: member, exact: true }).getByLabel(answer, { exact: true }).check()

async function openMeeting(): Promise<void> {
  await page.goto(meetingUrl)
  await page.getByRole('heading', { level: 1, name: /^Running the meeting/ }).waitFor()
}

async function openDecisionFor(child: string): Promise<void> {
  await openMeeting()
  await page.getByRole('link', { name: `Record the decision for ${child}`, exact: true }).click()
  await page.waitForURL(/\/items\/[0-9a-f-]{36}\/decision$/)
  await page.getByRole('heading', { level: 1, name: child }).waitFor()
}

async function saveDecision(): Promise<void> {
  await page.getByRole('button', { name: 'Save decision' }).click()
  await page.waitForURL(/\/meeting\?saved=decision#items$/)
  await shown('Decision saved.')
}

const itemRow = (child: string) => page.locator('#items ~ table tbody tr', { hasText: child })

test('the chair finds the sitting to write up and records attendance, the quorum updating live', async () => {
  await signInAs(page, browser.baseUrl, 'chair@example.org')
  await page.goto(`${browser.baseUrl}/sittings`)
  await page.getByRole('heading', { name: 'Sittings to write up' }).waitFor()
  await page.getByRole('link', { name: SITTING }).click()
  await page.waitForURL(/\/sittings\/[0-9a-f-]{36}\/meeting$/)
  await page
    .getByRole('heading', { level: 1, name: 'Running the meeting: Tuesday 17 November 2026' })
    .waitFor()
  meetingUrl = page.url()

  await page.getByRole('link', { name: 'Record attendance and guests' }).click()
  await page.waitForURL(/\/attendance$/)
  await page.getByRole('heading', { level: 1, name: 'Attendance' }).waitFor()
  expect(await accessibilityViolations(page)).toEqual([])

  // A full page load would lose this; htmx replacing the quorum box keeps it.
  await page.evaluate('window.panelTestMarker = true')
  const url = page.url()
  for (const member of MEMBERS.filter((m) => m !== HEALTH_MEMBER)) await markAttendance(member, 'Present')
  await markAttendance(HEALTH_MEMBER, 'Absent')
  const quorum = page.locator('#quorum')
  await quorum.getByText('one more member from health').waitFor()
  expect(await quorum.textContent()).toContain('Not quorate')

  await markAttendance(HEALTH_MEMBER, 'Present')
  // The green tag; "Not quorate" (lower case q) no longer shows.
  await quorum.getByText('Quorate', { exact: true }).waitFor()
  expect(await quorum.textContent()).not.toContain('Not quorate')
  expect(await page.evaluate('window.panelTestMarker === true')).toBe(true)
  expect(page.url()).toBe(url)
  expect(await accessibilityViolations(page)).toEqual([])

  await page.getByRole('button', { name: 'Save attendance' }).click()
  await page.waitForURL(/\/meeting\?saved=attendance$/)
  await shown('Attendance saved.')
  expect(await page.locator('#quorum').textContent()).toContain('Quorate')
  expect(await page.locator('#quorum').textContent()).not.toContain('Not quorate')
}, 120_000)

test('on a slow connection the live quorum still follows the last answer given', async () => {
  await openMeeting()
  await page.getByRole('link', { name: 'Record attendance and guests' }).click()
  await page.waitForURL(/\/attendance$/)
  // Each quorum check takes half a second, so the chair's next answers come while one is on its way.
  const QUORUM_CHECK = '**/attendance/quorum'
  await page.route(QUORUM_CHECK, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 500))
    await route.continue()
  })
  try {
    await markAttendance(HEALTH_MEMBER, 'Absent')
    await markAttendance(HEALTH_MEMBER, 'Present')
    await markAttendance(SOCIAL_CARE_MEMBER, 'Absent')
    await page.locator('#quorum').getByText('one more member from social care').waitFor()
    expect(await page.locator('#quorum').textContent()).not.toContain('member from health')
  } finally {
    await page.unroute(QUORUM_CHECK)
  }
  // Left unsaved: the attendance stays as saved, everyone present.
}, 60_000)

test('the chair adds a guest', async () => {
  await openMeeting()
  await page.getByRole('link', { name: 'Record attendance and guests' }).click()
  await page.waitForURL(/\/attendance$/)
  await page.getByLabel('Guest’s name').fill('Sam Ortiz')
  await page.getByLabel('Their role').fill('Caseworker presenting')
  await page.getByRole('button', { name: 'Add guest' }).click()
  await page.waitForLoadState('load')
  await page.locator('.govuk-summary-list__key', { hasText: 'Sam Ortiz' }).waitFor()
  // The attendance saved before is still there.
  for (const member of MEMBERS) {
    expect(
      await page
        .getByRole('group', { name: member, exact: true })
        .getByLabel('Present', { exact: true })
        .isChecked(),
    ).toBe(true)
  }

  await page.getByRole('link', { name: 'Running the meeting' }).click()
  await page.waitForURL(/\/meeting$/)
  await shown('Sam Ortiz (Caseworker presenting)')
}, 60_000)

test('the chair records Freya’s decision, which differs from what her family asked for, after the form says what is missing', async () => {
  await openDecisionFor('Freya Davies')
  await page.getByRole('button', { name: 'Save decision' }).click()
  await page.waitForLoadState('load')
  const summary = page.getByRole('alert')
  await summary.getByText('There is a problem').waitFor()
  const errors = await summary.textContent()
  expect(errors).toContain('Select whether the family attended')
  expect(errors).toContain('Enter at least one reason for the decision, in plain words')
  // Checked at the end, so that the decision is saved for the tests after this one either way.
  const violationsWithErrors = await accessibilityViolations(page)

  const withoutFamily = page.getByLabel('Why the item was discussed without the family')
  expect(await withoutFamily.isVisible()).toBe(false)
  await page
    .getByRole('group', { name: 'Did the family attend for this item?' })
    .getByLabel('No', { exact: true })
    .check()
  await withoutFamily.fill('Her mother sent her views in writing, which the panel read.')
  await page.getByLabel('Do not carry out an assessment', { exact: true }).check()

  // Typed key by key, as the chair would, so htmx checks the words once the typing pauses.
  await page
    .getByLabel('Reasons', { exact: true })
    .pressSequentially(
      'Freya is making good progress with the help her school gives her.\nHer school has not tried the provision the advice suggests.',
    )
  const readability = page.locator('#reasons-readability')
  await readability.getByText(/Reading ease \d+/).waitFor()
  await readability.getByText('try “support”').waitFor()

  await page
    .getByRole('group', { name: 'Does the decision match what the family asked for?' })
    .getByLabel('No', { exact: true })
    .check()
  await page
    .getByLabel('Explain to the family why the decision differs from what they asked for')
    .fill('You asked us to assess Freya. We think her school can meet her needs for now.')
  await page
    .getByLabel('Notes for the minutes (optional)')
    .fill('Her school will review her progress in the spring term.')
  await saveDecision()
  const row = await itemRow('Freya Davies').textContent()
  expect(row).toContain('Do not carry out an assessment')
  expect(row).toContain('Differs from what the family asked for')
  expect(violationsWithErrors).toEqual([])
}, 120_000)

test('the chair defers Mohammed’s decision with an action, who will do it and when', async () => {
  await openDecisionFor('Mohammed Ali')
  await page
    .getByRole('group', { name: 'Did the family attend for this item?' })
    .getByLabel('Yes', { exact: true })
    .check()
  await page.getByLabel('Who came for the family').fill('Mrs Fatima Ali (mother)')
  await page
    .getByRole('group', { name: 'Interpreter' })
    .getByLabel('An independent interpreter was present', { exact: true })
    .check()
  await page.getByLabel('Defer the decision to a later sitting', { exact: true }).check()
  await page
    .getByLabel('What is needed before the panel decides')
    .fill('Up-to-date advice from the speech and language therapist.')
  await page.getByLabel('Who will do it').fill('Speech and language therapy team')
  const due = page.getByRole('group', { name: 'When it is due' })
  await due.getByLabel('Day').fill('10')
  await due.getByLabel('Month').fill('12')
  await due.getByLabel('Year').fill('2026')
  await page
    .getByLabel('Reasons', { exact: true })
    .fill('The panel needs to know how Mohammed’s speech has changed since the summer.')
  await page
    .getByRole('group', { name: 'Does the decision match what the family asked for?' })
    .getByLabel('Yes', { exact: true })
    .check()
  // His deadline is 30 November: the chair is warned, naming it, and confirms before it is saved.
  await page.getByRole('button', { name: 'Save decision' }).click()
  await page.getByText('after its statutory deadline of Monday 30 November 2026').first().waitFor()
  expect(await accessibilityViolations(page)).toEqual([])
  await page.getByLabel('Defer anyway: the panel cannot decide without what it is waiting for').check()
  await saveDecision()
  expect(await itemRow('Mohammed Ali').textContent()).toContain('Deferred')
}, 60_000)

test('the chair records Kian’s decision with a dissenting view, and the meeting page is accessible', async () => {
  await openDecisionFor('Kian Murphy')
  await page
    .getByRole('group', { name: 'Did the family attend for this item?' })
    .getByLabel('No', { exact: true })
    .check()
  await page
    .getByLabel('Why the item was discussed without the family')
    .fill('His mother could not come and asked the panel to go ahead.')
  await page.getByLabel('Change the plan', { exact: true }).check()
  // A phase transfer names the setting the child moves to.
  await page.getByLabel('Name of the school or setting').fill('Longmoor High School')
  await page
    .getByRole('group', { name: 'Kind of school or setting' })
    .getByLabel('Mainstream school', { exact: true })
    .check()
  await page
    .getByLabel('Reasons', { exact: true })
    .fill('Kian is moving to secondary school in September.\nHis plan must name the help he needs there.')
  await page
    .getByRole('group', { name: 'Does the decision match what the family asked for?' })
    .getByLabel('Yes', { exact: true })
    .check()
  await page
    .getByRole('group', { name: 'Dissenting views (optional)' })
    .getByLabel('Gareth Lloyd', { exact: true })
    .fill('Would have waited for the new school’s views.')
  await saveDecision()
  expect(await itemRow('Kian Murphy').textContent()).toContain('Change the plan')
  expect(await page.getByRole('link', { name: /^Record the decision/ }).count()).toBe(0)
  expect(await accessibilityViolations(page)).toEqual([])
}, 60_000)

test('the chair reads the draft minutes and approves them', async () => {
  await openMeeting()
  await page.getByRole('link', { name: 'Read the minutes' }).click()
  await page.waitForURL(/\/minutes$/)
  await page.locator('#minutes').getByText('Draft', { exact: true }).waitFor()
  for (const child of ['Freya Davies', 'Mohammed Ali', 'Kian Murphy']) await shown(child)
  expect(await accessibilityViolations(page)).toEqual([])

  await page.getByRole('button', { name: 'Approve the minutes' }).click()
  await page.waitForURL(/\/minutes\?approved=1$/)
  await page.getByRole('alert').getByText('Minutes approved.').waitFor()
  await page.locator('#minutes').getByText('Approved', { exact: true }).waitFor()
  const pdfLink = page.getByRole('link', { name: 'Download version 1 as a PDF' })
  const pdf = await page.request.get(new URL((await pdfLink.getAttribute('href')) ?? '', page.url()).href)
  expect(pdf.status()).toBe(200)
  expect(pdf.headers()['content-type']).toContain('application/pdf')
  await page.getByRole('heading', { name: 'Extracts for families' }).waitFor()
  for (const child of ['Freya Davies', 'Mohammed Ali', 'Kian Murphy'])
    await page.getByRole('link', { name: `Extract for ${child} (PDF)` }).waitFor()
  expect(await page.getByRole('button', { name: 'Approve the minutes' }).count()).toBe(0)
  expect(await accessibilityViolations(page)).toEqual([])
}, 60_000)
