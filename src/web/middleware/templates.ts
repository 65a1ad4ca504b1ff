import fs from 'node:fs'
import ejs from 'ejs'

type Locals = Record<string, unknown>
type Include = (name: string, data?: Locals) => string
type TemplateFunction = (locals: Locals) => string

/**
 * An Express view engine over EJS that compiles each template once and resolves each include()
 * path once. EJS's own include() copies its options and the data and checks the file exists on
 * disk (fs.existsSync) at every call, even with its cache on: on a page of many GOV.UK partials that
 * was a sixth of the CPU under load. Here each template's `include` comes from its locals, and an
 * include's locals inherit from the includer's data through the prototype chain instead of being
 * copied. The chain ends in a null-prototype object (as EJS's own copies do), so nothing on
 * Object.prototype can stand in for a template variable.
 *
 * With `cache` off (development) templates are read and compiled again on every render, so an
 * edited view shows at once.
 */
export function cachingEjsEngine(viewsDir: string) {
  const compiled = new Map<string, TemplateFunction>()
  const resolved = new Map<string, string>()

  function compile(file: string, cache: boolean): TemplateFunction {
    const hit = cache ? compiled.get(file) : undefined
    if (hit) return hit
    const source = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '')
    // Our locals never reach Object.prototype (see above), so EJS need not copy them to be safe.
    // (EJS 7's option; @types/ejs describes EJS 3.)
    const options = { filename: file, unsafePrototypeLocals: true } as ejs.Options
    const fn = ejs.compile(source, options) as TemplateFunction
    if (cache) compiled.set(file, fn)
    return fn
  }

  /** As EJS resolves a relative include: beside the including file first, then in the views folder. */
  function resolveInclude(from: string, name: string, cache: boolean): string {
    const key = `${from}\0${name}`
    const hit = cache ? resolved.get(key) : undefined
    if (hit) return hit
    const beside = ejs.resolveInclude(name, from)
    const file = fs.existsSync(beside) ? beside : ejs.resolveInclude(name, viewsDir, true)
    if (!fs.existsSync(file)) throw new Error(`Could not find the include file "${name}" from ${from}`)
    if (cache) resolved.set(key, file)
    return file
  }

  function render(file: string, data: Locals, cache: boolean): string {
    // The template's own assignments land on `locals`, never on the data its includes see.
    const locals = Object.create(data) as Locals
    const include: Include = (name, extra) => {
      const child = Object.create(data) as Locals
      if (extra) Object.assign(child, extra)
      return render(resolveInclude(file, name, cache), child, cache)
    }
    locals.include = include
    return compile(file, cache)(locals)
  }

  return (file: string, options: object, callback: (error: unknown, html?: string) => void): void => {
    const data = Object.assign(Object.create(null) as Locals, options)
    let html: string
    try {
      html = render(file, data, data.cache === true)
    } catch (error) {
      return callback(error)
    }
    callback(null, html)
  }
}
