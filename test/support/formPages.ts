/** Reading a rendered form page: its escaped text, the message by a field, and the error summary. */

export const decode = (html: string) =>
  html
    .replace(/&#39;/g, "'")
    .replace(/&#34;/g, '"')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')

/** The inline message shown by a field, without its visually hidden "Error:" prefix. */
export function inlineError(html: string, id: string): string | undefined {
  const match = new RegExp(`<p id="${id}-error" class="govuk-error-message">([\\s\\S]*?)</p>`).exec(html)
  return match
    ? decode(match[1]!.replace(/<span class="govuk-visually-hidden">Error:<\/span>/, '')).trim()
    : undefined
}

/** The error summary's links: [href, text]. */
export function summaryLinks(html: string): [string, string][] {
  const summary = /<div class="govuk-error-summary"[\s\S]*?<\/ul>/.exec(html)?.[0] ?? ''
  return [...summary.matchAll(/<a href="([^"]+)">([^<]*)<\/a>/g)].map((m) => [m[1]!, decode(m[2]!)])
}

/** The version an edit form carries (its hidden `version` field), as the browser would send it back. */
export async function versionOn(agent: { get(path: string): PromiseLike<{ text: string }> }, path: string) {
  const page = await agent.get(path)
  const match = /name="version" value="([^"]+)"/.exec(page.text)
  if (!match) throw new Error(`No version on ${path}`)
  return match[1]!
}
