/**
 * `defineComponent<Fields>()({...})`: a Component() whose own instance fields (a recording, the
 * mentions typed so far) are typed next to the inferred data, properties and methods; WeChat keeps
 * such fields on the instance, outside `data`, so they never go through setData.
 */
export function defineComponent<F extends WechatMiniprogram.IAnyObject>() {
  return <D extends WechatMiniprogram.Component.DataOption, P extends WechatMiniprogram.Component.PropertyOption, M extends WechatMiniprogram.Component.MethodOption>(
    options: WechatMiniprogram.Component.Options<D, P, M, [], F>,
  ) => Component<D, P, M, [], F>(options);
}
