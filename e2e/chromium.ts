// Debian's Chromium and the flags every browser run uses (tests and bench): no sandbox in containers,
// no GPU, and no outside request at run time (updates, sync, background networking).
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const BANDERAS_CHROMIUM = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
