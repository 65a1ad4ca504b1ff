import type { Invalid, NotFound, Result, Stale } from './result'
import type { Transaction } from '../data/db'
import type { DataLayer } from '../data'
import type { User } from '../data/users'
import type { PanelSettings } from '../data/panels'
import type { PanelMember, PanelMemberSettings } from '../data/panelMembers'
import { recordAuditEvent } from '../data/audit'
import type { IsoDate } from '../domain/dates'
import { describeQuorumRule, describeShortfall, isQuorate, parseQuorumRule } from '../domain/quorum'
import type { Clock } from './clock'
import { changedSince, STALE } from './editVersion'

/** What an admin's change came to: done, no such record, or refused with the field to show the message by. */
export type AdminResult<T extends object = object> = Result<T, NotFound | Invalid>

/** What an edit of a stored record came to: as AdminResult, or refused as the record changed since it was read. */
export type AdminEdit<T extends object = object> = Result<T, NotFound | Invalid | Stale>

const NOT_FOUND = { ok: false, reason: 'not-found' } as const

function invalid(field: string, message: string) {
  return { ok: false, reason: 'invalid', field, message } as const
}

const NAME_TAKEN = 'There is already a panel with this name. Give this panel a different name'

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string }
  return e?.code === '23505' && e.constraint === constraint
}

/** The settings that make a panel's weekly slot: a change to these reaches only sittings generated afterwards. */
const SLOT_FIELDS = ['weekday', 'startsAt', 'durationMinutes', 'venue', 'onlineLink'] as const

function changedFields(before: Record<string, unknown>, after: PanelSettings): string[] {
  return (Object.keys(after) as (keyof PanelSettings)[]).filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  )
}

/** Whether a membership covers `on`; open-ended dates cover everything on that side. */
export function isCurrentMember(
  member: Pick<PanelMember, 'memberFrom' | 'memberUntil'>,
  on: IsoDate,
): boolean {
  return (member.memberFrom ?? on) <= on && on <= (member.memberUntil ?? on)
}

function periodsOverlap(
  a: Pick<PanelMemberSettings, 'memberFrom' | 'memberUntil'>,
  b: Pick<PanelMemberSettings, 'memberFrom' | 'memberUntil'>,
): boolean {
  const aFrom = a.memberFrom ?? '0000-01-01'
  const bFrom = b.memberFrom ?? '0000-01-01'
  const aUntil = a.memberUntil ?? '9999-12-31'
  const bUntil = b.memberUntil ?? '9999-12-31'
  return aFrom <= bUntil && bFrom <= aUntil
}

function memberAuditDetails(panelId: string, m: PanelMemberSettings) {
  // Ids and codes only: the member's name stays out of the audit trail.
  return {
    panelId,
    userId: m.userId,
    agency: m.agency,
    isChair: m.isChair,
    memberFrom: m.memberFrom,
    memberUntil: m.memberUntil,
  }
}

