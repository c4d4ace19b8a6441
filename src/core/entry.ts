/**
 * `mp-save-image` (and every host entry, `mp-save-image/<id>`): save an image or a video to the photo album.
 *
 * @module mp-save-image
 */
import type { SaveImageApi } from './types'

// The declarations of every runtime entry, the universal one and each host's (src/build/entries.ts generates their
// code): the same API wherever it is bound.

export * from './public'
export declare const saveImageToAlbum: SaveImageApi['saveImageToAlbum']
export declare const saveImagesToAlbum: SaveImageApi['saveImagesToAlbum']
export declare const saveVideoToAlbum: SaveImageApi['saveVideoToAlbum']
export declare const saveMediaToAlbum: SaveImageApi['saveMediaToAlbum']
export declare const openAlbumSetting: SaveImageApi['openAlbumSetting']
