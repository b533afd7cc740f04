import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** Which views' code has been loaded, in the order it was. */
const loaded: string[] = [];

let idle: Array<() => void> = [];
const runIdleCallbacks = async () => {
  // The observer reports marks in a task of its own, and the imports settle after that.
  await new Promise((resolve) => setTimeout(resolve, 0));
  for (const callback of idle.splice(0)) callback();
  await vi.dynamicImportSettled();
};

beforeEach(() => {
  loaded.length = 0;
  idle = [];
  vi.resetModules();
  vi.doMock('./notes/NoteView', () => {
    loaded.push('note view');
    return { NoteView: () => null };
  });
  vi.doMock('./actors/ActorPageView', () => {
    loaded.push('actor page');
    return { ActorPageView: () => null };
  });
  vi.doMock('./themes/ThemePageView', () => {
    loaded.push('theme page');
    return { ThemePageView: () => null };
  });
  vi.doMock('./themes/CoOccurrenceView', () => {
    loaded.push('co-occurrence');
    return { CoOccurrenceView: () => null };
  });
  vi.doMock('./network/NetworkView', () => {
    loaded.push('network');
    return { NetworkView: () => null };
  });
  vi.doMock('./timeline/TimelineView', () => {
    loaded.push('timeline');
    return { TimelineView: () => null };
  });
  vi.doMock('./hypotheses/HypothesesView', () => {
    loaded.push('hypotheses');
    return { HypothesesView: () => null };
  });
  performance.clearMarks();
  vi.stubGlobal('requestIdleCallback', (callback: () => void) => idle.push(callback));
});
afterEach(() => vi.unstubAllGlobals());

describe('the views a document does not need', () => {
  it('are not loaded while an opened document is drawn, and are loaded once its first screen is shown', async () => {
    const { prefetchViewsWhenShown } = await import('./views');
    prefetchViewsWhenShown(true);
    await runIdleCallbacks();
    expect(loaded).toEqual([]);

    performance.mark('fieldbook:first-screen-shown');
    await runIdleCallbacks();
    expect(loaded.sort()).toEqual(['actor page', 'co-occurrence', 'hypotheses', 'network', 'note view', 'theme page', 'timeline']);
  });

  it('are loaded once the library’s list is shown if the app opens elsewhere', async () => {
    const { prefetchViewsWhenShown } = await import('./views');
    prefetchViewsWhenShown(false);
    await runIdleCallbacks();
    expect(loaded).toEqual([]);

    performance.mark('fieldbook:library-shown');
    await runIdleCallbacks();
    expect(loaded.sort()).toEqual(['actor page', 'co-occurrence', 'hypotheses', 'network', 'note view', 'theme page', 'timeline']);
  });
});
