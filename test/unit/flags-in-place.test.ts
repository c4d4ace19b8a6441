import { describe, expect, it } from 'vitest'
import { flagsInPlace } from '../../scripts/flags-in-place'

// The shipped build writes each read of a feature flag out in place (scripts/flags-in-place.ts), from the syntax tree.

const GLOBALS = new Map([
  ['GUIDE', '__G__'],
  ['VIDEO', '__V__'],
])
const FROM = /(^|\/)features$/
const G = '(typeof __G__ == "undefined" || __G__)'
const V = '(typeof __V__ == "undefined" || __V__)'
const rewrite = (code: string) => flagsInPlace(code, GLOBALS, FROM)

describe('flags written in place', () => {
  it('replaces every read, a spread and a shorthand property included, and drops the import', () => {
    const code = [
      'import { GUIDE, VIDEO } from "./features";',
      'export const a = GUIDE ? 1 : 2;',
      'export const b = { ...VIDEO && { v: 1 }, GUIDE };',
      'export const c = () => VIDEO;',
    ].join('\n')
    expect(rewrite(code)).toBe(
      [
        '',
        `export const a = ${G} ? 1 : 2;`,
        `export const b = { ...${V} && { v: 1 }, GUIDE: ${G} };`,
        `export const c = () => ${V};`,
      ].join('\n'),
    )
  })

  it('keeps a property of that name, a string, a comment and the other imports of the module', () => {
    const code = [
      'import { GUIDE, LEFT_OUT } from "../core/features";',
      '// GUIDE in a comment',
      'export const a = { GUIDE: x.GUIDE, s: "GUIDE", l: LEFT_OUT, g: GUIDE };',
    ].join('\n')
    expect(rewrite(code)).toBe(
      [
        'import { LEFT_OUT } from "../core/features";',
        '// GUIDE in a comment',
        `export const a = { GUIDE: x.GUIDE, s: "GUIDE", l: LEFT_OUT, g: ${G} };`,
      ].join('\n'),
    )
  })

  it('leaves a module that imports no flag as it is, and one from another module', () => {
    const code = 'import { GUIDE } from "./guide";\nexport const a = GUIDE;'
    expect(rewrite(code)).toBe(code)
  })

  it('refuses a declaration that would shadow a flag, rather than rewrite it wrongly', () => {
    const code = 'import { GUIDE } from "./features";\nexport function f(GUIDE) { return GUIDE }'
    expect(() => rewrite(code)).toThrow(/shadows the flag GUIDE/)
  })
})
