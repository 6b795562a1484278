/** Runs a Jest suite once per official build, skipping (with a pointer to the docs) builds that are absent. */
import fs from 'node:fs';
import path from 'node:path';
import { BUNDLE_DIR, OFFICIAL_BUILDS } from './official-app';

/** One official build present or not on this machine. */
export interface OfficialBuild {
  /** `3.0.x uniapp` or `2.0.0 miniprogram`. */
  label: string;
  /** Absolute path of the bundle. */
  file: string;
  /** Major version, for the few places where the builds differ on purpose. */
  major: number;
}

/** `describe` for each build in `.official-bundles/`; `describe.skip` with the reason for each missing one. */
export function describeOfficialBuilds(what: string, body: (build: OfficialBuild) => void): void {
  for (const b of OFFICIAL_BUILDS) {
    const build: OfficialBuild = { label: b.label, file: path.join(BUNDLE_DIR, b.file), major: Number(b.label.split('.')[0]) };
    if (fs.existsSync(build.file)) describe(`official ${build.label} build: ${what}`, () => body(build));
    else {
      const why = `official ${build.label} build: ${what} skipped, ${b.file} is not in .official-bundles/ (see docs/compat.md)`;
      // Jest does not list the titles of a file whose tests are all skipped: say it once, plainly.
      process.stderr.write(`${why}\n`);
      describe.skip(why, () => body(build));
    }
  }
}
