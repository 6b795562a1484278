// The Floo demo mini-program. The chat UI arrives with the demo issue; this shell lets DevTools import the repo.
App({});
