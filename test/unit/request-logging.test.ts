import { loggablePath } from '../../src/web/middleware/requestLogging'

test('a calendar feed’s secret address is not written to the log', () => {
  expect(loggablePath('/feeds/abc123-secret_TOKEN/my-sittings.ics')).toBe('/feeds/[token]/my-sittings.ics')
  expect(loggablePath('/feeds/abc/panels/2b1c.ics?x=1')).toBe('/feeds/[token]/panels/2b1c.ics')
  expect(loggablePath('/cases?kind=placement')).toBe('/cases')
})

test('an invitation link is not written to the log', () => {
  expect(loggablePath('/invitations/Zx8_secret-token')).toBe('/invitations/[token]')
  expect(loggablePath('/invitations/Zx8_secret-token?from=email')).toBe('/invitations/[token]')
})
