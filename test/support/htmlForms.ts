import { decode } from './formPages'

/** The forms on a rendered page, read well enough to post them back as a browser would. */

export interface FoundForm {
  /** Where it posts: the form's action, or an htmx hx-post inside it. */
  action: string
  /** Each field's values as the page fills them in (one for most, several for ticked checkboxes). */
  fields: Record<string, string[]>
  /** Fields a person types into: text boxes and text areas. */
  typed: string[]
}

function attributes(tag: string): Record<string, string> {
  const found: Record<string, string> = {}
  for (const m of tag.matchAll(/([\w:-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    found[m[1]!.toLowerCase()] = decode(m[2] ?? m[3] ?? m[4] ?? '')
  }
  return found
}

const TYPED_INPUTS = new Set(['text', 'email', 'tel', 'search', 'url', 'number', 'password', ''])

function fieldsOf(html: string): { fields: Record<string, string[]>; typed: string[] } {
  const fields: Record<string, string[]> = {}
  const typed: string[] = []
  const add = (name: string, value: string) => (fields[name] ??= []).push(value)
  const radiosSeen = new Set<string>()
  for (const m of html.matchAll(/<input\b([^>]*)>/g)) {
    const a = attributes(m[1]!)
    const name = a.name
    if (!name || 'disabled' in a) continue
    const type = (a.type ?? '').toLowerCase()
    if (type === 'submit' || type === 'button' || type === 'file' || type === 'image') continue
    if (type === 'checkbox') {
      fields[name] ??= []
      if ('checked' in a) add(name, a.value ?? 'on')
    } else if (type === 'radio') {
      if ('checked' in a) fields[name] = [a.value ?? 'on']
      else if (!radiosSeen.has(name)) fields[name] ??= [a.value ?? 'on']
      radiosSeen.add(name)
    } else {
      add(name, a.value ?? '')
      // A `hidden` text box (the username beside a new password, for password managers) is typed by no one.
      if (TYPED_INPUTS.has(type) && !('hidden' in a) && !typed.includes(name)) typed.push(name)
    }
  }
  for (const m of html.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) {
    const name = attributes(m[1]!).name
    if (!name) continue
    add(name, decode(m[2]!).replace(/^\n/, ''))
    if (!typed.includes(name)) typed.push(name)
  }
  for (const m of html.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
    const name = attributes(m[1]!).name
    if (!name) continue
    const options = [...m[2]!.matchAll(/<option\b([^>]*)>([^<]*)/g)].map((o) => attributes(o[1]!))
    const chosen = options.find((o) => 'selected' in o) ?? options[0]
    add(name, chosen?.value ?? '')
  }
  // Only empty lists of ticked boxes are dropped: a browser sends nothing for them.
  for (const [name, values] of Object.entries(fields)) if (values.length === 0) delete fields[name]
  return { fields, typed }
}

/** Every form that posts, and every htmx post inside one, with the fields it would send. */
export function formsIn(html: string): FoundForm[] {
  const forms: FoundForm[] = []
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const a = attributes(m[1]!)
    const inner = m[2]!
    const { fields, typed } = fieldsOf(inner)
    const actions = new Set<string>()
    if ((a.method ?? 'get').toLowerCase() === 'post' && a.action) actions.add(a.action)
    if (a['hx-post']) actions.add(a['hx-post'])
    for (const hx of inner.matchAll(/\s(?:hx-post|formaction)="([^"]+)"/g)) actions.add(decode(hx[1]!))
    // A submit button's own name and value are sent with the form (the agenda's "up" and "down").
    for (const b of inner.matchAll(/<button\b([^>]*)>/g)) {
      const ba = attributes(b[1]!)
      if (ba.name && fields[ba.name] === undefined) fields[ba.name] = [ba.value ?? '']
    }
    for (const action of actions) forms.push({ action, fields, typed })
  }
  return forms
}
