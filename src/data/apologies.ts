import { insertRow, type Transaction, type Executor } from './db'
import { MILESTONE_COLUMNS, toMilestones, type Milestones } from './caseMilestones'
import type { CaseExceptionRow, CaseRow } from './tables'
import type { IsoDate } from '../domain/dates'
import type { LetterModel } from '../domain/letters/types'
import type { DeadlineStep } from '../domain/statutoryClock'
import type { CaseKind } from '../domain/vocabulary'

export interface OpenCaseClock {
  id: string
  kind: CaseKind
  receivedOn: IsoDate
  milestones: Milestones
  /** Steps with an exception to their time limit: no apology is owed for those. */
  excepted: Set<string>
}

/** The statutory facts of every case still being worked on, for the daily check on missed deadlines. */
export async function listOpenCaseClocks(trx: Executor): Promise<OpenCaseClock[]> {
  const rows = await trx<CaseRow>('cases')
    .whereNotIn('status', ['draft', 'closed', 'withdrawn'])
    .select('id', 'kind', 'received_on', ...MILESTONE_COLUMNS)
  const exceptions = await trx<CaseExceptionRow>('case_exceptions').select('case_id', 'step')
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    receivedOn: r.received_on,
    milestones: toMilestones(r),
    excepted: new Set(exceptions.filter((e) => e.case_id === r.id).map((e) => e.step)),
  }))
}

export interface Apology {
  id: string
  caseId: string
  status: 'draft' | 'issued'
  step: DeadlineStep
  dueOn: IsoDate
  issuedOn: IsoDate | null
  sha256: string | null
}

function toApology(r: {
  id: string
  case_id: string
  status: 'draft' | 'issued'
  content: { step: DeadlineStep; dueOn: IsoDate } | string
  issued_on: IsoDate | null
  sha256: string | null
}): Apology {
  const content =
    typeof r.content === 'string'
      ? (JSON.parse(r.content) as { step: DeadlineStep; dueOn: IsoDate })
      : r.content
  return {
    id: r.id,
    caseId: r.case_id,
    status: r.status,
    step: content.step,
    dueOn: content.dueOn,
    issuedOn: r.issued_on,
    sha256: r.sha256,
  }
}

/** Every apology drafted or issued, for one case or all. */
export async function listApologies(trx: Executor, caseId?: string): Promise<Apology[]> {
  const query = trx('letters')
    .where({ letter_kind: 'apology' })
    .orderBy('created_at')
    .select('id', 'case_id', 'status', 'content', 'issued_on', 'sha256')
  if (caseId) query.where({ case_id: caseId })
  return (await query).map(toApology)
}

/** A draft waits for the caseworker: the step and date are known, the reason is theirs to give. */
export async function insertApologyDraft(
  trx: Transaction,
  caseId: string,
  step: DeadlineStep,
  dueOn: IsoDate,
): Promise<string> {
  return insertRow(trx, 'letters', {
    case_id: caseId,
    letter_kind: 'apology',
    status: 'draft',
    version: 1,
    content: JSON.stringify({ step, dueOn }),
  })
}

/** Issues a draft once; an issued apology, like any issued letter, is never written again. */
export async function issueApologyDraft(
  trx: Transaction,
  letterId: string,
  issued: {
    pdf: Buffer
    sha256: string
    issuedOn: IsoDate
    issuedBy: string
    letter: LetterModel
    step: DeadlineStep
    dueOn: IsoDate
  },
): Promise<boolean> {
  const rows = await trx('letters')
    .where({ id: letterId, status: 'draft', letter_kind: 'apology' })
    .update({
      status: 'issued',
      pdf: issued.pdf,
      sha256: issued.sha256,
      issued_on: issued.issuedOn,
      issued_by: issued.issuedBy,
      title: issued.letter.title,
      content: JSON.stringify({ step: issued.step, dueOn: issued.dueOn, letter: issued.letter }),
      updated_at: trx.fn.now(),
    })
    .returning('id')
  return rows.length > 0
}
