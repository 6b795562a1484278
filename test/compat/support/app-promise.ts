/**
 * The `Promise` of a sandboxed app. WeChat reports a promise rejected with no handler to
 * `wx.onUnhandledRejection` and the console; it does not stop the app. Under Jest such a rejection from
 * vm-loaded code would instead fail whichever test happens to be running, so the sandbox gets a Promise
 * subclass that tracks handling itself and reports an unhandled rejection to `report` instead.
 * (Native `async` functions still use the realm's own Promise; the official bundles only use them in
 * WebRTC code.)
 */

const HANDLED = Symbol('handled');

/** Builds a Promise class for a sandbox from the sandbox realm's own Promise. */
export function createAppPromise(Base: PromiseConstructor, report: (reason: unknown) => void): PromiseConstructor {
  // Attaching the watcher creates a derived promise of the same class; that one needs no watcher.
  let attaching = false;
  class AppPromise<T> extends Base<T> {
    [HANDLED] = false;

    constructor(executor: (resolve: (v: T | PromiseLike<T>) => void, reject: (reason?: unknown) => void) => void) {
      super(executor);
      if (attaching) return;
      attaching = true;
      try {
        // A silent handler keeps Node from seeing the rejection; whether the app handled it is checked
        // once the current turn (and its microtasks) is over, as the platform does.
        Base.prototype.then.call(this, undefined, (reason: unknown) => {
          setTimeout(() => {
            if (!this[HANDLED]) report(reason);
          }, 0);
        });
      } finally {
        attaching = false;
      }
    }

    override then<R1 = T, R2 = never>(
      onFulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
      onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
    ): Promise<R1 | R2> {
      this[HANDLED] = true;
      return super.then(onFulfilled, onRejected);
    }
  }
  return AppPromise as unknown as PromiseConstructor;
}
