/**
 * Page templates hold loops and conditionals only; presenters (src/web/presenters/ and beside each
 * router) build what they show, and permissions come from src/domain/permissions.ts (issue 20). This
 * counts what is still left in views/pages/**\/*.ejs, by kind, against the numbers below: a count may
 * only go down. When one goes down, lower its number here in the same commit.
 */
import fs from 'node:fs'
import path from 'node:path'

const PAGES_DIR = path.resolve(__dirname, '../../views/pages')

/**
 * The numbers in force. Role-name comparisons (`user.role === 'caseworker'`) have a target of 0:
 * a page asks a flag the router worked out with `canUse(role, area)`.
 */
const BASELINE: Record<Kind, number> = {
  scriptlets: 22,
  inlineFunctions: 38,
  mapFilterJoin: 32,
  ternaries: 168,
  roleComparisons: 0,
}

const KINDS = {
  scriptlets: 'scriptlet tags (<% %>) that are not a plain if, else, closing brace or forEach/for…of loop',
  inlineFunctions: 'inline functions (function or =>) other than a forEach loop’s own callback',
  mapFilterJoin: '.map(, .filter( and .join( calls',
  ternaries: 'conditional expressions (a ? b : c)',
  roleComparisons: 'comparisons with a role name (user.role === …)',
} as const
type Kind = keyof typeof KINDS

const TAG = /<%([_=\-#]?)([\s\S]*?)[-_]?%>/g
const LOOP = /^[\w$.[\]'"]+\.forEach\(\s*function\s*\(\s*\w+(?:\s*,\s*\w+)?\s*\)\s*\{$/
const PLAIN_SCRIPTLETS = [
  /^\}?\s*else\s*\{?$/,
  /^(?:\}\s*else\s+)?if\s*\([\s\S]*\)\s*\{$/,
  /^\}\)?;?$/,
  LOOP,
  /^for\s*\(\s*const\s+\w+\s+of\s+[\s\S]+\)\s*\{$/,
]
const ROLE_COMPARISON = /\brole\s*[!=]==?\s*['"]|['"]\s*[!=]==?\s*[\w$.]*\brole\b/g

/** The code with its string literals emptied, so a '?' or '=>' in words is not counted. */
function withoutStrings(code: string): string {
  return code.replace(/'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"|`(?:\\.|[^`\\])*`/g, "''")
}

function count(code: string, pattern: RegExp): number {
  return (code.match(pattern) ?? []).length
}

/** What one template holds, by kind. */
function countExpressions(template: string): Record<Kind, number> {
  const found: Record<Kind, number> = {
    scriptlets: 0,
    inlineFunctions: 0,
    mapFilterJoin: 0,
    ternaries: 0,
    roleComparisons: 0,
  }
  for (const [, kind, body] of template.matchAll(TAG)) {
    if (kind === '#') continue
    const code = body!.trim()
    const bare = withoutStrings(code)
    const isScriptlet = kind === ''
    if (isScriptlet && !PLAIN_SCRIPTLETS.some((plain) => plain.test(code))) found.scriptlets++
    const loopCallback = isScriptlet && LOOP.test(code) ? 1 : 0
    found.inlineFunctions += count(bare, /\bfunction\b|=>/g) - loopCallback
    found.mapFilterJoin += count(bare, /\.(?:map|filter|join)\(/g)
    // A '?' that is not '?.' or '??'.
    found.ternaries += count(bare, /(?<!\?)\?(?![.?])/g)
    found.roleComparisons += count(code, ROLE_COMPARISON)
  }
  return found
}

function pageTemplates(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? pageTemplates(path.join(dir, entry.name))
        : entry.name.endsWith('.ejs')
          ? [path.join(dir, entry.name)]
          : [],
    )
    .sort()
}

describe('counting template expressions', () => {
  test('plain conditionals and loops are not counted', () => {
    const template = [
      '<% if (a.b) { %>x<% } else if (c) { %>y<% } else { %>z<% } %>',
      '<% items.forEach(function (item) { %><%= item.text %><% }) %>',
      '<% for (const item of items) { %><%= item %><% } %>',
      "<%- include('../x', { params: { text: 'Why? Say => here' } }) %>",
      '<%# a comment with map(x => x.join(", ")) %>',
      '<%= a?.b ?? c %>',
    ].join('\n')
    expect(countExpressions(template)).toEqual({
      scriptlets: 0,
      inlineFunctions: 0,
      mapFilterJoin: 0,
      ternaries: 0,
      roleComparisons: 0,
    })
  })

  test('each kind of logic is counted', () => {
    const template = [
      "<% const canEdit = user.role === 'caseworker' %>",
      "<% if (user.role !== 'chair') { %>",
      "<%= list.map(function (x) { return x.name }).join(', ') %>",
      '<%= rows.filter((r) => r.on).length ? "some" : "none" %>',
      '<% rows.forEach(function (r) { const t = text(r) %>',
    ].join('\n')
    expect(countExpressions(template)).toEqual({
      scriptlets: 2,
      inlineFunctions: 3,
      mapFilterJoin: 3,
      ternaries: 1,
      roleComparisons: 2,
    })
  })
})

describe('page templates', () => {
  const perFile = pageTemplates(PAGES_DIR).map((file) => ({
    file: path.relative(path.resolve(PAGES_DIR, '../..'), file),
    counts: countExpressions(fs.readFileSync(file, 'utf8')),
  }))

  test.each(Object.keys(KINDS) as Kind[])('hold no more %s than before', (kind) => {
    const total = perFile.reduce((sum, f) => sum + f.counts[kind], 0)
    const where = perFile
      .filter((f) => f.counts[kind] > 0)
      .sort((a, b) => b.counts[kind] - a.counts[kind])
      .map((f) => `  ${f.file}: ${f.counts[kind]}`)
      .join('\n')
    if (total > BASELINE[kind]) {
      throw new Error(
        `views/pages now hold ${total} ${KINDS[kind]}; the most allowed is ${BASELINE[kind]}.\n` +
          `Move the new logic into the page's presenter (a flag, a string or a list the template shows).\n${where}`,
      )
    }
    if (total < BASELINE[kind]) {
      console.log(
        `views/pages hold ${total} ${KINDS[kind]}, fewer than the ${BASELINE[kind]} allowed: ` +
          `lower BASELINE.${kind} to ${total} in test/unit/template-expressions.test.ts.`,
      )
    }
    expect(total).toBeLessThanOrEqual(BASELINE[kind])
  })
})
