import { AccessiblePdf } from './accessiblePdf'
import type { TextEngine } from './textEngine'

/** One part of the summary: a heading, then label–value pairs, paragraphs and a list, in that order. */
export interface SummarySection {
  level: 2 | 3
  heading: string
  pairs?: [label: string, value: string][]
  paragraphs?: string[]
  list?: string[]
}

export interface SubjectAccessSummary {
  title: string
  councilName: string
  intro: string[]
  sections: SummarySection[]
}

/** The readable summary of a subject access export, as a tagged PDF. The words are the service's; this lays them out. */
export async function renderSubjectAccessPdf(
  summary: SubjectAccessSummary,
  options: { engine?: TextEngine } = {},
): Promise<Buffer> {
  const pdf = new AccessiblePdf({ title: summary.title, author: summary.councilName, engine: options.engine })
  pdf.heading(1, summary.title)
  for (const paragraph of summary.intro) pdf.paragraph(paragraph)
  for (const section of summary.sections) {
    pdf.heading(section.level, section.heading)
    for (const [label, value] of section.pairs ?? []) pdf.keyValue(label, value)
    for (const paragraph of section.paragraphs ?? []) pdf.paragraph(paragraph)
    if (section.list && section.list.length > 0) pdf.list(section.list)
  }
  return pdf.toBuffer()
}
