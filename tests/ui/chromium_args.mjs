// The flags every headless Chromium of the tests and benchmarks starts with: no sandbox (root),
// no GPU, and none of Chromium's own background traffic, which this machine's closed network
// refuses (many connections at a time) and which would blur measurements.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
