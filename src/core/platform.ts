/** Platform ids follow Taro's `TARO_ENV`; `app` is the uni-app App, which Taro has no target for. */
export type PlatformId = 'weapp' | 'tt' | 'alipay' | 'swan' | 'h5' | 'app' | 'lark' | 'dd' | 'ascf' | 'qq' | 'kwai' | 'xhs' | 'jd'
