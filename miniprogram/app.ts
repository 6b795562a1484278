// The Floo demo mini-program. The app owns the one IM client (services/im.ts); App.onLaunch resumes the
// session saved by an earlier run, if any, while the login page waits for that to settle.
import { ImService, type DemoApp } from './services/im';

App<DemoApp>({
  im: new ImService(wx),
  onLaunch() {
    void this.im.start();
  },
});
