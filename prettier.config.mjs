// One layout for every file: 120 columns, no semicolons, single quotes (Taro's own templates use the same).
export default {
  printWidth: 120,
  semi: false,
  singleQuote: true,
  trailingComma: 'all',
  jsxSingleQuote: true,
}
