import type { DefaultTheme, UserConfig } from 'vitepress'
import { HOSTS } from '../../src/hosts'
import apiSidebar from '../en/api/reference/typedoc-sidebar.json'

// The host pages follow the host table (src/hosts.ts): a host's page is docs/hosts/<id>.md and docs/en/hosts/<id>.md.
// The API reference under en/api/reference/ is generated from the types by TypeDoc (npm run docs:api).

const GUIDE = [
  'getting-started',
  'sources',
  'permission',
  'privacy',
  'batch',
  'video',
  'h5-modes',
  'unsupported-targets',
  'production',
  'troubleshooting',
  'migration',
  'faq',
] as const
const GUIDE_NAMES: Record<(typeof GUIDE)[number], [string, string]> = {
  'getting-started': ['快速开始', 'Getting started'],
  sources: ['图片来源', 'Image sources'],
  permission: ['相册权限', 'Album permission'],
  privacy: ['隐私协议', 'Privacy agreement'],
  batch: ['批量保存', 'Batches'],
  video: ['保存视频', 'Videos'],
  'h5-modes': ['H5 浏览器', 'H5 browsers'],
  'unsupported-targets': ['没有适配器的构建目标', 'Targets without an adapter'],
  production: ['生产构建', 'Production builds'],
  troubleshooting: ['按错误码排查', 'Troubleshooting by error code'],
  migration: ['从 saveImageToPhotosAlbum 迁移', 'Migrating from saveImageToPhotosAlbum'],
  faq: ['常见问题', 'FAQ'],
}

const RECIPES = [
  'canvas-poster',
  'after-refusal',
  'wechat-privacy',
  'h5-long-press',
  'no-extension-android',
  'alipay-batch',
] as const
const RECIPE_NAMES: Record<(typeof RECIPES)[number], [string, string]> = {
  'canvas-poster': ['Canvas 海报直接保存', 'A canvas poster, saved'],
  'after-refusal': ['用户拒绝后再次保存', 'Saving again after a refusal'],
  'wechat-privacy': ['接入微信隐私弹窗', 'Wiring the WeChat privacy popup'],
  'h5-long-press': ['H5：长按保存浮层', 'H5: the long-press overlay'],
  'no-extension-android': ['无扩展名文件在安卓“保存成功”却找不到', 'Extension-less files on Android'],
  'alipay-batch': ['支付宝连续保存只回调一次', 'Alipay: back-to-back saves'],
}

function sidebar(lang: 0 | 1, prefix: string): DefaultTheme.Sidebar {
  return [
    {
      text: lang ? 'Guide' : '指南',
      items: GUIDE.map((page) => ({ text: GUIDE_NAMES[page][lang], link: `${prefix}/guide/${page}` })),
    },
    {
      text: lang ? 'Hosts' : '宿主',
      collapsed: false,
      items: [
        { text: lang ? 'Overview' : '总览', link: `${prefix}/hosts/` },
        ...HOSTS.map((host) => ({
          text: `${lang ? host.name : host.zh} ${host.id}`,
          link: `${prefix}/hosts/${host.id}`,
        })),
      ],
    },
    {
      text: lang ? 'Recipes' : '实践',
      items: RECIPES.map((page) => ({ text: RECIPE_NAMES[page][lang], link: `${prefix}/recipes/${page}` })),
    },
    {
      text: lang ? 'Reference' : '参考',
      items: [
        { text: 'API', link: `${prefix}/api/`, items: apiSidebar, collapsed: true },
        { text: lang ? 'Testing' : '测试', link: `${prefix}/testing` },
        { text: lang ? 'Benchmarks' : '基准', link: `${prefix}/benchmarks` },
      ],
    },
  ]
}

function nav(lang: 0 | 1, prefix: string): DefaultTheme.NavItem[] {
  return [
    { text: lang ? 'Guide' : '指南', link: `${prefix}/guide/getting-started`, activeMatch: `^${prefix}/guide/` },
    { text: lang ? 'Hosts' : '宿主', link: `${prefix}/hosts/`, activeMatch: `^${prefix}/hosts/` },
    { text: lang ? 'Recipes' : '实践', link: `${prefix}/recipes/canvas-poster`, activeMatch: `^${prefix}/recipes/` },
    { text: 'API', link: `${prefix}/api/`, activeMatch: `^${prefix}/api/` },
    { text: lang ? 'Testing' : '测试', link: `${prefix}/testing` },
    { text: lang ? 'Benchmarks' : '基准', link: `${prefix}/benchmarks` },
  ]
}

const config: UserConfig<DefaultTheme.Config> = {
  title: 'mp-save-image',
  description:
    'One call to save an image to the photo album on every mini-program host, the uni-app App and the browser.',
  cleanUrls: false,
  lastUpdated: false,
  // the one chunk over Vite's 500 kB is the English pages' local search index (the generated API reference makes it
  // large): fetched only when a reader opens the search box; every page's own chunk is under 30 kB
  vite: { build: { chunkSizeWarningLimit: 600 } },
  themeConfig: {
    search: { provider: 'local' },
  },
  locales: {
    root: {
      label: '简体中文',
      lang: 'zh-CN',
      description: '一个调用，把图片保存到每个小程序宿主、uni-app App 和浏览器的相册。',
      themeConfig: {
        nav: nav(0, ''),
        sidebar: sidebar(0, ''),
        outline: { level: [2, 3], label: '本页目录' },
        docFooter: { prev: '上一页', next: '下一页' },
        darkModeSwitchLabel: '外观',
        sidebarMenuLabel: '菜单',
        returnToTopLabel: '回到顶部',
      },
    },
    en: {
      label: 'English',
      lang: 'en-US',
      link: '/en/',
      themeConfig: {
        nav: nav(1, '/en'),
        sidebar: sidebar(1, '/en'),
        outline: { level: [2, 3] },
      },
    },
  },
}

export default config
