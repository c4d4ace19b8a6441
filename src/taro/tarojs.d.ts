// Only what the runtime module needs; the package does not depend on Taro's types.
declare module '@tarojs/taro' {
  const Taro: object
  export default Taro
}
