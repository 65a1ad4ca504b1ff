import { Router, type Request, type Response } from 'express'
import { ZipFile } from 'yazl'
import type { Services } from '../../services'
import type { IsoDate } from '../../domain/dates'
import { csvText, sen2CsvFiles, sen2Xml, type Sen2Header } from '../../domain/sen2/sen2Files'
import { FormErrorCollector } from '../formErrors'
import { SEN2_FIELDS } from '../cases/sen2Form'
import { noErrors, type FormErrors } from '../validation'

/** The census date from the GOV.UK date input (`census-day`…). */
function readCensus(
  query: Record<string, unknown>,
): { ok: true; census: IsoDate } | { ok: false; errors: FormErrors } {
  const form = new FormErrorCollector(query, ['census'])
  const census = form.date('census', 'The census date', { required: true })
  return census && form.empty ? { ok: true, census } : { ok: false, errors: form.errors() }
}

function header(services: Services): Sen2Header {
  // unconfirmed: Panel's settings do not hold the council's LA number yet; 000 stands in for it.
  return { lea: '000', softwareCode: 'Panel', release: '1', serialNo: 1, dateTime: services.sen2.madeAt() }
}

function zipOf(entries: { name: string; text: string }[]): Promise<Buffer> {
  const zip = new ZipFile()
  for (const e of entries) zip.addBuffer(Buffer.from(e.text, 'utf8'), e.name)
  zip.end()
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c))
    zip.outputStream.on('error', reject)
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)))
  })
}

/** The modules' CSV files, named as sen2CsvFiles names them. */
const SEN2_MODULES = [
  { name: 'header', label: 'Header' },
  { name: 'person', label: 'Module 1: person details' },
  { name: 'requests', label: 'Module 2: requests for an assessment' },
  { name: 'assessment', label: 'Module 3: assessments' },
  { name: 'namedplan', label: 'Module 4a: named plans' },
  { name: 'plandetail', label: 'Module 4b: settings named in plans' },
  { name: 'activeplans', label: 'Module 5a: active plans' },
  { name: 'placementdetail', label: 'Module 5b: settings attended' },
  { name: 'senneed', label: 'Module 5c: special educational needs' },
]

const SEN2_DATE_FIELDS = new Set(['attendingSince', 'planStartOn', 'planCeasedOn'])
const STEP_FIELDS = new Set(['assessmentDecided', 'planDecided', 'reviewMeeting', 'reviewNotice'])
const SEN2_PAGE_FIELDS = new Set<string>(SEN2_FIELDS)

/** Where a problem is fixed: the SEN2 details, the case's steps, or the case itself (its dates, the child). */
export function fixLink(caseId: string, field: string): string {
  if (SEN2_PAGE_FIELDS.has(field))
    return `/cases/${caseId}/sen2#${SEN2_DATE_FIELDS.has(field) ? `${field}-day` : field}`
  if (STEP_FIELDS.has(field)) return `/cases/${caseId}/steps#${field}-day`
  return `/cases/${caseId}`
}

/** Managers: the DfE's SEN2 return for a census date (issue 18). Mounted at /reports/sen2. */
export function sen2ReportsRouter(services: Services): Router {
  const router = Router()

  function form(res: Response, status: number, values: Record<string, unknown>, errors: FormErrors) {
    res.status(status).render('pages/reports/sen2', { values, errors })
  }

  async function withCensus(req: Request, res: Response, then: (census: IsoDate) => Promise<void>) {
    const query = req.query as Record<string, unknown>
    const read = readCensus(query)
    if (!read.ok) return form(res, 400, query, read.errors)
    await then(read.census)
  }

  router.get('/', (req, res) => form(res, 200, {}, noErrors()))

  router.get('/validation', (req, res) =>
    withCensus(req, res, async (census) => {
      const { sen2, problems } = await services.sen2.returnFor(census)
      res.render('pages/reports/sen2-validation', {
        census,
        query: new URLSearchParams(req.query as Record<string, string>).toString(),
        persons: sen2.persons.length,
        modules: SEN2_MODULES,
        problems: problems.map((p) => ({ ...p, href: fixLink(p.caseId, p.field) })),
      })
    }),
  )

  router.get('/return.zip', (req, res) =>
    withCensus(req, res, async (census) => {
      const { sen2 } = await services.sen2.returnFor(census)
      const h = header(services)
      const entries = sen2CsvFiles(sen2, h).map((f) => ({
        name: `sen2-${census}-${f.name}.csv`,
        text: csvText(f),
      }))
      entries.push({ name: `sen2-${census}.xml`, text: sen2Xml(sen2, h) })
      res
        .type('application/zip')
        .attachment(`sen2-${census}.zip`)
        .send(await zipOf(entries))
    }),
  )

  router.get('/return.xml', (req, res) =>
    withCensus(req, res, async (census) => {
      const { sen2 } = await services.sen2.returnFor(census)
      res
        .type('application/xml; charset=utf-8')
        .attachment(`sen2-${census}.xml`)
        .send(sen2Xml(sen2, header(services)))
    }),
  )

  // One route per module (no route parameter), so that every download has a fixed address.
  for (const m of SEN2_MODULES) {
    router.get(`/${m.name}.csv`, (req, res) =>
      withCensus(req, res, async (census) => {
        const { sen2 } = await services.sen2.returnFor(census)
        const file = sen2CsvFiles(sen2, header(services)).find((f) => f.name === m.name)!
        res.type('text/csv; charset=utf-8').attachment(`sen2-${census}-${file.name}.csv`).send(csvText(file))
      }),
    )
  }

  return router
}
