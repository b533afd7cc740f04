import { expectNoSeriousViolations } from './axe';
import { attachScreenshot, expect, test } from './fixtures';
import { addActor, exportFrom, highlightOpening, highlightsPanel, openBundledArticle, paragraphStarting, reader, showMentions, tagCard } from './user-actions';

test('two actors tagged on one passage are linked in the Network, drawn and listed in Actor links', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  await openBundledArticle(page);
  await addActor(page, 'AQIM', 'Group');
  await addActor(page, 'MNLA', 'Group');
  await addActor(page, 'Mali', 'State or government');
  const firstly = await highlightOpening(page, paragraphStarting(page, 'Firstly an Al-Qaeda sanctuary'));
  await tagCard(page, firstly, 'AQIM');
  await tagCard(page, firstly, 'MNLA');
  const secondly = await highlightOpening(page, paragraphStarting(page, 'Secondly, the sanctuary'));
  await tagCard(page, secondly, 'AQIM');
  await tagCard(page, secondly, 'Mali');
  await tagCard(page, secondly, 'MNLA');

  await page.getByRole('link', { name: 'Network', exact: true }).click();
  const view = page.getByRole('main', { name: 'Network' });
  await expect(view.getByRole('img', { name: /^The actor network drawn: 3 actors and 3 links\./ })).toBeVisible();
  const links = view.getByRole('region', { name: 'Actor links' }).getByRole('table');
  // Strongest first: AQIM and MNLA share both passages.
  await expect(links.getByRole('row').nth(1)).toContainText('AQIM');
  await expect(links.getByRole('row').nth(1)).toContainText('MNLA');
  await attachScreenshot(page, testInfo, 'network');

  // By keyboard: the link's count opens the passages that tie the two.
  const tie = links.getByRole('button', { name: '2 passages tie AQIM and MNLA' });
  await tie.focus();
  await page.keyboard.press('Enter');
  await expect(tie).toHaveAttribute('aria-pressed', 'true');
  const passages = view.getByRole('region', { name: /^Passages tying AQIM and MNLA/ });
  await expect(passages.getByRole('link', { name: /^“/ })).toHaveText([`“${firstly}”`, `“${secondly}”`]);
  await expectNoSeriousViolations(page, testInfo, 'network');

  // Narrowed to states and groups linked by two passages or more, only one link is left.
  await view.getByRole('checkbox', { name: 'State or government' }).uncheck();
  await expect(view.getByRole('img', { name: /2 actors and 1 link/ })).toBeVisible();
  await view.getByRole('checkbox', { name: 'State or government' }).check();
  await view.getByRole('spinbutton', { name: 'At least' }).fill('2');
  await expect(links.getByRole('row')).toHaveCount(2);
  // By source grade: the article is not graded, so its passages count only as "Not graded".
  const grade = view.getByRole('combobox', { name: 'Source reliability' });
  await grade.selectOption({ label: 'A: Completely reliable' });
  await expect(view.getByText(/No passage is tagged with an actor here yet/)).toBeVisible();
  await grade.selectOption({ label: 'Not graded' });
  await expect(links.getByRole('row')).toHaveCount(2);
  // By date published: a bound that is not a date says so and changes nothing; the article gives no date, so a range leaves it out.
  const publishedFrom = view.getByRole('textbox', { name: 'Published from' });
  await publishedFrom.fill('2012-13');
  await expect(view.getByRole('alert')).toHaveText('A date is a year, a month or a day: 2012, 2012-03 or 2012-03-14.');
  await expect(links.getByRole('row')).toHaveCount(2);
  await publishedFrom.fill('2012');
  await expect(view.getByText(/No passage is tagged with an actor here yet/)).toBeVisible();
  await publishedFrom.fill('');
  await expect(links.getByRole('row')).toHaveCount(2);

  const graph = await exportFrom(page, view, 'Export', 'GraphML (yEd, Gephi)');
  expect(graph.name).toMatch(/\.graphml$/);
  const xml = graph.bytes.toString('utf8');
  expect(xml).toContain('<graphml');
  expect(xml).toMatch(/AQIM[\s\S]*MNLA/);
});

test('actors named in one paragraph are linked by their accepted mentions, and the link opens that paragraph', async ({ page }) => {
  test.setTimeout(90_000);
  await openBundledArticle(page);
  await addActor(page, 'AQIM', 'Group', 'AQMI');
  await addActor(page, 'MNLA', 'Group');
  await showMentions(page);
  const mentions = highlightsPanel(page).getByRole('region', { name: /^Mentions/ });
  await mentions.getByRole('region', { name: 'AQIM' }).getByRole('button', { name: /^Accept all \d+ mentions of AQIM$/ }).click();
  await expect(mentions.getByRole('status')).toHaveText(/^Accepted \d+ mentions of AQIM\.$/);
  await mentions.getByRole('region', { name: 'MNLA' }).getByRole('button', { name: 'Accept all 2 mentions of MNLA' }).click();
  await expect(mentions.getByRole('status')).toHaveText('Accepted 2 mentions of MNLA.');

  await page.getByRole('link', { name: 'Network', exact: true }).click();
  const view = page.getByRole('main', { name: 'Network' });
  await expect(view.getByRole('img', { name: /^The actor network drawn: 2 actors and 1 link\./ })).toBeVisible();
  // One paragraph names the MNLA "helped by AQMI": no passage was tagged, and still they are linked.
  const tie = view.getByRole('region', { name: 'Actor links' }).getByRole('button', { name: '1 paragraph ties AQIM and MNLA' });
  await tie.focus();
  await page.keyboard.press('Enter');
  const paragraphs = view.getByRole('region', { name: /^Paragraphs naming AQIM and MNLA/ });
  const paragraph = paragraphs.getByRole('link', { name: /helped by AQMI/ });
  await expect(paragraph).toHaveCount(1);
  await expect(paragraph.locator('mark')).toHaveText(['MNLA', 'AQMI', 'AQIM']);
  await expect(view.getByRole('region', { name: /^Passages tying/ })).toHaveCount(0);

  await paragraph.click();
  await expect(reader(page).getByText(/helped by AQMI and its related Islamic groups/)).toBeInViewport();
});
