/** How the e2e suite and the bench launch Debian's Chromium (no downloads: the system's build, headless). */

export const CHROMIUM_EXECUTABLE = process.env.MESHDECK_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  // Every new window of this build also loads the omnibox popup's web UI (two more renderer
  // processes, ~1.5 s of CPU each time): on a 2-core machine that competes with the page under test.
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup',
];
