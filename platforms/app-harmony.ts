import type { HostAdapter } from '../src/core/adapter'
import { always, createCallbackHostAdapter, type CallbackHost } from './kit/callback-host'

// HarmonyOS NEXT apps built by uni-app (`uni build -p app-harmony`): docs/en/hosts/app-harmony.md. uni's own source
// is the evidence [O]. An app gets no album permission there: uni.saveImageToPhotosAlbum opens the system's save
// dialog (showAssetsCreationDialog), whose album title is the file's base name before its first `.`, so the file
// handed over is ours, `msi-<unique>.<ext>`. No permission to deny, no settings page: no guide, no openSetting.

declare const uni: CallbackHost | undefined

const host = () => (typeof uni === 'undefined' ? undefined : uni)

export const adapter: HostAdapter = createCallbackHostAdapter({
  platform: 'app-harmony',
  host,
  noSettingsPage: true,
  localPrefixes: ['file://', 'internal://'],
  // uni's downloadFile writes to the filePath it is given (uni-network app-harmony/network/downloadFile.uts [O]);
  // without one it names the file from Content-Disposition or the URL (`image.php` would become an album title
  // `image` of type `php`)
  downloadsToFile: always,
  codeFields: ['errCode'],
  // uni-media utssdk/unierror.uts [O]: 1101001 the user closed the dialog, 1101003 file not found, 1101005 no
  // permission, 1101006 the dialog answered a URI that is not file://, 1101010 unexpected
  codes: {
    1101001: 'USER_CANCELLED',
    1101003: 'FILE_NOT_FOUND',
    1101005: 'SYSTEM_PERMISSION_DENIED',
    1101006: 'UNKNOWN',
    1101010: 'UNKNOWN',
  },
})

/**
 * The `uni` global is HarmonyOS NEXT's, not the Android / iOS App's (which also has `uni` and `plus`): uni's
 * getSystemInfoSync there reports `osName: 'harmonyos'` (uni-getSystemInfo app-harmony/index.uts [O]).
 */
export function isThisHost(): boolean {
  const h = host()
  try {
    return !!h && !!h.getSystemInfoSync && h.getSystemInfoSync().osName === 'harmonyos'
  } catch {
    return false
  }
}
