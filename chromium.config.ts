// How the end-to-end tests (playwright.config.ts) and the frame-rate bench (bench/frames.ts)
// launch Debian's Chromium: never a downloaded browser (`npx playwright install` is not used),
// headless, and nothing that reaches the network on its own.
export const CHROMIUM_LAUNCH_OPTIONS = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--headless',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};
