import type { Knex } from 'knex'
import { bankHolidaysByRule } from '../src/domain/bankHolidays'

/**
 * Bank holidays come from a rule for any year; the council's list becomes its changes to the rule. A row can
 * now say that a day the rule gives is not a bank holiday (`observed` false: removed, or moved to the row's
 * added day), and the years the council has checked against the published list are recorded as confirmed.
 *
 * Until now the list was the whole truth for each year it held in full: a year with at least half the rule's
 * days in it is taken as such, so it is confirmed and a day the rule gives that the list left out becomes a
 * removal. A year with fewer (an extra day entered ahead, such as a jubilee) was never a full list: its rows
 * stay as added days, and the rule gives the rest. A row the rule gives exactly goes, as it changes nothing.
 * The rule is imported rather than copied: it is pure, and a database migrated after it changes has no rows
 * here to convert.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('bank_holidays', (t) => {
    t.boolean('observed').notNullable().defaultTo(true)
  })
  await knex.schema.createTable('bank_holiday_years', (t) => {
    t.integer('year').primary()
    t.timestamp('confirmed_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
    // Null for the years confirmed by this migration or by the demo seed.
    t.uuid('confirmed_by').references('users.id')
  })

  const rows: { holiday_on: string; title: string }[] = await knex('bank_holidays').select(
    'holiday_on',
    'title',
  )
  const listed = new Map(rows.map((r) => [r.holiday_on, r.title]))
  const years = [...new Set(rows.map((r) => Number(r.holiday_on.slice(0, 4))))]
  for (const year of years) {
    const ruleDays = bankHolidaysByRule(year)
    const inFull = ruleDays.filter((d) => listed.has(d.date)).length * 2 >= ruleDays.length
    if (inFull) await knex('bank_holiday_years').insert({ year })
    for (const day of ruleDays) {
      const title = listed.get(day.date)
      if (title === undefined && inFull) {
        await knex('bank_holidays').insert({ holiday_on: day.date, title: day.title, observed: false })
      } else if (title === day.title) {
        await knex('bank_holidays').where({ holiday_on: day.date }).delete()
      }
    }
  }
}

/** Back to one list that is the whole truth for each confirmed year: the rule's days written out, removals gone. */
export async function down(knex: Knex): Promise<void> {
  const years: number[] = await knex('bank_holiday_years').pluck('year')
  const rows: { holiday_on: string }[] = await knex('bank_holidays').select('holiday_on')
  const present = new Set(rows.map((r) => r.holiday_on))
  for (const year of years) {
    const missing = bankHolidaysByRule(year).filter((d) => !present.has(d.date))
    if (missing.length > 0) {
      await knex('bank_holidays').insert(missing.map((d) => ({ holiday_on: d.date, title: d.title })))
    }
  }
  await knex('bank_holidays').where({ observed: false }).delete()
  await knex.schema.dropTable('bank_holiday_years')
  await knex.schema.alterTable('bank_holidays', (t) => {
    t.dropColumn('observed')
  })
}
