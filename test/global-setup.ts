import { pack } from '../scripts/examples.mjs'

// The example apps install the package from its tarball: pack it once, before any test file starts.
export default function setup() {
  pack()
}
