import { mkdirSync } from 'node:fs';
import path from 'node:path';

import type { Frame, Page } from 'playwright-core';

import { openEditor } from './editor';

/*
 * An AI agent's execution as the n8n editor shows it (Executions tab), photographed in headless Chromium for the
 * README: the agent, its chat model and the Releval tools it called, each with its run count. The same Chromium
 * and the same rule as the editor check (lib/editor.ts): requests beyond loopback are blocked.
 */

export async function screenshotAgentExecution(options: {
	url: string;
	authCookie: string;
	workflowId: string;
	executionId: string;
	/** The file to write (PNG). */
	file: string;
	/** Node names that must be on the canvas before the picture is taken. */
	nodes: string[];
}): Promise<{ file: string; canvasText: string }> {
	mkdirSync(path.dirname(options.file), { recursive: true });
	const { browser, page } = await openEditor(options);
	try {
		await page.goto(`${options.url}/workflow/${options.workflowId}/executions/${options.executionId}`);
		// the execution is drawn in a preview frame (the canvas with each node's status and run count)
		const preview = await waitForCanvasFrame(page);
		for (const name of options.nodes) {
			await preview.getByTestId('canvas-node').filter({ hasText: name }).first().waitFor({ timeout: 60_000 });
		}
		// the 2.x editor greets a published workflow with its "Production Checklist": close it
		const checklistClose = page.getByText('Production Checklist').locator('xpath=..').getByRole('button');
		if (await checklistClose.count()) await checklistClose.first().click().catch(() => undefined);
		// the Logs panel lists the agent's steps: each model call and each tool call, with its input and output
		const logs = preview.getByText('Logs', { exact: true }).first();
		if (await logs.count()) {
			await logs.click();
			await preview.getByText('Start AI judge').nth(1).waitFor({ timeout: 15_000 }).catch(() => undefined);
		}
		await page.waitForTimeout(1_500);
		await page.screenshot({ path: options.file });
		const canvasText = await preview.locator('body').innerText();
		return { file: options.file, canvasText };
	} catch (error) {
		await page.screenshot({ path: options.file.replace(/\.png$/, '-failure.png') }).catch(() => undefined);
		throw error;
	} finally {
		await browser.close();
	}
}

/** The frame (the page itself or the execution preview's iframe) that draws the canvas. */
async function waitForCanvasFrame(page: Page): Promise<Frame> {
	const deadline = Date.now() + 120_000;
	while (Date.now() < deadline) {
		for (const frame of page.frames()) {
			if ((await frame.getByTestId('canvas-node').count().catch(() => 0)) > 0) return frame;
		}
		await page.waitForTimeout(500);
	}
	throw new Error('The execution preview never showed a canvas');
}
