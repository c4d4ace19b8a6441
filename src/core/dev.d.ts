/**
 * True in the development build, whose messages say why; false in the production build (dist/prod), which
 * keeps every code and check but drops the words. Set by the package's own build and tests, never by users.
 */
declare const __DEV__: boolean
