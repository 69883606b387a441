import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, PreSendAction } from 'n8n-workflow';

import { allInputItems, fieldValue, oneRequestForAllItems } from '../../shared/inputItems';
import { defineOperation } from '../../shared/descriptions';
import { SCALE_RANGES, scaleField } from '../../shared/scales';

/** Where a grade came from, for error messages: "Input item 3" or "Query 1, candidate 2". */
interface GradeRow {
	where: string;
	itemIndex: number;
	queryId: unknown;
	candidateId: unknown;
	grade: unknown;
	/** How the three values are named to the user in this mode. */
	labels: { queryId: string; candidateId: string; grade: string };
}

function rowsFromItems(context: IExecuteSingleFunctions): GradeRow[] {
	const fields = {
		queryId: String(context.getNodeParameter('queryIdField', 'query_id')).trim(),
		candidateId: String(context.getNodeParameter('candidateIdField', 'candidate_id')).trim(),
		grade: String(context.getNodeParameter('gradeField', 'grade')).trim(),
	};
	const names = { queryId: 'Query ID Field', candidateId: 'Candidate ID Field', grade: 'Grade Field' } as const;
	for (const key of ['queryId', 'candidateId', 'grade'] as const) {
		if (fields[key] === '') {
			throw new NodeOperationError(context.getNode(), `"${names[key]}" is required`, {
				itemIndex: context.getItemIndex(),
				description: `Enter the name of the input field that holds it; nothing was sent to Releval.`,
			});
		}
	}
	return allInputItems(context).map((item, index) => ({
		where: `Input item ${index + 1}`,
		itemIndex: index,
		queryId: fieldValue(item.json, fields.queryId),
		candidateId: fieldValue(item.json, fields.candidateId),
		grade: fieldValue(item.json, fields.grade),
		labels: { queryId: `field "${fields.queryId}"`, candidateId: `field "${fields.candidateId}"`, grade: `field "${fields.grade}"` },
	}));
}

function rowsFromParameters(context: IExecuteSingleFunctions): GradeRow[] {
	const judgments = context.getNodeParameter('judgments', {}) as IDataObject;
	const queries = (judgments.queries as IDataObject[] | undefined) ?? [];
	return queries.flatMap((query, queryIndex) => {
		const candidates = ((query.candidates as IDataObject | undefined)?.candidate as IDataObject[] | undefined) ?? [];
		const where = `Judgments → Query ${queryIndex + 1}`;
		if (candidates.length === 0) {
			throw new NodeOperationError(context.getNode(), `${where} has no candidates`, {
				itemIndex: context.getItemIndex(),
				description: 'Add at least one candidate with its grade, or remove the query; nothing was sent to Releval.',
			});
		}
		return candidates.map((candidate, candidateIndex) => ({
			where: `${where}, Candidate ${candidateIndex + 1}`,
			itemIndex: context.getItemIndex(),
			queryId: query.queryId,
			candidateId: candidate.candidateId,
			grade: candidate.grade,
			labels: { queryId: '"Query ID"', candidateId: '"Candidate ID"', grade: '"Grade"' },
		}));
	});
}

/** The text an ID is sent as. */
function idText(value: unknown): string {
	return String(value ?? '').trim();
}

/** With grades from the input items, all items make one request. */
function gradesFromItems(context: IExecuteSingleFunctions): boolean {
	return context.getNodeParameter('gradesFrom', 'parameters') === 'items';
}

/** A whole-number grade within the scale, or undefined. Numeric text (e.g. "3" from a CSV) is accepted. */
function gradeValue(value: unknown, max: number): number | undefined {
	const grade = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
	return typeof grade === 'number' && Number.isInteger(grade) && grade >= 0 && grade <= max ? grade : undefined;
}

/**
 * Builds `{queries: [{query_id, judgments: [{candidate_id, grade}]}]}` from the grades, one entry per query in
 * first-seen order (a repeated candidate keeps its last grade). Every grade is checked against the chosen scale
 * first: one bad row stops the operation and nothing is sent.
 */
