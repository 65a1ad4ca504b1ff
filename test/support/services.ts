import { loadConfig } from '../../src/config'
import type { DataLayer } from '../../src/data'
import { services, serviceSettings, type ServiceSettings, type Services } from '../../src/services'
import type { Clock } from '../../src/services/clock'

/** The services as the test app builds them (from the test configuration), with any setting changed. */
export function testServices(
  data: DataLayer,
  clock: Clock,
  overrides: Partial<ServiceSettings> = {},
): Services {
  return services(data, clock, { ...serviceSettings(loadConfig({ NODE_ENV: 'test' })), ...overrides })
}
