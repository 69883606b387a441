import type {
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INode,
	INodeProperties,
	INodePropertyOptions,
	INodeTypeDescription,
	PreSendAction,
} from 'n8n-workflow';

import { defineOperation } from '../../nodes/Releval/shared/descriptions';
import { defineResource } from '../../nodes/Releval/shared/resource';
import { operationLabel, type RoutedFunctions } from '../../nodes/Releval/shared/routing';
import { NODE_TYPE, nodeTypes } from '../harness';

/*
 * One definition per resource (shared/resource.ts): the display conditions, the path labels, the required checks
 * and the operation labels follow from the resource and its operations' fields.
 */

const widget = defineResource({
	value: 'widget',
	name: 'Widget',
	description: 'A thing to test with',
	idParameter: 'corpusId',
	listSearch: { method: 'searchCorpora', list: 'listCorpora', plural: 'widgets' },
});

const create = defineOperation({
	name: 'Create',
	value: 'create',
	action: 'Create a widget',
	description: 'Create a widget',
	endpoint: 'createCorpus',
	fields: [
		{ displayName: 'Title', name: 'title', type: 'string', required: true, default: '' },
		{ displayName: 'Kind', name: 'kind', type: 'options', required: true, default: 'a', options: [{ name: 'A', value: 'a' }] },
		{ displayName: 'Tags', name: 'tags', type: 'multiOptions', required: true, default: [], options: [] },
		{ displayName: 'Origins', name: 'origins', type: 'string', typeOptions: { multipleValues: true }, required: true, default: [] },
		{
			displayName: 'Secret',
			name: 'secret',
			type: 'string',
			required: true,
			default: '',
			displayOptions: { show: { kind: ['b'] } },
		},
	],
});
const get = defineOperation({
	name: 'Get',
	value: 'get',
	action: 'Get a widget',
	description: 'Get a widget',
	endpoint: 'getCorpus',
	fields: [widget.locator()],
});
const remove = defineOperation({
	name: 'Delete',
	value: 'delete',
	action: 'Delete a widget',
	description: 'Delete a widget',
	endpoint: 'deleteCorpus',
	fields: [widget.locator()],
});

const properties = widget.properties('get', [create, get, remove]);
const options = properties[0].options as INodePropertyOptions[];
const optionOf = (value: string) => options.find((option) => option.value === value)!;
const preSendOf = (value: string) => optionOf(value).routing!.send!.preSend as PreSendAction[];

/** What a pre-send step reads from n8n: the node, the item and the parameters. */
function contextWith(parameters: Record<string, unknown>): IExecuteSingleFunctions {
	const node: INode = { id: '1', name: 'Releval', type: NODE_TYPE, typeVersion: 1, position: [0, 0], parameters: {} };
	return {
		getNode: () => node,
		getItemIndex: () => 0,
		getNodeParameter: (name: string, fallback?: unknown) => (name in parameters ? parameters[name] : fallback),
	} as unknown as IExecuteSingleFunctions;
}

async function runPreSend(step: PreSendAction, parameters: Record<string, unknown>): Promise<IHttpRequestOptions> {
	return await step.call(contextWith(parameters), { url: '' });
}

describe('defineResource', () => {
	test('the Operation dropdown lists every operation, shown for the resource, with the default given', () => {
		expect(properties[0]).toMatchObject({ name: 'operation', default: 'get', displayOptions: { show: { resource: ['widget'] } } });
		expect(options.map((option) => option.value)).toEqual(['create', 'delete', 'get']);
	});

	test('each field is shown for its resource and operation (the node shares alike fields, shared/sharing.ts)', () => {
		const locators = properties.filter((property) => property.name === 'corpusId');
		expect(locators.map((locator) => locator.displayOptions)).toEqual([
			{ show: { resource: ['widget'], operation: ['get'] } },
			{ show: { resource: ['widget'], operation: ['delete'] } },
		]);
		expect(locators[0]).toMatchObject({ displayName: 'Widget', description: 'The widget to act on' });
	});

	test("a field's own display conditions are kept beside the resource and operation", () => {
		const secret = properties.find((property) => property.name === 'secret') as INodeProperties;
		expect(secret.displayOptions).toEqual({ show: { resource: ['widget'], operation: ['create'], kind: ['b'] } });
	});

	test('required single values shown with the operation are checked for blanks, by their display names', async () => {
		const [requireFields] = preSendOf('create');
		await expect(runPreSend(requireFields, { title: ' ', kind: 'a' })).rejects.toThrow('"Title" is required');
		await expect(runPreSend(requireFields, { title: 'T', kind: '' })).rejects.toThrow('"Kind" is required');
		// lists and fields shown only under a condition are left to the operation's own checks
		await expect(runPreSend(requireFields, { title: 'T', kind: 'a', secret: '' })).resolves.toEqual({ url: '' });
	});

	test('path parameters are filled from the fields of the same name and named by their display names', async () => {
		const steps = preSendOf('get');
		expect(steps).toHaveLength(1); // no required check: the only required field is the path parameter
		await expect(runPreSend(steps[0], { corpusId: '' })).rejects.toThrow('"Widget" is required');
		await expect(runPreSend(steps[0], { corpusId: 'a b/c' })).resolves.toEqual({ url: '/api/v1/corpora/a%20b%2Fc' });
	});

	test('error labels are the display names of the resource and operation', () => {
		const context = { getNode: () => ({ parameters: { resource: 'widget', operation: 'delete' } }) } as unknown as RoutedFunctions;
		expect(operationLabel(context)).toBe('Widget → Delete');
	});
});

describe('the node', () => {
	const description = nodeTypes.getByName(NODE_TYPE).description as INodeTypeDescription;

	test('every error label comes from the display names, e.g. "Get Many" and "AI Judging Run"', () => {
		const label = (resource: string, operation: string) =>
			operationLabel({ getNode: () => ({ parameters: { resource, operation } }) } as unknown as RoutedFunctions);
		expect(label('evaluation', 'getAll')).toBe('Evaluation → Get Many');
		expect(label('aiJudgingRun', 'get')).toBe('AI Judging Run → Get');
		expect(label('searchEndpoint', 'testConfiguration')).toBe('Search Endpoint → Test Configuration');
	});

	test('each resource shows the ID of the one it acts on once, for all the operations that use it', () => {
		const evaluationIds = description.properties.filter(
			(property) => property.name === 'evaluationId' && property.displayOptions?.show?.resource?.includes('evaluation'),
		);
		expect(evaluationIds.map((property) => property.displayOptions?.show?.operation)).toEqual([['delete', 'get', 'update']]);
	});
});