function buildJudgments(): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const scale = SCALE_RANGES[String(this.getNodeParameter('scale', 'graded'))] ?? SCALE_RANGES.graded;
		const fromItems = gradesFromItems(this);
		const rows = fromItems ? rowsFromItems(this) : rowsFromParameters(this);
		if (rows.length === 0) {
			throw new NodeOperationError(this.getNode(), '"Judgments" is required', {
				itemIndex: this.getItemIndex(),
				description: 'Add at least one query with a graded candidate; nothing was sent to Releval.',
			});
		}

		const byQuery = new Map<string, Map<string, number>>();
		for (const row of rows) {
			const fail = (problem: string) =>
				new NodeOperationError(this.getNode(), `${row.where}: ${problem}`, {
					itemIndex: row.itemIndex,
					description: `Fix this grade${fromItems ? ' in the input data or the field names' : ''}; nothing was sent to Releval.`,
				});
			// IDs are sent as their trimmed text: one whose text is empty (missing, "  ", []) is missing
			const queryId = idText(row.queryId);
			const candidateId = idText(row.candidateId);
			if (queryId === '') throw fail(`${row.labels.queryId} (the query ID) is empty or missing`);
			if (candidateId === '') throw fail(`${row.labels.candidateId} (the candidate ID) is empty or missing`);
			const grade = gradeValue(row.grade, scale.max);
			if (grade === undefined) {
				const shown = row.grade === undefined ? 'missing' : JSON.stringify(row.grade);
				throw fail(
					`${row.labels.grade} is ${shown}, but the ${scale.label} scale allows whole numbers from 0 to ${scale.max}`,
				);
			}
			if (!byQuery.has(queryId)) byQuery.set(queryId, new Map());
			byQuery.get(queryId)!.set(candidateId, grade);
		}

		requestOptions.body = {
			queries: [...byQuery].map(([queryId, candidates]) => ({
				query_id: queryId,
				judgments: [...candidates].map(([candidateId, grade]) => ({ candidate_id: candidateId, grade })),
			})),
		};
		return requestOptions;
	};
}

export const submitOperation = defineOperation({
	name: 'Submit',
	value: 'submit',
	action: 'Submit judgments',
	description:
		'Grade the candidates of evaluation run queries: one request with every grade, grouped per query. Grades come from the fields below or from the input items (one item per query and candidate, all sent together) and are checked against the scale first. Releval recomputes the run metrics; a locked run refuses changes.',
	endpoint: 'submitJudgments',
	...oneRequestForAllItems(gradesFromItems, buildJudgments()),
	fields: [
		scaleField('The scale of the run being judged; every grade must be a whole number within it'),
		{
			displayName: 'Grades From',
			name: 'gradesFrom',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'Fields Below',
					value: 'parameters',
					description: 'Enter queries, candidates and grades in this node (one request per input item)',
				},
				{
					name: 'Input Items',
					value: 'items',
					description: 'One input item per query and candidate; all items are sent together in one request',
				},
			],
			default: 'parameters',
		},
		{
			displayName: 'Judgments',
			name: 'judgments',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Query',
			default: {},
			description: 'The queries of the run to grade, each with the candidates and their grades',
			displayOptions: { show: { gradesFrom: ['parameters'] } },
			options: [
				{
					name: 'queries',
					displayName: 'Query',
					values: [
						{
							displayName: 'Query ID',
							name: 'queryId',
							type: 'string',
							default: '',
							description: 'The query_id of the query in the run results (see Evaluation Run → Get Results)',
						},
						{
							displayName: 'Candidates',
							name: 'candidates',
							type: 'fixedCollection',
							typeOptions: { multipleValues: true },
							placeholder: 'Add Candidate',
							default: {},
							options: [
								{
									name: 'candidate',
									displayName: 'Candidate',
									values: [
										{
											displayName: 'Candidate ID',
											name: 'candidateId',
											type: 'string',
											default: '',
											description: 'The ID of the search result being graded',
										},
										{
											displayName: 'Grade',
											name: 'grade',
											type: 'number',
											typeOptions: { minValue: 0, maxValue: 9, numberPrecision: 0 },
											default: 0,
											description: 'Whole number within the scale: 0–1 binary, 0–4 graded, 0–9 detailed',
										},
									],
								},
							],
						},
					],
				},
			],
		},
		{
			displayName: 'Query ID Field',
			name: 'queryIdField',
			type: 'string',
			required: true,
			default: 'query_id',
			description: 'Name of the input field holding the query ID (a dot path such as "result.query_id" also works)',
			displayOptions: { show: { gradesFrom: ['items'] } },
		},
		{
			displayName: 'Candidate ID Field',
			name: 'candidateIdField',
			type: 'string',
			required: true,
			default: 'candidate_id',
			description: 'Name of the input field holding the candidate (search result) ID',
			displayOptions: { show: { gradesFrom: ['items'] } },
		},
		{
			displayName: 'Grade Field',
			name: 'gradeField',
			type: 'string',
			required: true,
			default: 'grade',
			description: 'Name of the input field holding the grade (a whole number, or numeric text such as "3")',
			displayOptions: { show: { gradesFrom: ['items'] } },
		},
	],
});

