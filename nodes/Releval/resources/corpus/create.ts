import { descriptionField, fieldsCollection, nameField, defineOperation } from '../../shared/descriptions';

/**
 * How judgments are matched to queries. SEEN: the values `qid` (query text, the default) and `oid` (the full
 * query object), and that the mode is fixed at creation. INFERRED: the wire field name `match_mode`.
 */
export const MATCH_MODE_PROPERTY = 'match_mode';

export const createOperation = defineOperation({
	name: 'Create',
	value: 'create',
	action: 'Create a corpus',
	description:
		'Create a corpus: the document collection that judgments and judgment lists belong to. The match mode can only be chosen here; it cannot be changed later. Returns the new corpus with its ID.',
	endpoint: 'createCorpus',
	fields: [
		nameField('e.g. Product catalogue'),
		fieldsCollection('additionalFields', [
			descriptionField(),
			{
				displayName: 'Match Mode',
				name: 'matchMode',
				type: 'options',
				default: 'qid',
				description:
					'How judgments are matched to queries. Can only be set when the corpus is created; it cannot be changed afterwards.',
				options: [
					{
						name: 'Query Object (OID)',
						value: 'oid',
						description: 'Match on the full query object, so queries with the same text but different attributes are judged separately',
					},
					{
						name: 'Query Text (QID)',
						value: 'qid',
						description: 'Match on the query text (Releval default)',
					},
				],
				routing: { send: { type: 'body', property: MATCH_MODE_PROPERTY } },
			},
		]),
	],
});

