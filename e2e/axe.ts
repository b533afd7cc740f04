import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { attachScreenshot, expect } from './fixtures';

/** axe-core on the page as it stands, light and dark: no violation of serious or critical impact (the others, and a screenshot of each scheme, are attached to the report). */
export async function expectNoSeriousViolations(page: Page, testInfo: TestInfo, screen: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    // Label in name is experimental in axe, so off by default: it is on here, as a screen reader's user needs it.
    const { violations } = await new AxeBuilder({ page }).options({ rules: { 'label-content-name-mismatch': { enabled: true } } }).analyze();
    const serious = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    if (violations.length > serious.length) {
      await testInfo.attach(`axe-${screen}-${scheme}.json`, { body: JSON.stringify(violations, null, 2), contentType: 'application/json' });
    }
    // Each node with axe's first reason (the contrast it measured, the name it compared), so a failure says what to fix.
    const summary = serious.map(
      (violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => `${node.target.join(' ')} [${firstReason(node)}]`).join(', ')}`,
    );
    // The screen as axe saw it, in each scheme, for a person to look at beside the figures.
    await attachScreenshot(page, testInfo, `${screen}-${scheme}`.replaceAll(' ', '-'));
    expect(summary, `axe on the ${screen}, ${scheme}`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

function firstReason(node: { any: Array<{ message: string }>; all: Array<{ message: string }>; none: Array<{ message: string }> }): string {
  return [...node.any, ...node.all, ...node.none][0]?.message ?? 'no reason given';
}
