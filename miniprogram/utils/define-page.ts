/**
 * Pages are built with the Component constructor (WeChat supports this for pages: lifecycle methods
 * such as onLoad go in `methods`), which is also what miniprogram-simulate can render in tests.
 * `definePage<Fields>()({...})` types the page's own instance fields (subscriptions, services) next
 * to the data and methods that TypeScript infers.
 */
type Options<D extends WechatMiniprogram.Component.DataOption, M extends WechatMiniprogram.Component.MethodOption, F extends WechatMiniprogram.IAnyObject> =
  WechatMiniprogram.Component.Options<D, WechatMiniprogram.Component.PropertyOption, M, [], F, true>;

export function definePage<F extends WechatMiniprogram.IAnyObject>() {
  return <D extends WechatMiniprogram.Component.DataOption, M extends WechatMiniprogram.Component.MethodOption>(options: Options<D, M, F>): string =>
    Component<D, WechatMiniprogram.Component.PropertyOption, M, [], F, true>(options);
}
