/**
 * Our EJS partials in views/components/govuk/ must produce the same HTML as the
 * GOV.UK Frontend Nunjucks macros. Each fixture in govuk-frontend's
 * fixtures.json is rendered through our partial and compared with the
 * documented HTML, after normalising whitespace and attribute order.
 */
import fs from 'node:fs'
import path from 'node:path'
import ejs from 'ejs'

const ROOT = path.resolve(__dirname, '../..')
const PARTIALS_DIR = path.join(ROOT, 'views/components/govuk')
const FRONTEND_DIR = path.join(ROOT, 'node_modules/govuk-frontend/dist/govuk/components')

interface Fixture {
  name: string
  options: Record<string, unknown>
  html: string
}

/** Components whose partial reproduces the GOV.UK Frontend markup exactly. */
const COMPONENTS = [
  'back-link',
  'button',
  'checkboxes',
  'date-input',
  'details',
  'error-message',
  'error-summary',
  'fieldset',
  'generic-header',
  'hint',
  'input',
  'inset-text',
  'label',
  'notification-banner',
  'panel',
  'phase-banner',
  'radios',
  'select',
  'service-navigation',
  'skip-link',
  'summary-list',
  'table',
  'tag',
  'textarea',
  'warning-text',
]

/** Fixtures left out on purpose, with the reason. Empty for now: every fixture of the components above matches. */
const SKIPPED: { component: string; fixture: string; reason: string }[] = []

function loadFixtures(component: string): Fixture[] {
  const file = path.join(FRONTEND_DIR, component, 'fixtures.json')
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { fixtures: Fixture[] }).fixtures
}

function render(component: string, params: Record<string, unknown>): Promise<string> {
  return ejs.renderFile(path.join(PARTIALS_DIR, `${component}.ejs`), { params })
}

const collapse = (text: string): string => text.replace(/\s+/g, ' ')

