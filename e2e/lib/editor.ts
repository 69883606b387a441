import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { chromium, selectors, type Browser, type Page } from 'playwright-core';

import type { N8nLine } from './install';

/*
 * The n8n editor in headless Chromium: Debian's /usr/bin/chromium driven by playwright-core (never a browser
 * download). Requests that would leave loopback are blocked and reported (the editor looks the package up on
 * registry.npmjs.org to show its community-node details).
 */

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--disable-dev-shm-usage',
];

export interface EditorCheck {
	/** The Releval icon in the node panel loaded as an image (naturalWidth > 0). */
	iconLoaded: boolean;
	/** Actions the node panel lists for Releval ("Get an evaluation", …), as far as it rendered them. */
	actions: string[];
	/** The number in the panel's "Actions (n)" header. */
	actionCount: number;
	resources: string[];
	operations: string[];
	/** Labels of the "From list" dropdown of the Evaluation resource locator. */
	listItems: string[];
	/** Credential types the HTTP Request node offers as "Predefined Credential Type" when searching "Releval". */
	httpRequestCredentialTypes: string[];
	/** Parameters shown in the Releval Trigger's panel (names: event, evaluationId, …). */
	triggerParameters: string[];
	/** What the trigger's output panel showed after "Fetch Test Event". */
	triggerTestEvent: string;
	/** Requests the page tried to send beyond loopback (blocked). */
	blockedRequests: string[];
	/** console.error messages, except those of the blocked requests. */
	consoleErrors: string[];
	/** Loopback responses with an error status (URL and status). */
	failedResponses: string[];
	screenshots: string[];
}

async function visibleOptions(page: Page): Promise<string[]> {
	return await page.$$eval('[role=option], .el-select-dropdown__item', (elements) =>
		elements
			.filter((element) => (element as HTMLElement).offsetParent !== null)
			.map((element) => (element as HTMLElement).innerText.split('\n')[0].trim())
			.filter(Boolean),
	);
}

/** Polls until `read` returns a non-empty list (dropdowns fill asynchronously), or gives the last answer. */
async function until<T>(read: () => Promise<T[]>, timeoutMs = 20_000): Promise<T[]> {
	const deadline = Date.now() + timeoutMs;
	let last: T[] = [];
	while (Date.now() < deadline) {
		last = await read();
		if (last.length) return last;
		await sleep(250);
	}
	return last;
}

/**
 * Debian's Chromium, installed with apt-get when missing and allowed (root on a Debian-based machine, as on
 * CI): the browser never comes from a download of its own.
 */
export function ensureChromium(log: (line: string) => void): void {
	if (existsSync(CHROMIUM)) return;
	const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get') && !process.env.CHROMIUM_PATH;
	if (!canInstall) {
		throw new Error(`No Chromium at ${CHROMIUM}: install Debian's with \`apt-get install -y chromium\` (or set CHROMIUM_PATH).`);
	}
	log('installing Debian chromium with apt-get (once per machine)');
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env });
	execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'ignore', env });
}

/**
 * Headless Chromium on the n8n editor at `url`, logged in with n8n's auth cookie, every request beyond n8n's own
 * origin blocked (and handed to `onBlocked`). The caller closes the browser.
 */
export async function openEditor(options: {
	url: string;
	authCookie: string;
	onBlocked?: (url: string) => void;
}): Promise<{ browser: Browser; page: Page }> {
	if (!existsSync(CHROMIUM)) {
		throw new Error(`No Chromium at ${CHROMIUM}: install Debian's with \`apt-get install -y chromium\` (or set CHROMIUM_PATH).`);
	}
	selectors.setTestIdAttribute('data-test-id');
	const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
	try {
		const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
		const separator = options.authCookie.indexOf('=');
		await context.addCookies([
			{ name: options.authCookie.slice(0, separator), value: options.authCookie.slice(separator + 1), url: options.url },
		]);
		const origin = new URL(options.url).origin;
		await context.route(
			(url) => url.origin !== origin,
			async (route) => {
				options.onBlocked?.(route.request().url());
				await route.abort('blockedbyclient');
			},
		);
		const page = await context.newPage();
		page.setDefaultTimeout(60_000);
		return { browser, page };
	} catch (error) {
		await browser.close();
		throw error;
	}
}

