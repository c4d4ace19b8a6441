import { HOSTS, type Host } from '../hosts'

// The runtime entries, generated from the host table when the package is built: one per host, bound to its
// adapter alone, and the universal one, which finds its host at run time among all of them.

/** Where a host's built entry lives in dist/ (and dist/prod/): `mp-save-image/<id>` resolves there. */
export const entryFile = (id: string) => `hosts/${id}`

const adapterOf = (root: string, host: Host) => JSON.stringify(`${root}/platforms/${host.adapter}.ts`)

/** The API over one core, one export per function, each made by a pure call so an app tree-shakes what it does not import. */
function api(root: string, resolveAdapter: string): string {
  return [
    `import { albumSetting, batchSave, createCore, mediaSave, singleSave, videoSave } from ${JSON.stringify(`${root}/src/core/api.ts`)}`,
    `export * from ${JSON.stringify(`${root}/src/core/public.ts`)}`,
    `const core = /* @__PURE__ */ createCore(${resolveAdapter})`,
    'export const saveImageToAlbum = /* @__PURE__ */ singleSave(core)',
    'export const saveImagesToAlbum = /* @__PURE__ */ batchSave(core)',
    'export const saveVideoToAlbum = /* @__PURE__ */ videoSave(core)',
    'export const saveMediaToAlbum = /* @__PURE__ */ mediaSave(core)',
    'export const openAlbumSetting = /* @__PURE__ */ albumSetting(core)',
  ].join('\n')
}

/**
 * `mp-save-image/<id>`: the API bound to one host; it holds no other host's adapter, but for its `fallback`'s, which
 * takes over where the host's global is missing at run time.
 */
export function hostEntry(root: string, host: Host): string {
  const fallback = host.fallback && HOSTS.find((other) => other.id === host.fallback)
  if (!fallback) return `import { adapter } from ${adapterOf(root, host)}\n${api(root, '() => adapter')}`
  return [
    `import { adapter as own } from ${adapterOf(root, host)}`,
    `import { adapter as fallback } from ${adapterOf(root, fallback)}`,
    `import { findHost } from ${JSON.stringify(`${root}/src/core/api.ts`)}`,
    api(root, '/* @__PURE__ */ findHost([{ adapter: own }, { adapter: fallback }])'),
  ].join('\n')
}

/**
 * `mp-save-image` without a plugin: every adapter, the host found at call time in the table's detection order. The
 * build plugins point the bare import at the built host's entry instead.
 */
export function universalEntry(root: string): string {
  const hosts: readonly Host[] = HOSTS
  const imports = hosts.map(
    (host, i) =>
      `import { adapter as a${i}${host.sharesGlobal ? `, isThisHost as t${i}` : ''} } from ${adapterOf(root, host)}`,
  )
  const modules = hosts.map((host, i) => `{ adapter: a${i}${host.sharesGlobal ? `, isThisHost: t${i}` : ''} }`)
  const findHost = `import { findHost } from ${JSON.stringify(`${root}/src/core/api.ts`)}`
  return [...imports, findHost, api(root, `/* @__PURE__ */ findHost([${modules.join(', ')}])`)].join('\n')
}
