/**
 * Characters no answer may hold: the C0 controls (NUL among them, which PostgreSQL cannot store in
 * text), DEL and the C1 controls. Text pasted from another program can bring them in (a word
 * processor's vertical tab for a line break), and in letters, e-mails and calendar files they would
 * break lines or hide text. A multi-line answer may keep tabs and line breaks.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const SINGLE_LINE_REFUSED = /[\u0000-\u001f\u007f-\u009f]/
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const MULTI_LINE_REFUSED = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/

export function hasControlCharacters(value: string, multiLine: boolean): boolean {
  return (multiLine ? MULTI_LINE_REFUSED : SINGLE_LINE_REFUSED).test(value)
}

/** The message by a field holding them; `label` names the field as its other messages do. */
export function controlCharactersMessage(label: string): string {
  return `${label} must not contain hidden control characters. Retype any text you pasted in`
}
