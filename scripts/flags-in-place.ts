import { parseAst } from 'rollup/parseAst'
import type { Plugin } from 'rollup'

/** An ESTree node as rollup's parser gives it: its type, its range, its children under any key. */
interface Node {
  type: string
  start: number
  end: number
  [key: string]: unknown
}

const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && typeof (value as Node).type === 'string'

/** The nodes under a node, in source order, with the key each hangs from. */
function* children(node: Node): Generator<[string, Node]> {
  for (const key of Object.keys(node)) {
    const value = node[key]
    if (Array.isArray(value)) for (const item of value) if (isNode(item)) yield [key, item]
    if (isNode(value)) yield [key, value]
  }
}

/** An identifier that names something other than a binding in scope: a property (`a.FLAG`, `{ FLAG: 1 }`), a label. */
function isName(parent: Node, key: string): boolean {
  if (parent.type === 'MemberExpression') return key === 'property' && !parent.computed
  if (parent.type === 'Property' || parent.type === 'MethodDefinition' || parent.type === 'PropertyDefinition')
    return key === 'key' && !parent.computed && !parent.shorthand
  return parent.type.startsWith('Labeled') || parent.type === 'BreakStatement' || parent.type === 'ContinueStatement'
}

/** A node that declares a name of its own: a flag's name there would shadow the import, which this rewrite refuses. */
const DECLARES =
  /^(VariableDeclarator|FunctionDeclaration|FunctionExpression|ArrowFunctionExpression|ClassDeclaration|CatchClause)$/

/**
 * Writes each read of an imported feature flag out as the `typeof` test of its global, and drops the import: the code
 * is parsed, so a flag's name in a string, a comment or a property is left alone, a spread or a shorthand property is a
 * read, and a module that declares a name of a flag's own fails the build rather than being rewritten wrongly.
 * `globals` maps a flag's name to its global; `from` tells the flags' module from an import's source.
 */
export function flagsInPlace(code: string, globals: ReadonlyMap<string, string>, from: RegExp): string {
  const program = parseAst(code) as unknown as Node
  const edits: Array<[start: number, end: number, text: string]> = []
  const flags = new Map<string, string>()
  for (const [, statement] of children(program)) {
    if (statement.type !== 'ImportDeclaration' || !from.test(String((statement.source as Node).value))) continue
    const specifiers = statement.specifiers as Node[]
    const kept = specifiers.filter((specifier) => {
      const imported = specifier.imported as Node | undefined
      const global = imported && globals.get(String(imported.name))
      if (global) flags.set(String((specifier.local as Node).name), global)
      return !global
    })
    const source = code.slice((statement.source as Node).start, (statement.source as Node).end)
    const names = kept.map((specifier) => code.slice(specifier.start, specifier.end)).join(', ')
    edits.push([statement.start, statement.end, kept.length ? `import { ${names} } from ${source};` : ''])
  }
  if (!flags.size) return code
  const visit = (node: Node) => {
    for (const [key, child] of children(node)) {
      if (node.type === 'ImportDeclaration') return
      if (child.type === 'Identifier' && flags.has(String(child.name))) {
        const name = String(child.name)
        if (DECLARES.test(node.type) && key !== 'init' && key !== 'body')
          throw new Error(`flags-in-place: a declaration of its own shadows the flag ${name}`)
        if (isName(node, key)) continue
        // `{ FLAG }`: its key and value are one range; the value is written out under the key
        if (node.type === 'Property' && node.shorthand && key === 'key') continue
        const test = `(typeof ${flags.get(name)} == "undefined" || ${flags.get(name)})`
        edits.push([child.start, child.end, node.type === 'Property' && node.shorthand ? `${name}: ${test}` : test])
      } else visit(child)
    }
  }
  visit(program)
  let out = code
  for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + text + out.slice(end)
  return out
}

/**
 * The rollup plugin: each read of a feature flag (src/core/features.ts) written out in place in the shipped code, as
 * the `typeof` test of its global. A bundler defines the global in each module, and a minifier folds the test and drops
 * the feature's code there and then: Taro's terser (no `reduce_vars`) never folds a constant imported from another
 * module, so an imported flag would leave every feature in a Taro app.
 */
export function flagsInPlacePlugin(globals: ReadonlyMap<string, string>): Plugin {
  const from = /(^|\/)features$/
  return {
    name: 'flags-in-place',
    transform(code, id) {
      // the flags' own module: nothing reads them from it any more, and reading a global is no side effect to keep
      if (id.endsWith('/src/core/features.ts')) return { code, map: null, moduleSideEffects: false }
      const out = flagsInPlace(code, globals, from)
      return out === code ? null : { code: out, map: null }
    },
  }
}
