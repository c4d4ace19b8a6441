import { HOSTS, type Host } from '../hosts'

// The runtime entries, generated from the host table into src/entries/ (`npm run entries`, which `npm run build` runs
// first; test/unit/hosts.test.ts fails while they are out of date): one per host, bound to its adapter alone, and the
// universal one, which finds its host at run time among all of them. They are real modules: the build, the size
// variants and the bench import them.

/** Where a host's built entry lives in dist/ (and dist/prod/): `mp-save-image/<id>` resolves there. */
export const entryFile = (id: string) => `hosts/${id}`

/** The folder of the generated entries, and each entry's file there: a host's id, or `index` for the universal one. */
export const ENTRIES_DIR = 'src/entries'
export const entrySource = (name: string) => `${ENTRIES_DIR}/${name}.ts`

const HEADER = '// Generated from src/hosts.ts by src/build/entries.ts (npm run entries): do not edit.'
const adapterOf = (host: Host) => `'../../platforms/${host.adapter}'`

/** The API over one core, one export per function, each made by a pure call so an app tree-shakes what it does not import. */
function api(resolveAdapter: string, findHost = false): string {
  const names = ['albumSetting', 'batchSave', 'createCore', ...(findHost ? ['findHost'] : []), 'mediaSave']
  return [
    `import { ${[...names, 'singleSave', 'videoSave'].join(', ')} } from '../core/api'`,
    '',
    "export * from '../core/public'",
    '',
    `const core = /* @__PURE__ */ createCore(${resolveAdapter})`,
    'export const saveImageToAlbum = /* @__PURE__ */ singleSave(core)',
    'export const saveImagesToAlbum = /* @__PURE__ */ batchSave(core)',
    'export const saveVideoToAlbum = /* @__PURE__ */ videoSave(core)',
    'export const saveMediaToAlbum = /* @__PURE__ */ mediaSave(core)',
    'export const openAlbumSetting = /* @__PURE__ */ albumSetting(core)',
    '',
  ].join('\n')
}

/**
 * `mp-save-image/<id>`: the API bound to one host; it holds no other host's adapter, but for its `fallback`'s, which
 * takes over where the host's global is missing at run time.
 */
function hostEntry(host: Host): string {
  const fallback = host.fallback && HOSTS.find((other) => other.id === host.fallback)
  if (!fallback) return [HEADER, `import { adapter } from ${adapterOf(host)}`, api('() => adapter')].join('\n')
  return [
    HEADER,
    `import { adapter as own } from ${adapterOf(host)}`,
    `import { adapter as fallback } from ${adapterOf(fallback)}`,
    api('/* @__PURE__ */ findHost([{ adapter: own }, { adapter: fallback }])', true),
  ].join('\n')
}

/**
 * `mp-save-image` without a plugin: every adapter, the host found at call time in the table's detection order. The
 * build plugins point the bare import at the built host's entry instead.
 */
function universalEntry(): string {
  const hosts: readonly Host[] = HOSTS
  const imports = hosts.map(
    (host, i) =>
      `import { adapter as a${i}${host.sharesGlobal ? `, isThisHost as t${i}` : ''} } from ${adapterOf(host)}`,
  )
  const modules = hosts.map((host, i) => `  { adapter: a${i}${host.sharesGlobal ? `, isThisHost: t${i}` : ''} },`)
  return [
    HEADER,
    ...imports,
    api(`/* @__PURE__ */ findHost(modules)`, true).replace(
      '\nexport *',
      `\nconst modules = [\n${modules.join('\n')}\n]\n\nexport *`,
    ),
  ].join('\n')
}

/** Every generated entry: its file (from the repository's root) → its code. */
export function entrySources(): Record<string, string> {
  return {
    [entrySource('index')]: universalEntry(),
    ...Object.fromEntries(HOSTS.map((host) => [entrySource(host.id), hostEntry(host)])),
  }
}
