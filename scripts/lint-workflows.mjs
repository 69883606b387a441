// Part of `npm run lint`: the GitHub workflows cannot run here, so they are checked as far as a machine without
// GitHub can. Every .github/workflows/*.yml is validated against GitHub's workflow schema (action-validator,
// offline: the schema ships inside the package), then what a schema cannot see is checked on the parsed YAML:
// the release workflow publishes with an npm provenance statement through trusted publishing (the OIDC id-token,
// no stored npm token), only from a version tag matching package.json, and only after the same checks as CI.
import { validateWorkflow } from '@action-validator/core';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const workflowsDir = path.join(root, '.github', 'workflows');
const problems = [];
const problem = (file, text) => problems.push(`${file}: ${text}`);

/** The innermost schema errors (a failed oneOf nests one list per alternative), each once. */
function schemaErrorLines(errors) {
	const lines = new Set();
	const visit = (error) => {
		const nested = (error.states ?? []).flatMap((state) => state.errors);
		if (nested.length) nested.forEach(visit);
		else {
			const where = error.path ?? (error.location ? `line ${error.location.line}` : '');
			lines.add(`${where} ${error.title}${error.detail ? `: ${error.detail}` : ''}`.trim());
		}
	};
	errors.forEach(visit);
	return [...lines];
}

const runText = (step) => (typeof step.run === 'string' ? step.run : '');
const runsCiChecks = (step) => /(^|\s)(bash\s+)?\.ci\/run\b/.test(runText(step));
const publishes = (step) => /\bnpm\s+publish\b/.test(runText(step));

/** The publish job: requests the OIDC token, runs .ci/run, checks the tag, upgrades npm, publishes with provenance. */
function checkPublishWorkflow(file, workflow, source) {
	const tagPatterns = workflow.on?.push?.tags ?? [];
	if (!tagPatterns.some((pattern) => String(pattern).startsWith('v'))) problem(file, 'must run on pushed version tags (on.push.tags: v*.*.*)');
	if (workflow.on?.push?.branches || workflow.on?.pull_request) problem(file, 'must run on version tags only, not on branches or pull requests');
	// a stored npm token would bypass trusted publishing (and is exactly what n8n's rule is meant to retire)
	const withoutComments = source.replace(/(^|\s)#.*$/gm, '$1');
	for (const forbidden of ['NODE_AUTH_TOKEN', 'NPM_TOKEN', 'secrets.']) {
		if (withoutComments.includes(forbidden)) problem(file, `uses ${forbidden}: publish through trusted publishing (OIDC), with no stored token`);
	}
	const publishJobs = Object.entries(workflow.jobs ?? {}).filter(([, job]) => (job.steps ?? []).some(publishes));
	if (publishJobs.length === 0) problem(file, 'no step runs npm publish');
	for (const [jobName, job] of publishJobs) {
		const where = `job ${jobName}`;
		const steps = job.steps ?? [];
		const publishIndex = steps.findIndex(publishes);
		const publishRun = runText(steps[publishIndex]);
		const permissions = job.permissions ?? workflow.permissions ?? {};
		if (permissions['id-token'] !== 'write') problem(file, `${where}: needs permissions id-token: write (trusted publishing and provenance use the OIDC token)`);
		if (!/--provenance\b/.test(publishRun)) problem(file, `${where}: npm publish needs --provenance (n8n requires a provenance statement)`);
		if (!/--access\s+public\b/.test(publishRun)) problem(file, `${where}: npm publish needs --access public`);
		const before = steps.slice(0, publishIndex);
		if (!before.some(runsCiChecks)) problem(file, `${where}: must run .ci/run (the same checks as CI) before npm publish`);
		if (!before.some((step) => /GITHUB_REF_NAME|github\.ref_name/.test(runText(step)) && runText(step).includes('package.json'))) {
			problem(file, `${where}: must check that the tag equals package.json's version before npm publish`);
		}
		// npm learned trusted publishing (OIDC) in 11.5.1; Node 20 and 22 bundle an older npm
		const npmUpgrade = before.map(runText).join('\n').match(/npm\s+(?:install|i)\s+(?:-g|--global)\s+npm@(\d+)\.(\d+)\.(\d+)/);
		const [major, minor, patch] = npmUpgrade ? npmUpgrade.slice(1).map(Number) : [0, 0, 0];
		if (!npmUpgrade || major < 11 || (major === 11 && (minor < 5 || (minor === 5 && patch < 1)))) {
			problem(file, `${where}: must install an exact npm >= 11.5.1 (trusted publishing) before npm publish`);
		}
		// setup-node's registry-url writes an .npmrc that authenticates with NODE_AUTH_TOKEN instead
		for (const step of steps) {
			if (String(step.uses ?? '').startsWith('actions/setup-node') && step.with?.['registry-url']) {
				problem(file, `${where}: setup-node must not set registry-url (its .npmrc authenticates with NODE_AUTH_TOKEN instead)`);
			}
		}
	}
}

function checkCiWorkflow(file, workflow) {
	if (!('push' in (workflow.on ?? {})) || !('pull_request' in (workflow.on ?? {}))) problem(file, 'must run on push and pull_request');
	const steps = Object.values(workflow.jobs ?? {}).flatMap((job) => job.steps ?? []);
	if (!steps.some(runsCiChecks)) problem(file, 'must run bash .ci/run');
}

/** n8n's verification matches the npm package's repository and author with the public repository. */
function checkPackageMetadata() {
	const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
	const repository = /github\.com[/:]([^/]+\/[^/#.]+)/.exec(manifest.repository?.url ?? '')?.[1];
	const homepageRepository = /github\.com\/([^/]+\/[^/#.]+)/.exec(manifest.homepage ?? '')?.[1];
	if (!repository) problem('package.json', 'repository.url must name the GitHub repository');
	else if (homepageRepository !== repository) problem('package.json', `homepage (${manifest.homepage}) is not the repository ${repository}`);
	if (!manifest.author?.name && typeof manifest.author !== 'string') problem('package.json', 'needs an author');
}

const workflowFiles = readdirSync(workflowsDir).filter((name) => /\.ya?ml$/.test(name));
for (const name of workflowFiles) {
	const file = `.github/workflows/${name}`;
	const source = readFileSync(path.join(workflowsDir, name), 'utf8');
	const { errors } = validateWorkflow(source);
	for (const line of schemaErrorLines(errors)) problem(file, `schema: ${line}`);
	if (errors.length) continue;
	const workflow = parse(source);
	if (name === 'publish.yml') checkPublishWorkflow(file, workflow, source);
	if (name === 'ci.yml') checkCiWorkflow(file, workflow);
}
for (const required of ['ci.yml', 'publish.yml']) {
	if (!workflowFiles.includes(required)) problem(`.github/workflows/${required}`, 'is missing');
}
checkPackageMetadata();

if (problems.length) {
	console.error(`GitHub workflow check failed:\n${problems.map((text) => `  ${text}`).join('\n')}`);
	process.exitCode = 1;
} else {
	console.log(`GitHub workflows valid (${workflowFiles.join(', ')}: schema, provenance, trusted publishing, same checks as CI)`);
}
