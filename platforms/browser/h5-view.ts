// The H5 adapter's DOM: the long-press overlay and the loading toast (docs/en/hosts/h5.md#quirks).

const DEFAULT_HINT = '长按图片保存到相册'
const TOP = 'position:fixed;z-index:2147483647;'
const ROOT_CSS = `${TOP}top:0;right:0;bottom:0;left:0;overflow-y:auto;-webkit-overflow-scrolling:touch;background:rgba(0,0,0,.92);display:flex;flex-direction:column;align-items:center;padding:56px 16px 24px;box-sizing:border-box`
// Apps often switch the long-press menu off page-wide; the image must keep it.
const IMG_CSS =
  'display:block;max-width:100%;max-height:78vh;margin:0 auto;-webkit-touch-callout:default;-webkit-user-select:auto;user-select:auto;pointer-events:auto'
const BUTTON_CSS = 'border:0;cursor:pointer;font-size:16px;color:#fff;'

interface Overlay {
  list: HTMLElement
  close(): void
}

let overlay: Overlay | null = null
let toast: HTMLElement | null = null

function element<K extends keyof HTMLElementTagNameMap>(tag: K, css: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag)
  node.style.cssText = css
  if (text) node.textContent = text
  return node
}

function openOverlay(hint: string): Overlay {
  const root = element('div', ROOT_CSS)
  root.className = 'msi-overlay'
  const title = element('p', 'color:#fff;font-size:16px;margin:0 0 16px;text-align:center', hint)
  title.id = `msi-hint-${Date.now().toString(36)}`
  root.setAttribute('role', 'dialog')
  root.setAttribute('aria-modal', 'true')
  root.setAttribute('aria-labelledby', title.id)
  const shut = element(
    'button',
    `${BUTTON_CSS}${TOP}top:8px;right:8px;width:44px;height:44px;padding:0;font-size:30px;line-height:44px;background:transparent`,
    '×',
  )
  shut.type = 'button'
  shut.setAttribute('aria-label', '关闭')
  const list = element('div', 'width:100%')
  root.append(title, list, shut)

  const returnTo = document.activeElement
  const scroll = document.body.style.overflow
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') close()
  }
  function close() {
    root.remove()
    document.removeEventListener('keydown', onKey)
    document.body.style.overflow = scroll
    overlay = null
    if (returnTo instanceof HTMLElement && returnTo.isConnected) returnTo.focus()
  }
  // A tap anywhere but on an image closes it: the backdrop, the hint, the close button.
  root.addEventListener('click', (event) => {
    if (!(event.target instanceof HTMLImageElement)) close()
  })
  document.addEventListener('keydown', onKey)
  document.body.style.overflow = 'hidden'
  document.body.appendChild(root)
  shut.focus()
  return (overlay = { list, close })
}

/**
 * Shows `src` in the overlay for long-press / right-click saving. One overlay at a time: while it is
 * open, further images join it (a batch shows one list). `shown` is called once the image has loaded,
 * or with the error event when it cannot be. `share`, when given, puts a "保存图片" button under the
 * image whose tap shares the ready file (the tap is the user activation a share needs).
 */
export function showImage(
  src: string,
  hint: string | undefined,
  shown: (error?: Event) => void,
  share?: () => Promise<unknown>,
): void {
  const view = overlay || openOverlay(hint || DEFAULT_HINT)
  const figure = element('figure', 'margin:0 0 20px;text-align:center')
  const img = element('img', IMG_CSS)
  img.alt = hint || DEFAULT_HINT
  img.addEventListener('load', () => shown())
  img.addEventListener('error', (event) => {
    figure.remove()
    if (!view.list.children.length) view.close()
    shown(event)
  })
  figure.appendChild(img)
  if (share) {
    const button = element(
      'button',
      `${BUTTON_CSS}margin-top:12px;padding:10px 28px;border-radius:22px;background:#07c160`,
      '保存图片',
    )
    button.type = 'button'
    button.addEventListener('click', (event) => {
      event.stopPropagation()
      share().then(view.close, () => undefined)
    })
    figure.appendChild(button)
  }
  view.list.appendChild(figure)
  img.src = src
}

export function showToast(title: string): void {
  hideToast()
  toast = element(
    'div',
    `${TOP}left:50%;top:50%;transform:translate(-50%,-50%);padding:12px 20px;border-radius:8px;background:rgba(0,0,0,.72);color:#fff;font-size:15px`,
    title,
  )
  toast.setAttribute('role', 'status')
  document.body.appendChild(toast)
}

export function hideToast(): void {
  if (toast) toast.remove()
  toast = null
}
