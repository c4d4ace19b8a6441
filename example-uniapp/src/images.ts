/** A poster on the network. */
export const POSTER_URL = 'https://cdn.example.com/poster.png'

/** What `canvasToTempFilePath`-less code gets from a canvas: a PNG data URI (a 24×24 red square). */
export const CANVAS_DATA_URI =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABgAAAAYCAIAAABvFaqvAAAAJ0lEQVR42mP4/+EOVRDDCDHomY0NSWjUoFGDRg0aNYhWBo2W2VgRAMsH2/39pPMmAAAAAElFTkSuQmCC'

/** Three photos of a set, saved in one go; the last one's URL has no extension, as image CDNs' often do not. */
export const BATCH = [
  'https://cdn.example.com/set/1.jpg',
  'https://cdn.example.com/set/2.jpg',
  'https://cdn.example.com/set/3',
]

/** A QR code from an API, served as SVG: no album takes SVG, so it is redrawn as PNG where the host has a canvas for it. */
export const QR_SVG_URL = 'https://cdn.example.com/qr.svg'

/** A video on a CDN, its URL without an extension (a video CDN's usual): downloaded as .mp4 unless its bytes say not. */
export const VIDEO_URL = 'https://cdn.example.com/v/clip'

/** A poster and a video saved together: one `saveMediaToPhotosAlbum` call on WeChat ≥ 3.17.2. */
export const MEDIA = [POSTER_URL, { video: VIDEO_URL }]
