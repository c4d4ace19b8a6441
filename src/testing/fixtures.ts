import { base64ToBytes, bytesToBase64, utf8Encode } from './bytes'

/** 1×1 images made with Pillow and checked to decode; base64 keeps them readable here. */
const SOURCES = {
  png: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR42mP4z8AAAAMBAQD3A0FDAAAAAElFTkSuQmCC',
  jpeg: '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAAAP/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AP//Z',
  gif: 'R0lGODdhAQABAIEAAP8AAAAAAAAAAAAAACwAAAAAAQABAAAIBAABBAQAOw==',
  webp: 'UklGRhwAAABXRUJQVlA4TA8AAAAvAAAAAAcQ/Y/+ByKi/wEA',
  bmp: 'Qk06AAAAAAAAADYAAAAoAAAAAQAAAAEAAAABABgAAAAAAAQAAADEDgAAxA4AAAAAAAAAAAAAAAD/AA==',
}
// The head of an MP4 and of a MOV: the `ftyp` box every host reads to tell the container, then an empty `mdat`. No
// host decodes a video to save it, so no frames.
const MP4 = 'AAAAGGZ0eXBpc29tAAACAGlzb21tcDQxAAAACG1kYXQ='
const MOV = 'AAAAFGZ0eXBxdCAgAAACAHF0ICAAAAAIbWRhdA=='
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"><rect width="1" height="1" fill="red"/></svg>'
const HTML = '<!doctype html><html><head><title>Not an image</title></head><body>404</body></html>'

function fromBase64(text: string): Uint8Array {
  return base64ToBytes(text) as Uint8Array
}

export interface Fixtures {
  readonly png: Uint8Array
  readonly jpeg: Uint8Array
  readonly gif: Uint8Array
  readonly webp: Uint8Array
  readonly bmp: Uint8Array
  readonly svg: Uint8Array
  readonly html: Uint8Array
  readonly mp4: Uint8Array
  readonly mov: Uint8Array
}

/** Small valid files. Every read returns a fresh copy, so one test cannot corrupt another's bytes. */
export const fixtures: Fixtures = {
  get png() {
    return fromBase64(SOURCES.png)
  },
  get jpeg() {
    return fromBase64(SOURCES.jpeg)
  },
  get gif() {
    return fromBase64(SOURCES.gif)
  },
  get webp() {
    return fromBase64(SOURCES.webp)
  },
  get bmp() {
    return fromBase64(SOURCES.bmp)
  },
  get svg() {
    return utf8Encode(SVG)
  },
  get html() {
    return utf8Encode(HTML)
  },
  get mp4() {
    return fromBase64(MP4)
  },
  get mov() {
    return fromBase64(MOV)
  },
}

export function toBase64(bytes: Uint8Array): string {
  return bytesToBase64(bytes)
}

export function toDataUri(bytes: Uint8Array, mime: string): string {
  return `data:${mime};base64,${bytesToBase64(bytes)}`
}
