// test/apps/uni-vue2 (uni's Vue 2 CLI template, vue-cli 4 and webpack 4, with mp-save-image/webpack) built by its own
// npm scripts, and the same app as HBuilderX shapes and builds a Vue 2 project (docs/en/guide/getting-started.md#hbuilderx).
import { cpSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { root } from '../../harness/examples'
import { cleanEnv, runBuild, type UniBuildResult } from './build'

export const VUE2_APP = join(root, 'test', 'apps', 'uni-vue2')

/**
 * `npm run build:<target>` in the Vue 2 app, into its dist/e2e/<target>; a custom script of its package.json
 * ("uni-app".scripts, DingTalk's) through `npm run build:custom <script>`, as uni documents it.
 */
export function vue2Build(target: string, custom = false): Promise<UniBuildResult> {
  const dir = join(VUE2_APP, 'dist', 'e2e', target)
  const args = custom ? ['run', 'build:custom', target] : ['run', `build:${target}`]
  return runBuild('npm', args, { cwd: VUE2_APP, env: cleanEnv({ UNI_OUTPUT_DIR: dir }), dir })
}

const HBUILDERX = join(root, '.tmp', 'hbuilderx-vue2')
/** HBuilderX's Vue 2 compiler: plugins/uniapp-cli, vue-cli and uni's webpack packages in its own node_modules. */
const CLI_DIR = join(HBUILDERX, 'app', 'plugins', 'uniapp-cli')
export const HBUILDERX_VUE2_PROJECT = join(HBUILDERX, 'project')

/**
 * The Vue 2 app as HBuilderX makes a project: the sources at the root (no src/), vue.config.js beside them, and a
 * package.json that only names mp-save-image, installed from npm into the project's node_modules. HBuilderX's own
 * uniapp-cli folder holds the compiler and the build's babel and postcss configs.
 */
export function hbuilderxVue2Project(): string {
  rmSync(HBUILDERX, { recursive: true, force: true })
  mkdirSync(HBUILDERX_VUE2_PROJECT, { recursive: true })
  cpSync(join(VUE2_APP, 'src'), HBUILDERX_VUE2_PROJECT, { recursive: true })
  cpSync(join(VUE2_APP, 'vue.config.js'), join(HBUILDERX_VUE2_PROJECT, 'vue.config.js'))
  writeFileSync(
    join(HBUILDERX_VUE2_PROJECT, 'package.json'),
    `${JSON.stringify({ name: 'hbuilderx-vue2-project', version: '1.0.0', dependencies: { 'mp-save-image': '*' } }, null, 2)}\n`,
  )
  const modules = join(HBUILDERX_VUE2_PROJECT, 'node_modules')
  mkdirSync(modules)
  symlinkSync(join(VUE2_APP, 'node_modules', 'mp-save-image'), join(modules, 'mp-save-image'), 'dir')

  mkdirSync(join(CLI_DIR, 'bin'), { recursive: true })
  symlinkSync(join(VUE2_APP, 'node_modules'), join(CLI_DIR, 'node_modules'), 'dir')
  for (const file of readdirSync(VUE2_APP).filter((name) => /^(babel|postcss)\.config\.js$|^package\.json$/.test(name)))
    cpSync(join(VUE2_APP, file), join(CLI_DIR, file))
  // the entry HBuilderX runs, as uni publishes it for HBuilderX (https://github.com/dcloudio/uni-app/blob/94b234c91a9a77b3d4419fd0d85114298ce9709f/packages/vue-cli-plugin-hbuilderx/template/bin/uniapp-cli.js)
  cpSync(
    join(VUE2_APP, 'node_modules', '@dcloudio', 'vue-cli-plugin-hbuilderx', 'template', 'bin', 'uniapp-cli.js'),
    join(CLI_DIR, 'bin', 'uniapp-cli.js'),
  )
  return HBUILDERX_VUE2_PROJECT
}

/**
 * Builds the project as HBuilderX runs its Vue 2 compiler: node bin/uniapp-cli.js from the compiler's folder, with
 * UNI_INPUT_DIR naming the project, UNI_OUTPUT_DIR its unpackage/dist/build/<target>, and vue-cli pointed at the
 * project's vue.config.js (VUE_CLI_SERVICE_CONFIG_PATH, which vue-cli's Service.js reads: https://github.com/vuejs/vue-cli/blob/0212f2791cc7a26e480d2799a7077217b255d0f5/packages/@vue/cli-service/lib/Service.js).
 */
export function hbuilderxVue2Build(project: string, target: string): Promise<UniBuildResult> {
  const dir = join(project, 'unpackage', 'dist', 'build', target)
  const env = cleanEnv({
    NODE_ENV: 'production',
    UNI_PLATFORM: target,
    UNI_INPUT_DIR: project,
    UNI_OUTPUT_DIR: dir,
    UNI_CLI_CONTEXT: CLI_DIR,
    VUE_CLI_SERVICE_CONFIG_PATH: join(project, 'vue.config.js'),
  })
  return runBuild(process.execPath, [join(CLI_DIR, 'bin', 'uniapp-cli.js')], { cwd: CLI_DIR, env, dir })
}
