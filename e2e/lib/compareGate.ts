import { mkdirSync } from 'node:fs';
import path from 'node:path';

import type { Page } from 'playwright-core';

import { openEditor } from './editor';

/*
 * Example 08 (the nightly relevance gate) executed from the n8n editor in headless Chromium, as a user would
 * (Execute workflow), and photographed for the README: the canvas after a failed gate (the run left by the
 * Compare node's "Regressed" output) and the Compare node's output on that branch. The same Chromium and the same
 * rule as the editor check (lib/editor.ts): requests beyond loopback are blocked.
 */

export interface FailedGateShots {
	/** The canvas after the run: example-nightly-relevance-gate.png. */
	canvas: string;
	/** The Compare node's panel on its "Regressed" output: compare-failed-gate.png. */
	compareOutput: string;
	/** The text of the Compare node's panel (the verdict, the metrics). */
	outputText: string;
}

export async function screenshotFailedGate(options: {
	url: string;
	authCookie: string;
	screenshotDir: string;
	workflowId: string;
	compareNode: string;
	alertNode: string;
}): Promise<FailedGateShots> {
	mkdirSync(options.screenshotDir, { recursive: true });
	const shot = async (page: Page, name: string) => {
		const file = path.join(options.screenshotDir, name);
		await page.screenshot({ path: file });
		return file;
	};
	const { browser, page } = await openEditor(options);
	try {
		await page.goto(`${options.url}/workflow/${options.workflowId}`);
		await page.getByTestId('canvas-node').first().waitFor({ timeout: 120_000 });
		await page.getByTestId('execute-workflow-button').first().click();
		// Wait for Completion polls the run for about 10 s against the mock; the alert node ends the run
		const alert = page.getByTestId('canvas-node').filter({ hasText: options.alertNode }).first();
		await alert.getByTestId('canvas-node-status-success').waitFor({ timeout: 120_000 });
		// let the "Workflow executed successfully" toast go, so that it hides no node
		await page.locator('.el-notification').first().waitFor({ state: 'hidden', timeout: 15_000 });
		await page.getByTestId('zoom-to-fit').click();
		await page.waitForTimeout(800);
		const canvas = await shot(page, 'example-nightly-relevance-gate.png');

		// the Compare node's panel, its output on the "Regressed" branch
		await page.getByTestId('canvas-node').filter({ hasText: options.compareNode }).first().dblclick();
		const output = page.getByTestId('ndv');
		await output.waitFor();
		await output.getByText(/^Regressed Branch/).first().click();
		await output.getByText('regressed', { exact: true }).first().waitFor({ timeout: 30_000 });
		await page.waitForTimeout(500);
		const compareOutput = await shot(page, 'compare-failed-gate.png');
		return { canvas, compareOutput, outputText: await output.innerText() };
	} catch (error) {
		await shot(page, 'compare-gate-failure.png').catch(() => undefined);
		throw error;
	} finally {
		await browser.close();
	}
}
