import type { Executor } from './db'

export interface AuditEvent {
  actorUserId: string | null
  action: string
  entityType: string
  entityId: string
  /** Ids and codes only: the audit trail is read widely and must not copy personal data around. */
  details?: Record<string, string | number | boolean | null>
}

/** Takes the transaction of the change it records, so that the change and its audit row land together. */
export async function recordAuditEvent(trx: Executor, event: AuditEvent): Promise<void> {
  await trx('audit_events').insert({
    actor_user_id: event.actorUserId,
    action: event.action,
    entity_type: event.entityType,
    entity_id: event.entityId,
    details: JSON.stringify(event.details ?? {}),
  })
}

/** Many events in a few statements: a queue run that places thousands of cases writes one per case. */
export async function recordAuditEvents(trx: Executor, events: AuditEvent[]): Promise<void> {
  const rows = events.map((event) => ({
    actor_user_id: event.actorUserId,
    action: event.action,
    entity_type: event.entityType,
    entity_id: event.entityId,
    details: JSON.stringify(event.details ?? {}),
  }))
  for (let i = 0; i < rows.length; i += 500) await trx('audit_events').insert(rows.slice(i, i + 500))
}
