import type { DataLayer } from '../data'
import type { User } from '../data/users'
import { recordAuditEvent } from '../data/audit'
import {
  deleteJargonTerm,
  findJargonTerm,
  insertJargonTerm,
  listJargon,
  listJargonRecords,
  lockJargon,
  updateJargonTerm,
  type JargonRecord,
} from '../data/jargon'
import { findJargon, type JargonTerm } from '../domain/readability'
import type { AdminEdit, AdminResult } from './panelAdmin'
import { changedSince, STALE } from './editVersion'

export const TERM_MAX_LENGTH = 60
export const PLAINER_MAX_LENGTH = 100

export const JARGON_MESSAGES = {
  termMissing: 'Enter the word or phrase to avoid',
  termTooLong: `The word or phrase to avoid must be ${TERM_MAX_LENGTH} characters or fewer`,
  plainerMissing: 'Enter a plainer word or phrase',
  plainerTooLong: `The plainer word or phrase must be ${PLAINER_MAX_LENGTH} characters or fewer`,
} as const

const NOT_FOUND = { ok: false, reason: 'not-found' } as const

function invalid(field: keyof JargonTerm, message: string) {
  return { ok: false, reason: 'invalid', field, message } as const
}

const sameWords = (a: string, b: string) => a.toLocaleLowerCase('en-GB') === b.toLocaleLowerCase('en-GB')

/** Spaces at the ends go, and any run of spaces or line breaks inside becomes one space. */
export function tidyJargonText(text: string): string {
  return text.trim().replace(/\s+/g, ' ')
}

/**
 * What is wrong with a term beside the rest of the list, if anything. The list points a chair from
 * each term to its plainer word, so the plainer word must not be on the list (nor contain a term on
 * it), must not be the term itself, and a term is on the list once whatever its capitals.
 */
export function jargonProblem(
  entry: JargonTerm,
  others: readonly JargonTerm[],
): { field: keyof JargonTerm; message: string } | undefined {
  if (entry.term.length === 0) return { field: 'term', message: JARGON_MESSAGES.termMissing }
  if (entry.term.length > TERM_MAX_LENGTH) return { field: 'term', message: JARGON_MESSAGES.termTooLong }
  if (entry.plainer.length === 0) return { field: 'plainer', message: JARGON_MESSAGES.plainerMissing }
  if (entry.plainer.length > PLAINER_MAX_LENGTH) {
    return { field: 'plainer', message: JARGON_MESSAGES.plainerTooLong }
  }
  const twin = others.find((o) => sameWords(o.term, entry.term))
  if (twin) {
    return {
      field: 'term',
      message: `“${twin.term}” is already on the list. Change that one instead`,
    }
  }
  const suggestedFor = others.find((o) => findJargon(o.plainer, [entry]).length > 0)
  if (suggestedFor) {
    return {
      field: 'term',
      message: `“${entry.term}” is in the plainer word suggested for “${suggestedFor.term}”, so it cannot be a word to avoid`,
    }
  }
  if (sameWords(entry.plainer, entry.term)) {
    return {
      field: 'plainer',
      message: 'The plainer word or phrase must be different from the word to avoid',
    }
  }
  const [onList] = findJargon(entry.plainer, [entry, ...others])
  if (onList) {
    return {
      field: 'plainer',
      message: `“${onList.term}” is on the list of words to avoid, so it cannot be in the plainer word or phrase`,
    }
  }
  return undefined
}

function tidy(entry: JargonTerm): JargonTerm {
  return { term: tidyJargonText(entry.term), plainer: tidyJargonText(entry.plainer) }
}

function isDuplicateTerm(error: unknown): boolean {
  const e = error as { code?: string; constraint?: string }
  return e?.code === '23505' && e.constraint === 'jargon_terms_term_unique'
}

/** Admins keep the council's jargon list, which the plain-language help points chairs at. */
export function jargonAdminService(data: DataLayer) {
  const { db } = data

  /** Runs a write; a duplicate that slipped past the check is refused by the unique index instead. */
  async function write<R extends AdminEdit<object>>(
    entry: JargonTerm,
    work: () => Promise<R>,
  ): Promise<R | ReturnType<typeof invalid>> {
    try {
      return await work()
    } catch (error) {
      if (isDuplicateTerm(error)) {
        return invalid('term', `“${entry.term}” is already on the list. Change that one instead`)
      }
      throw error
    }
  }

  return {
    /** The list with each term's id, in alphabetical order. */
    list(): Promise<JargonRecord[]> {
      return listJargonRecords(db)
    },

    /** The list as the plain-language help uses it. */
    terms(): Promise<JargonTerm[]> {
      return listJargon(db)
    },

    find(id: string): Promise<JargonRecord | undefined> {
      return findJargonTerm(db, id)
    },

    async add(actor: User, given: JargonTerm): Promise<AdminResult<{ id: string }>> {
      const entry = tidy(given)
      return write(entry, () =>
        db.transaction(async (trx): Promise<AdminResult<{ id: string }>> => {
          await lockJargon(trx)
          const problem = jargonProblem(entry, await listJargon(trx))
          if (problem) return invalid(problem.field, problem.message)
          const id = await insertJargonTerm(trx, entry)
          await recordAuditEvent(trx, {
            actorUserId: actor.id,
            action: 'jargon_term_added',
            entityType: 'jargon_term',
            entityId: id,
            details: { ...entry },
          })
          return { ok: true as const, id }
        }),
      )
    },

    async edit(actor: User, id: string, given: JargonTerm, version: string): Promise<AdminEdit> {
      const entry = tidy(given)
      return write(entry, () =>
        db.transaction(async (trx): Promise<AdminEdit> => {
          await lockJargon(trx)
          const list = await listJargonRecords(trx)
          const before = list.find((j) => j.id === id)
          if (!before) return NOT_FOUND
          if (changedSince(before, version)) return STALE
          const problem = jargonProblem(
            entry,
            list.filter((j) => j.id !== id),
          )
          if (problem) return invalid(problem.field, problem.message)
          if (!(await updateJargonTerm(trx, id, entry))) return NOT_FOUND
          await recordAuditEvent(trx, {
            actorUserId: actor.id,
            action: 'jargon_term_updated',
            entityType: 'jargon_term',
            entityId: id,
            details: { ...entry, previousTerm: before.term, previousPlainer: before.plainer },
          })
          return { ok: true as const }
        }),
      )
    },

    async remove(actor: User, id: string): Promise<AdminResult> {
      return db.transaction(async (trx) => {
        await lockJargon(trx)
        const before = await findJargonTerm(trx, id)
        if (!before || !(await deleteJargonTerm(trx, id))) return NOT_FOUND
        await recordAuditEvent(trx, {
          actorUserId: actor.id,
          action: 'jargon_term_removed',
          entityType: 'jargon_term',
          entityId: id,
          details: { term: before.term, plainer: before.plainer },
        })
        return { ok: true as const }
      })
    },
  }
}

export type JargonAdminService = ReturnType<typeof jargonAdminService>