/** Admins set up panels, their weekly slot and quorum, and who sits on them. */
export function panelAdminService(data: DataLayer, clock: Clock) {
  const { panels } = data

  /**
   * The checks that need the other members: an account at most once per panel, and one chair at a time.
   * `current` is the membership being changed, if it is not a new one.
   */
  async function memberProblem(
    trx: Transaction,
    panelId: string,
    current: PanelMember | undefined,
    settings: PanelMemberSettings,
  ) {
    const others = (await panels.members.listForPanel(panelId, trx)).filter((m) => m.id !== current?.id)
    // An account disabled or given another role since it was linked may stay linked; a new link may not.
    if (settings.userId && settings.userId !== current?.userId) {
      const accounts = await panels.members.linkableAccounts(trx)
      if (!accounts.some((a) => a.id === settings.userId)) {
        return invalid('userId', 'Select an account from the list, or no account')
      }
    }
    if (settings.userId && others.some((m) => m.userId === settings.userId)) {
      return invalid('userId', 'That account is already linked to another member of this panel')
    }
    if (settings.isChair) {
      const chair = others.find((m) => m.isChair && periodsOverlap(m, settings))
      if (chair) {
        return invalid(
          'isChair',
          `${chair.fullName} is already the chair of this panel. A panel has one chair at a time: ` +
            `make ${chair.fullName} a member first, or set membership dates that do not overlap`,
        )
      }
    }
    return undefined
  }

  return {
    /** A panel for editing, or undefined when there is none with this id. */
    findPanel(id: string) {
      return panels.findById(id)
    },

    /** The panel's page: its settings, quorum in words, and whether today's members could meet it. */
    async panelPage(id: string) {
      const panel = await panels.findById(id)
      if (!panel) return undefined
      const members = await panels.members.listForPanel(id)
      const today = clock.today()
      const { rule } = parseQuorumRule(panel.quorumRule)
      const presentToday = members.filter((m) => isCurrentMember(m, today)).map((m) => m.agency)
      const check = isQuorate(rule, presentToday)
      return {
        panel,
        members: members.map((m) => ({ ...m, current: isCurrentMember(m, today) })),
        quorum: {
          rule,
          description: describeQuorumRule(rule),
          ...check,
          shortfall: describeShortfall(check.short),
        },
      }
    },

    async createPanel(actor: User, settings: PanelSettings): Promise<AdminResult<{ id: string }>> {
      try {
        return await data.db.transaction(async (trx) => {
          if (await panels.idWithName(trx, settings.name)) return invalid('name', NAME_TAKEN)
          const id = await panels.insert(trx, settings)
          await recordAuditEvent(trx, {
            actorUserId: actor.id,
            action: 'panel_created',
            entityType: 'panel',
            entityId: id,
            details: {
              panelType: settings.panelType,
              caseKinds: settings.caseKinds.join(','),
              weekday: settings.weekday,
              startsAt: settings.startsAt,
              capacity: settings.capacity,
              active: settings.active,
            },
          })
          return { ok: true as const, id }
        })
      } catch (error) {
        // Two admins naming two new panels alike at the same moment: the database's unique name decides.
        if (isUniqueViolation(error, 'panels_name_unique')) return invalid('name', NAME_TAKEN)
        throw error
      }
    },

    /** `version` is the tag of the panel the form was filled in from (editVersion.ts). */
    async updatePanel(actor: User, id: string, settings: PanelSettings, version: string): Promise<AdminEdit> {
      try {
        return await data.db.transaction(async (trx): Promise<AdminEdit> => {
          if (!(await panels.lock(trx, id))) return NOT_FOUND
          const before = await panels.findById(id, trx)
          if (!before) return NOT_FOUND
          if (changedSince(before, version)) return STALE
          const sameName = await panels.idWithName(trx, settings.name)
          if (sameName && sameName !== id) return invalid('name', NAME_TAKEN)
          await panels.update(trx, id, settings)
          const changed = changedFields(
            { ...before, quorumRule: parseQuorumRule(before?.quorumRule).rule },
            settings,
          )
          await recordAuditEvent(trx, {
            actorUserId: actor.id,
            action: 'panel_updated',
            entityType: 'panel',
            entityId: id,
            details: {
              changed: changed.join(','),
              weeklySlotChanged: changed.some((f) => (SLOT_FIELDS as readonly string[]).includes(f)),
            },
          })
          return { ok: true as const }
        })
      } catch (error) {
        if (isUniqueViolation(error, 'panels_name_unique')) return invalid('name', NAME_TAKEN)
        throw error
      }
    },

    /** Accounts that can be linked to a membership, so that the member sees the panel's sittings. */
    memberAccounts() {
      return panels.members.linkableAccounts()
    },

    findMember(panelId: string, memberId: string) {
      return panels.members.find(panelId, memberId)
    },

    async addMember(
      actor: User,
      panelId: string,
      settings: PanelMemberSettings,
    ): Promise<AdminResult<{ id: string }>> {
      return data.db.transaction(async (trx) => {
        if (!(await panels.lock(trx, panelId))) return NOT_FOUND
        const problem = await memberProblem(trx, panelId, undefined, settings)
        if (problem) return problem
        const id = await panels.members.insert(trx, panelId, settings)
        await recordAuditEvent(trx, {
          actorUserId: actor.id,
          action: 'panel_member_added',
          entityType: 'panel_member',
          entityId: id,
          details: memberAuditDetails(panelId, settings),
        })
        return { ok: true as const, id }
      })
    },

    async updateMember(
      actor: User,
      panelId: string,
      memberId: string,
      settings: PanelMemberSettings,
      version: string,
    ): Promise<AdminEdit> {
      return data.db.transaction(async (trx): Promise<AdminEdit> => {
        if (!(await panels.lock(trx, panelId))) return NOT_FOUND
        const current = await panels.members.find(panelId, memberId, trx)
        if (!current) return NOT_FOUND
        if (changedSince(current, version)) return STALE
        const problem = await memberProblem(trx, panelId, current, settings)
        if (problem) return problem
        await panels.members.update(trx, memberId, settings)
        await recordAuditEvent(trx, {
          actorUserId: actor.id,
          action: 'panel_member_updated',
          entityType: 'panel_member',
          entityId: memberId,
          details: memberAuditDetails(panelId, settings),
        })
        return { ok: true as const }
      })
    },

    async removeMember(actor: User, panelId: string, memberId: string): Promise<AdminResult> {
      return data.db.transaction(async (trx) => {
        if (!(await panels.lock(trx, panelId))) return NOT_FOUND
        const member = await panels.members.find(panelId, memberId, trx)
        if (!member) return NOT_FOUND
        await panels.members.remove(trx, memberId)
        await recordAuditEvent(trx, {
          actorUserId: actor.id,
          action: 'panel_member_removed',
          entityType: 'panel_member',
          entityId: memberId,
          details: memberAuditDetails(panelId, member),
        })
        return { ok: true as const }
      })
    },
  }
}

export type PanelAdminService = ReturnType<typeof panelAdminService>
