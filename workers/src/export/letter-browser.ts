// Headless Chromium for printing letters: the system's Debian build (CHROMIUM_PATH overrides), cut off from the network.
import { chromium, type Browser } from 'playwright-core';

export function launchLetterBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-extensions',
      // The letter inlines everything; any lookup would be a bug, so none can leave the machine.
      '--proxy-server=127.0.0.1:9',
      '--proxy-bypass-list=<-loopback>',
    ],
  });
}
