import { HOSTS, uniTargetName } from '../../src/hosts'

/** Every framework target of the host table, with the host it maps onto. */
export const TABLE_TARGETS = HOSTS.flatMap((host) => [
  ...host.taro.map((target) => ['Taro', target, host.id] as const),
  ...host.uni.map((target) => ['uni-app', uniTargetName(target), host.id] as const),
])

/** The targets a framework's warning lists as supported. */
export const supported = (framework: 'Taro' | 'uni-app') =>
  TABLE_TARGETS.filter(([f]) => f === framework)
    .map(([, target]) => target)
    .join(', ')
