/** Platform ids follow Taro's `TARO_ENV`. */
export type PlatformId = 'weapp' | 'tt' | 'alipay' | 'swan' | 'h5'
