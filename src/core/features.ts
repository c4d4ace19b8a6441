// The features an app can leave out of its build. A build plugin defines each flag from its options
// (src/build/defaults.ts): `false` where the options turn the feature off for the whole app, so the minifier drops its
// code; undefined (no plugin, the universal build, a direct import) keeps every feature. A call's own option cannot
// turn on what the build left out: it is rejected INVALID_ARGUMENT (docs/guide/production.md#features).
//
// The shipped build writes each read of a flag out in place as its `typeof` test (scripts/flags-in-place.ts, from the syntax tree):
// Taro's terser folds a constant only inside the module that tests it.

declare const __MP_SAVE_IMAGE_PRIVACY__: boolean
declare const __MP_SAVE_IMAGE_GUIDE__: boolean
declare const __MP_SAVE_IMAGE_CANVAS__: boolean
declare const __MP_SAVE_IMAGE_CONVERT__: boolean
declare const __MP_SAVE_IMAGE_VIDEO__: boolean

/** The host's privacy step on PRIVACY_NOT_AUTHORIZED (the `privacy` option). */
export const PRIVACY = typeof __MP_SAVE_IMAGE_PRIVACY__ === 'undefined' || __MP_SAVE_IMAGE_PRIVACY__
/** The guide on AUTH_DENIED: a modal, the settings page, one retry (the `guide` option). */
export const GUIDE = typeof __MP_SAVE_IMAGE_GUIDE__ === 'undefined' || __MP_SAVE_IMAGE_GUIDE__
/** Canvas sources (`canvas`, `canvasId`). */
export const CANVAS = typeof __MP_SAVE_IMAGE_CANVAS__ === 'undefined' || __MP_SAVE_IMAGE_CANVAS__

/** An image the host cannot save (an SVG, a format it refuses) redrawn on a 2D canvas (the `convert` option). */
export const CONVERT = typeof __MP_SAVE_IMAGE_CONVERT__ === 'undefined' || __MP_SAVE_IMAGE_CONVERT__

/** Videos: saveVideoToAlbum and saveMediaToAlbum (the `video` option, off unless `video: true`). */
export const VIDEO = typeof __MP_SAVE_IMAGE_VIDEO__ === 'undefined' || __MP_SAVE_IMAGE_VIDEO__

/** How a call that asks for a feature the build left out is told, in development. */
export const LEFT_OUT = 'the build plugin’s options leave out'
