import { RelevalOAuth2Api } from '../../credentials/RelevalOAuth2Api.credentials';
import { RELEVAL_BASE_URL_EXPRESSION, relevalBaseUrl } from '../../credentials/relevalBaseUrl';
import { Releval } from '../../nodes/Releval/Releval.node';

/** The expression's JavaScript, run the way n8n would with `$credentials` in scope. */
function evaluateExpression(credentials: Record<string, unknown>): unknown {
	const code = /^=\{\{(.*)\}\}$/s.exec(RELEVAL_BASE_URL_EXPRESSION)?.[1];
	return new Function('$credentials', `return (${code});`)(credentials);
}

describe('the Releval base URL', () => {
	test.each([
		'https://app.releval.co',
		'https://app.releval.co/',
		'  https://releval.example.com/self-hosted///  ',
		'http://127.0.0.1:5690',
	])('the function and the n8n expression agree for %j', (baseUrl) => {
		expect(evaluateExpression({ baseUrl })).toBe(relevalBaseUrl({ baseUrl }));
		expect(relevalBaseUrl({ baseUrl })).not.toMatch(/^\s|[\s/]$/);
	});

	test('the node and the credential test use the one expression', () => {
		expect(new Releval().description.requestDefaults?.baseURL).toBe(RELEVAL_BASE_URL_EXPRESSION);
		expect(new RelevalOAuth2Api().test.request.baseURL).toBe(RELEVAL_BASE_URL_EXPRESSION);
	});
});
