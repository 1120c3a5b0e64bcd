import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLiveEngine } from '../../src/app/live.ts';
import { silentLogger } from '../../src/log.ts';
import { startPreviewServer, type PreviewServer } from '../../src/preview/server.ts';
import { openQuestionLog, type QuestionLog } from '../../src/store/question-log.ts';
import { KNOWLEDGE_DIR } from '../support/knowledge.ts';
import { pngStats } from '../support/png.ts';

/**
 * The preview page in a real headless Chromium (Debian's package), driven by playwright-core.
 * Without /usr/bin/chromium these tests are reported as skipped, with the reason; .ci/run
 * installs it, so CI always runs them.
 */

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const SKIP_REASON = `skipped: ${CHROMIUM} is not installed (apt-get install -y chromium)`;
if (!hasChromium) process.stderr.write(`preview page tests ${SKIP_REASON}\n`);

let dir: string;
let questions: QuestionLog;
let server: PreviewServer;
let browser: BrowserContext;
let page: Page;

describe.skipIf(!hasChromium)(`the knowledge preview page in headless Chromium${hasChromium ? '' : ` (${SKIP_REASON})`}`, () => {
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'citebot-preview-'));
    questions = openQuestionLog(join(dir, 'data'), silentLogger, { schedule: (flush) => flush() });
    const declined = { found: false, answer: "The article doesn't say.", confidence: 0.9, citations: [], suggestions: [] };
    for (let i = 0; i < 3; i++) questions.record({ ...declined, question: 'Did they sign a treaty?' }, { guildId: '123456789012345678', via: 'slash' });
    questions.record({ ...declined, question: 'what is <b>bold</b> here' }, { guildId: null, via: 'dm' });
    questions.vote({ messageId: '223456789012345678', entry: 'roscosmos-head', userId: '323456789012345678', up: false });
    server = await startPreviewServer({ live: await createLiveEngine(KNOWLEDGE_DIR), questions, log: silentLogger });
    // A fresh, empty profile each run: playwright takes the --user-data-dir through a persistent context.
    browser = await chromium.launchPersistentContext(join(dir, 'chromium-profile'), {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 900 },
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = browser.pages()[0] ?? (await browser.newPage());
    await page.goto(server.url);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    questions?.close();
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });

  it('shows the article with every sentence marked by what covers it', async () => {
    await expect(page.title()).resolves.toMatch(/^citebot preview: /);
    const sentences = page.locator('#article .sentence[data-id]');
    expect(await sentences.count()).toBeGreaterThan(5);
    // The delegation sentence is cited by Q&A entries and facts.
    const delegation = page.locator('.sentence[data-id="p4.s2"]');
    await expect(delegation.getAttribute('class')).resolves.toContain('cover-qa');
    expect(Number(await delegation.getAttribute('data-sources'))).toBeGreaterThan(1);
    await expect(delegation.getAttribute('title')).resolves.toMatch(/Q&A: .*\n?.*fact: /s);
    expect(await delegation.isVisible()).toBe(true);
  });

  it('lists the unanswered questions with counts, escaped, and the votes', async () => {
    const rows = page.locator('#unanswered-table tbody tr');
    expect(await rows.count()).toBe(2);
    await expect(rows.nth(0).innerText()).resolves.toMatch(/Did they sign a treaty\?\s+3×/);
    // Member input is text, never markup.
    await expect(rows.nth(1).innerText()).resolves.toContain('<b>bold</b>');
    expect(await page.locator('#unanswered-table b').count()).toBe(0);
    await expect(page.locator('#votes-table tbody tr').first().innerText()).resolves.toMatch(/👍 0\s+👎 1/);
  });

  it('answers a question typed in the box as Discord would show it: embed, bold inside the quote, buttons', async () => {
    await page.fill('#question', 'who is lavrov');
    await page.click('#try button[type=submit]');
    const embed = page.locator('#reply .embed');
    await embed.waitFor({ state: 'visible', timeout: 10_000 });
    await expect(page.locator('#reply .embed-title').innerText()).resolves.toBe('who is lavrov');
    await expect(page.locator('#reply .embed-description').innerText()).resolves.toMatch(/Lavrov is the Foreign Minister/);
    await expect(page.locator('#reply blockquote strong').first().innerText()).resolves.toBe('Foreign Minister Sergey Lavrov');
    await expect(page.locator('#reply .field-name').first().innerText()).resolves.toBe('Paragraph 4, sentence 2');
    const buttons = await page.locator('#reply .discord-button').allInnerTexts();
    expect(buttons).toEqual(['👍', '👎']);
  });

  it('shows a decline with its suggestion buttons', async () => {
    await page.fill('#question', 'did they sign a treaty');
    await page.click('#try button[type=submit]');
    await page.locator('#reply .embed-title', { hasText: 'did they sign a treaty' }).waitFor({ timeout: 10_000 });
    await expect(page.locator('#reply .embed-description').innerText()).resolves.toMatch(/doesn't say/);
    expect((await page.locator('#reply .discord-button').allInnerTexts()).length).toBeGreaterThanOrEqual(1);
  });

  it('renders: a screenshot of the page is a real picture, not a blank one', async () => {
    const shot = await page.screenshot({ fullPage: false });
    const { width, height, distinctPixels } = pngStats(shot);
    expect(width).toBe(1280);
    expect(height).toBe(900);
    expect(distinctPixels).toBeGreaterThan(50);
    const embedShot = pngStats(await page.locator('#reply .embed').screenshot());
    expect(embedShot.distinctPixels).toBeGreaterThan(10);
  });
});
