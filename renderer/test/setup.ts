/**
 * jsdom set-up for renderer tests: jest-dom matchers, an in-memory IndexedDB for Dexie,
 * and the browser APIs antd needs that jsdom lacks (matchMedia, ResizeObserver,
 * getComputedStyle with pseudo-elements, scrollTo).
 */
import '@testing-library/jest-dom/vitest';
import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';

afterEach(() => {
  cleanup();
});

if (!window.matchMedia) {
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    configurable: true,
    value: (query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }),
  });
}

class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
if (!('ResizeObserver' in window)) {
  Object.defineProperty(window, 'ResizeObserver', { writable: true, configurable: true, value: ResizeObserverStub });
  Object.defineProperty(globalThis, 'ResizeObserver', {
    writable: true,
    configurable: true,
    value: ResizeObserverStub,
  });
}

// jsdom throws "Not implemented" for getComputedStyle(el, pseudoElt); antd asks for ::before.
const originalGetComputedStyle = window.getComputedStyle.bind(window);
window.getComputedStyle = (elt: Element, _pseudo?: string | null) => originalGetComputedStyle(elt);

// jsdom's scrollTo only reports "Not implemented", and it has no scrollIntoView.
window.scrollTo = () => {};
const elementPrototype: { scrollIntoView?: () => void } = Element.prototype;
elementPrototype.scrollIntoView ??= () => {};
window.print = () => {};