export async function checkEditor(options: {
	url: string;
	authCookie: string;
	screenshotDir: string;
	/** An imported workflow with just a trigger, to add the node to. */
	workflowId: string;
	/** An imported workflow with the Releval Trigger, to open its panel and fetch a test event. */
	triggerWorkflowId: string;
	/** The n8n line: the 1.x editor differs in a few places (see below). */
	line: N8nLine;
}): Promise<EditorCheck> {
	mkdirSync(options.screenshotDir, { recursive: true });
	const result: EditorCheck = {
		iconLoaded: false,
		actions: [],
		actionCount: 0,
		resources: [],
		operations: [],
		listItems: [],
		httpRequestCredentialTypes: [],
		triggerParameters: [],
		triggerTestEvent: '',
		blockedRequests: [],
		consoleErrors: [],
		failedResponses: [],
		screenshots: [],
	};
	const shot = async (page: Page, name: string) => {
		const file = path.join(options.screenshotDir, name);
		await page.screenshot({ path: file });
		result.screenshots.push(file);
	};
	let failurePage: Page | undefined;
	// Closing the node's panel: the 2.x editor has a close button; the 1.x one a "Back to canvas" link instead
	const closeNodePanel = async (page: Page) => {
		await page.getByTestId(options.line === 2 ? 'ndv-close-button' : 'back-to-canvas').click();
	};
	const { browser, page } = await openEditor({ ...options, onBlocked: (url) => result.blockedRequests.push(url) });
	try {
		failurePage = page;
		page.on('console', (message) => {
			if (message.type() === 'error' && !/ERR_BLOCKED_BY_CLIENT/.test(message.text())) result.consoleErrors.push(message.text());
		});
		page.on('pageerror', (error) => result.consoleErrors.push(error.message));
		page.on('response', (response) => {
			if (response.status() >= 400) result.failedResponses.push(`${response.status()} ${response.request().method()} ${response.url()}`);
		});

		// A workflow with only a trigger (an empty one would open the node panel on triggers); the node panel ("+")
		await page.goto(`${options.url}/workflow/${options.workflowId}`);
		await page.getByTestId('canvas-node').first().waitFor({ timeout: 120_000 });
		// the "+" on the trigger's output: the node panel opens on actions and the new node gets connected
		await page.getByTestId('canvas-handle-plus').first().click();
		await page.getByTestId('node-creator-search-bar').fill('Releval');
		const item = page.getByTestId('node-creator-item-name').filter({ hasText: /^Releval$/ }).first();
		await item.waitFor();
		const icon = page.locator('[data-test-id=node-creator] img[src*="/icons/n8n-nodes-releval/"]').first();
		await icon.waitFor();
		result.iconLoaded = await icon.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0);
		// Open the node's actions (a click that lands while the panel is still re-rendering is retried)
		const action = page.getByTestId('node-creator-item-name').filter({ hasText: /^Get an evaluation$/ });
		for (let attempt = 1; ; attempt += 1) {
			await item.click();
			try {
				await action.first().waitFor({ timeout: 20_000 });
				break;
			} catch (error) {
				if (attempt === 3) throw error;
			}
		}
		// the panel renders its actions progressively: read them once their number stops changing
		const actionNames = page.locator('[data-test-id=node-creator] [data-test-id=node-creator-item-name]');
		for (let stable = 0, last = -1; stable < 4; ) {
			await page.waitForTimeout(300);
			const count = await actionNames.count();
			stable = count === last ? stable + 1 : 0;
			last = count;
		}
		result.actions = await actionNames.allInnerTexts();
		const header = await page.getByText(/^Actions \(\d+\)$/).first().innerText().catch(() => '');
		result.actionCount = Number(/\((\d+)\)/.exec(header)?.[1] ?? 0);
		await shot(page, 'editor-node-panel.png');

		// Add it: the node's parameters open with the sandbox credential selected
		await page.getByTestId('node-creator-item-name').filter({ hasText: /^Get an evaluation$/ }).first().click();
		await page.getByTestId('parameter-input-resource').waitFor();
		await page.getByTestId('parameter-input-resource').click();
		result.resources = await until(() => visibleOptions(page));
		await page.keyboard.press('Escape');
		await page.getByTestId('parameter-input-operation').click();
		result.operations = await until(async () => {
			const options = await visibleOptions(page);
			return options.includes('Get Many') ? options : [];
		});
		await page.keyboard.press('Escape');
		// The resource locator's "From list" dropdown, filled from the sandbox
		await page.locator('[data-test-id=resource-locator-evaluationId] [data-test-id=rlc-input]').click();
		result.listItems = await until(async () =>
			(await page.getByTestId('rlc-item').allInnerTexts()).map((text) => text.split('\n')[0].trim()),
		);
		await shot(page, 'editor-releval-node.png');
		await page.getByTestId('rlc-item').first().click();
		await closeNodePanel(page);

		// The HTTP Request node: is "Releval OAuth2 API" offered as a predefined credential type?
		await page.getByTestId('node-creator-plus-button').click();
		await page.getByTestId('node-creator-search-bar').fill('HTTP Request');
		await page.getByTestId('node-creator-item-name').filter({ hasText: /^HTTP Request$/ }).first().click();
		await page.getByTestId('parameter-input-authentication').click();
		await page.locator('[role=option], .el-select-dropdown__item').filter({ hasText: 'Predefined Credential Type' }).first().click();
		await page.getByTestId('parameter-input-nodeCredentialType').click();
		await page.keyboard.type('Releval');
		result.httpRequestCredentialTypes = await until(() => visibleOptions(page), 10_000);
		await shot(page, 'editor-http-request-credential.png');
		await page.keyboard.press('Escape');
		await closeNodePanel(page);

		// The first example on the canvas (for the README)
		await page.goto(`${options.url}/workflow/relevalExample01`);
		await page.getByTestId('canvas-node').first().waitFor({ timeout: 120_000 });
		await page.getByTestId('zoom-to-fit').click();
		await page.waitForTimeout(800);
		await shot(page, 'example-scheduled-evaluation-run.png');

		// The trigger example: the Releval Trigger's panel, and "Fetch Test Event" from it
		await page.goto(`${options.url}/workflow/${options.triggerWorkflowId}`);
		const triggerNode = page.getByTestId('canvas-node').filter({ hasText: 'Releval Trigger' }).first();
		await triggerNode.waitFor({ timeout: 120_000 });
		await page.getByTestId('zoom-to-fit').click();
		await page.waitForTimeout(800);
		await shot(page, 'example-evaluation-run-finished-trigger.png');
		await triggerNode.dblclick();
		await page.getByTestId('parameter-input-event').waitFor();
		const readTriggerParameters = async () =>
			await page
				.locator('[data-test-id=ndv] [data-test-id^="parameter-input-"], [data-test-id=ndv] [data-test-id^="resource-locator-"], [data-test-id=ndv] [data-test-id^="fixed-collection-"]')
				.evaluateAll((elements) => [...new Set(elements.map((element) => element.getAttribute('data-test-id')!.replace(/^(parameter-input|resource-locator|fixed-collection)-/, '')))]);
		// the panel renders its parameters progressively (under load, Poll Times came after Event): read them once
		// the first and the last are there, or what there is after 15 s
		const rendered = await until(async () => {
			const names = await readTriggerParameters();
			return names.includes('pollTimes') && names.includes('statuses') ? names : [];
		}, 15_000);
		result.triggerParameters = rendered.length ? rendered : await readTriggerParameters();
		await page.getByTestId('node-execute-button').first().click();
		// the output side of the panel shows the event as a table (its column names are the run's fields)
		const panel = page.getByTestId('ndv');
		const [testEvent] = await until(async () => {
			const text = await panel.innerText();
			return /evaluation_id/.test(text) ? [text] : [];
		}, 30_000);
		result.triggerTestEvent = testEvent ?? (await panel.innerText());
		await shot(page, 'editor-releval-trigger.png');
	} catch (error) {
		// keep what the page showed, and what it listed, for the failure report
		if (failurePage) {
			await shot(failurePage, 'editor-failure.png').catch(() => undefined);
			const listed = await failurePage.getByTestId('node-creator-item-name').allInnerTexts().catch(() => []);
			(error as Error).message += `\nNode panel items: ${listed.join(' | ') || '(none)'}\nScreenshot: ${path.join(options.screenshotDir, 'editor-failure.png')}`;
		}
		throw error;
	} finally {
		await browser.close();
	}
	return result;
}
