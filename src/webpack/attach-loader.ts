// The webpack loader mp-save-image/webpack puts on the app's main file (see src/build/uni-main.ts).
import { ATTACH } from '../build/uni-main'

export default function attach(source: string): string {
  return ATTACH + source
}