/** Rewrites a start tag with its attributes sorted by name and their values' whitespace collapsed. */
function normaliseTag(tag: string): string {
  const match = /^<([a-zA-Z][\w:-]*)([\s\S]*?)\/?>$/.exec(tag)
  if (!match) return tag
  const [, name = '', rest = ''] = match
  const attributes: string[] = []
  for (const attr of rest.matchAll(/([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
    const value = attr[2] ?? attr[3] ?? attr[4]
    attributes.push(value === undefined ? attr[1]! : `${attr[1]}="${collapse(value).trim()}"`)
  }
  attributes.sort()
  return `<${name.toLowerCase()}${attributes.map((a) => ` ${a}`).join('')}>`
}

/**
 * Makes two HTML strings comparable: entities written the same way, attributes
 * sorted, runs of whitespace collapsed and whitespace-only text between tags
 * dropped. Whitespace at the edge of real text is kept (as one space).
 */
function normaliseHtml(html: string): string {
  const tokens =
    html
      .replace(/&#34;/g, '&quot;')
      .replace(/&#x27;/g, '&#39;')
      .match(/<\/?[a-zA-Z][^>]*>|[^<]+|</g) ?? []
  return tokens
    .map((token) => {
      if (token.startsWith('</')) return `</${token.slice(2, -1).trim().toLowerCase()}>`
      if (token.startsWith('<') && token.length > 1) return normaliseTag(token)
      return token.trim() === '' ? '' : collapse(token)
    })
    .join('')
}

describe('normaliseHtml', () => {
  it('ignores attribute order, whitespace between tags and entity style', () => {
    expect(normaliseHtml('<a  href="/x"\n class="b  c" >\n  Hi &#34;you&#34;\n</a>\n')).toBe(
      normaliseHtml('<a class="b c" href="/x"> Hi &quot;you&quot; </a>'),
    )
  })

  it('still sees missing whitespace, attributes and text', () => {
    expect(normaliseHtml('<a>Hi</a>')).not.toBe(normaliseHtml('<a> Hi </a>'))
    expect(normaliseHtml('<input checked>')).not.toBe(normaliseHtml('<input>'))
    expect(normaliseHtml('<p>a</p>')).not.toBe(normaliseHtml('<p>b</p>'))
  })
})

describe.each(COMPONENTS)('%s partial matches the GOV.UK Frontend fixtures', (component) => {
  const skipped = new Set(SKIPPED.filter((s) => s.component === component).map((s) => s.fixture))
  const fixtures = loadFixtures(component).filter((f) => !skipped.has(f.name))

  it.each(fixtures.map((f) => [f.name, f] as const))('%s', async (_name, fixture) => {
    const html = await render(component, fixture.options)
    expect(normaliseHtml(html)).toBe(normaliseHtml(fixture.html))
  })
})

/**
 * Our footer leaves out the crown, the Open Government Licence and Crown
 * copyright, which only apply to services on GOV.UK. This removes those parts
 * from the GOV.UK fixture HTML so the rest can still be compared exactly. A
 * custom content licence (text or html) is kept, without the OGL logo.
 */
function withoutCrownParts(html: string, options: Record<string, unknown>): string {
  const licence = options.contentLicence as { text?: string; html?: string } | null | undefined
  let result = html
    .replace(/<svg\b[^>]*class="govuk-footer__crown"[^>]*>[\s\S]*?<\/svg>/, '')
    .replace(/<svg\b[^>]*class="govuk-footer__licence-logo"[^>]*>[\s\S]*?<\/svg>/, '')
    .replace(
      /<div class="govuk-footer__meta-item">\s*<a\s+class="govuk-footer__link govuk-footer__copyright-logo"[\s\S]*?<\/a>\s*<\/div>/,
      '',
    )
  if (!licence?.text && !licence?.html) {
    result = result.replace(/<span class="govuk-footer__licence-description">[\s\S]*?<\/span>/, '')
  }
  return result
}

describe('footer partial (council footer: no crown, licence or copyright)', () => {
  const fixtures = loadFixtures('footer')

  it.each(fixtures.map((f) => [f.name, f] as const))(
    'matches the GOV.UK fixture without the crown parts: %s',
    async (_name, fixture) => {
      const html = await render('footer', fixture.options)
      expect(normaliseHtml(html)).toBe(normaliseHtml(withoutCrownParts(fixture.html, fixture.options)))
    },
  )

  it('has no crown, logo, Open Government Licence or Crown copyright by default', async () => {
    const html = await render('footer', {})
    expect(html).toContain('class="govuk-footer"')
    expect(html).not.toMatch(
      /<svg|govuk-footer__crown|licence-logo|copyright|Crown|Open Government Licence|nationalarchives/i,
    )
    expect(html).not.toContain('govuk-footer__licence-description')
  })

  it('ignores a copyright option', async () => {
    const html = await render('footer', { copyright: { text: '© Crown copyright' } })
    expect(html).not.toMatch(/copyright/i)
  })

  it('renders meta links and an optional content licence', async () => {
    const html = await render('footer', {
      meta: {
        items: [
          { href: '/accessibility', text: 'Accessibility statement' },
          { href: '/cookies', text: 'Cookies' },
        ],
      },
      contentLicence: { text: '© Example Borough Council' },
    })
    expect(normaliseHtml(html)).toContain(
      normaliseHtml(`
        <h2 class="govuk-visually-hidden">Support links</h2>
        <ul class="govuk-footer__inline-list">
          <li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="/accessibility"> Accessibility statement </a></li>
          <li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="/cookies"> Cookies </a></li>
        </ul>`),
    )
    expect(normaliseHtml(html)).toContain(
      normaliseHtml('<span class="govuk-footer__licence-description"> © Example Borough Council </span>'),
    )
    expect(html).not.toMatch(/<svg|Open Government Licence/)
  })
})

describe('generic-header partial (header for a service not on GOV.UK)', () => {
  it('shows the service logo text linking to the home page, with no crown or GOV.UK logo', async () => {
    const html = await render('generic-header', { logoText: 'Panel' })
    expect(normaliseHtml(html)).toBe(
      normaliseHtml(`
        <div class="govuk-generic-header">
          <div class="govuk-generic-header__container govuk-width-container">
            <div class="govuk-generic-header__logo">
              <a href="/" class="govuk-generic-header__homepage-link"> Panel </a>
            </div>
          </div>
        </div>`),
    )
    expect(html).not.toMatch(/<svg|crown|GOV\.UK|govuk-header/i)
  })

  it('uses a custom url', async () => {
    const html = await render('generic-header', { logoText: 'Panel', url: '/dashboard' })
    expect(html).toContain('href="/dashboard"')
  })
})

describe('escaping', () => {
  const script = '<script>alert("x")</script>'
  const escaped = '&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;'
  const cases: [string, Record<string, unknown>][] = [
    ['back-link', { text: script, href: script }],
    ['button', { text: script, name: script, value: script, href: undefined }],
    ['button', { text: script, href: script }],
    [
      'checkboxes',
      {
        name: script,
        hint: { text: script },
        errorMessage: { text: script },
        fieldset: { legend: { text: script } },
        items: [{ value: script, text: script, hint: { text: script } }],
      },
    ],
    [
      'date-input',
      {
        id: 'dob',
        namePrefix: 'dob',
        values: { day: script },
        fieldset: { legend: { text: script } },
        hint: { text: script },
        errorMessage: { text: script },
      },
    ],
    ['details', { summaryText: script, text: script }],
    ['error-message', { text: script, visuallyHiddenText: script }],
    [
      'error-summary',
      {
        titleText: script,
        descriptionText: script,
        errorList: [{ text: script, href: script }, { text: script }],
      },
    ],
    ['fieldset', { legend: { text: script } }],
    [
      'footer',
      {
        meta: { visuallyHiddenTitle: script, items: [{ href: script, text: script }], text: script },
        contentLicence: { text: script },
        navigation: [{ title: script, items: [{ href: script, text: script }] }],
      },
    ],
    ['generic-header', { logoText: script, url: script }],
    ['hint', { text: script }],
    [
      'input',
      {
        name: 'n',
        label: { text: script },
        hint: { text: script },
        errorMessage: { text: script },
        value: script,
        prefix: { text: script },
        suffix: { text: script },
      },
    ],
    ['inset-text', { text: script }],
    ['label', { text: script, for: script }],
    ['notification-banner', { titleText: script, text: script }],
    ['panel', { titleText: script, text: script }],
    ['phase-banner', { text: script, tag: { text: script } }],
    [
      'radios',
      {
        name: 'r',
        value: 'a',
        hint: { text: script },
        errorMessage: { text: script },
        fieldset: { legend: { text: script } },
        items: [{ value: script, text: script, hint: { text: script } }, { divider: script }],
      },
    ],
    ['select', { name: 's', label: { text: script }, items: [{ value: script, text: script }] }],
    [
      'service-navigation',
      {
        serviceName: script,
        serviceUrl: script,
        navigation: [{ href: script, text: script, current: true }],
      },
    ],
    ['skip-link', { text: script, href: script }],
    [
      'summary-list',
      {
        card: { title: { text: script } },
        rows: [
          {
            key: { text: script },
            value: { text: script },
            actions: { items: [{ href: script, text: script, visuallyHiddenText: script }] },
          },
        ],
      },
    ],
    [
      'table',
      {
        caption: script,
        head: [{ text: script }],
        rows: [[{ text: script }, { text: script }]],
        firstCellIsHeader: true,
      },
    ],
    ['tag', { text: script }],
    ['textarea', { name: 't', label: { text: script }, value: script }],
    ['warning-text', { text: script, iconFallbackText: script }],
  ]

  it.each(cases)('%s escapes text options', async (component, params) => {
    const html = await render(component, params)
    expect(html).toContain(escaped)
    expect(html).not.toContain('<script')
  })

  it('escapes the plain `text: <script>` case', async () => {
    expect(await render('button', { text: '<script>' })).toContain('&lt;script&gt;')
    expect(await render('tag', { text: '<script>' })).toContain('&lt;script&gt;')
  })

  it('escapes attribute names and values', async () => {
    const html = await render('button', { text: 'Save', attributes: { 'data-x': '"><script>', 'data-n': 3 } })
    expect(html).toContain('data-x="&#34;&gt;&lt;script&gt;"')
    expect(html).toContain('data-n="3"')
    expect(html).not.toContain('<script')
  })
})

describe('calling convention and file conventions', () => {
  it('renders when included from a page the documented way', () => {
    const page = [
      `<%- include('../../components/govuk/button', { params: { text: 'Save' } }) %>`,
      `<%- include('../../components/govuk/radios', { params: { name: 'decision', value: 'no', items: [{ value: 'yes', text: 'Yes' }, { value: 'no', text: 'No', conditional: { html: '<p>Why not?</p>' } }] } }) %>`,
    ].join('\n')
    const html = ejs.render(
      page,
      { params: { unrelated: true } },
      { filename: path.join(ROOT, 'views/pages/example/page.ejs') },
    )
    expect(html).toContain('<button type="submit" class="govuk-button" data-module="govuk-button">')
    expect(normaliseHtml(html)).toContain(
      normaliseHtml(
        '<input class="govuk-radios__input" id="decision-2" name="decision" type="radio" value="no" checked data-aria-controls="conditional-decision-2">',
      ),
    )
    expect(normaliseHtml(html)).toContain(
      normaliseHtml(
        '<div class="govuk-radios__conditional" id="conditional-decision-2"> <p>Why not?</p> </div>',
      ),
    )
  })

  const files = fs.readdirSync(PARTIALS_DIR).filter((f) => f.endsWith('.ejs'))

  it('has a partial for every component', () => {
    for (const component of [...COMPONENTS, 'footer']) expect(files).toContain(`${component}.ejs`)
  })

  it.each(files)('%s outputs unescaped only includes and html options, and says so at the top', (file) => {
    const source = fs.readFileSync(path.join(PARTIALS_DIR, file), 'utf8')
    if (file !== '_attributes.ejs')
      expect(source.split('\n')[0]).toMatch(/^<%#.*html.*never contain user text.*%>$/i)
    for (const [, expression = ''] of source.matchAll(/<%-\s*([\s\S]*?)\s*[-_]?%>/g)) {
      expect(expression).toMatch(/^include\(|(\.html|Html|^slots\.\w+)$/)
    }
  })
})
