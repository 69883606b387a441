import type { HandlerInput, MockClient, MockReleval } from '../server';
import { notFound, pageOf, type Collection, type Resource, type Role } from '../state';

type Fields = Record<string, unknown>;

/**
 * One Releval resource whose list / create / get / update / delete operations answer the way every Releval
 * resource does: lists paged in the configured envelope (200), created 201, read and updated 200, deleted 204
 * with no body, and an unknown id (or one the caller may not see) a 404 problem. Ids and timestamps come from
 * the collection. The hooks hold what differs per resource: checks, defaults, and what an answer leaves out.
 */
export interface CrudResource {
	/** Where the resources are kept: ids, `created` / `updated` and the 404 of an unknown id live there. */
	collection: Collection;
	/** The path parameter that names one resource, e.g. `evaluationId` (for get, update, delete and `find`). */
	idParam?: string;
	/** Reading (list, get) and changing (create, update, delete) need at least these roles. */
	roles: { read: Role; write: Role };
	/** The contract operations answered here; the others the resource has are registered by its own file. */
	operations: { list?: string; create?: string; get?: string; update?: string; delete?: string };
	/**
	 * The resource that this one lives under, e.g. an evaluation run under its evaluation: list and create name it
	 * in the path (`idParam`), answer 404 when it does not exist, and keep its id in `field`.
	 */
	parent?: { collection: Collection; idParam: string; field: string };
	/** Whether the caller may see a resource; the others are left out of lists and are a 404 by id. */
	visible?: (resource: Resource, client: MockClient) => boolean;
	/** The resource as answered (e.g. without its secrets). Default: as stored. */
	present?: (resource: Resource) => unknown;
	/** A list entry, when lists show less than a get (e.g. no queries). Default: `present`. */
	listed?: (resource: Resource) => unknown;
	/** Checks a create request and returns the fields to store (defaults, owner…). Default: the body. */
	create?: (fields: Fields, input: HandlerInput) => Fields;
	/** Checks an update of `resource` and returns the changes to store. Default: the body. */
	update?: (resource: Resource, fields: Fields, input: HandlerInput) => Fields;
	/** Runs before a get answers, e.g. to advance a run as a poll would. */
	beforeGet?: (resource: Resource, input: HandlerInput) => void;
	/** Runs before a delete: checks that refuse it (403, 409) and clean-up of what hangs off the resource. */
	beforeDelete?: (resource: Resource, input: HandlerInput) => void;
}

export interface Crud {
	/** The resource the request's path names; a 404 problem when it is unknown or hidden from the caller. */
	find(input: HandlerInput): Resource;
}

/** Registers a resource's CRUD operations; its other operations find their resource with the `find` returned. */
export function registerCrud(mock: MockReleval, resource: CrudResource): Crud {
	const { collection, idParam, roles, operations, parent } = resource;
	const present = resource.present ?? ((stored: Resource) => stored);
	const listed = resource.listed ?? present;

	const find = ({ params, client }: HandlerInput): Resource => {
		if (!idParam) throw new Error(`The ${collection.what} resource has no idParam to find it by`);
		const id = params[idParam];
		const found = collection.get(id);
		if (resource.visible && !resource.visible(found, client)) throw notFound(collection.what, id);
		return found;
	};

	/** The parent's id from the path, after checking the parent exists; undefined for top-level resources. */
	const parentId = ({ params }: HandlerInput): string | undefined => {
		if (!parent) return undefined;
		return parent.collection.get(params[parent.idParam]).id;
	};

	if (operations.list) {
		mock.handle(operations.list, roles.read, (input) => {
			const under = parentId(input);
			const all = collection
				.all()
				.filter((stored) => !parent || stored[parent.field] === under)
				.filter((stored) => !resource.visible || resource.visible(stored, input.client));
			return { status: 200, body: pageOf(all.map(listed), input.query, mock.options.envelope) };
		});
	}

	if (operations.create) {
		mock.handle(operations.create, roles.write, (input) => {
			const under = parentId(input);
			const body = input.body as Fields;
			const fields = resource.create ? resource.create(body, input) : body;
			const created = collection.insert(parent ? { [parent.field]: under, ...fields } : fields);
			return { status: 201, body: present(created) };
		});
	}

	if (operations.get) {
		mock.handle(operations.get, roles.read, (input) => {
			const found = find(input);
			resource.beforeGet?.(found, input);
			return { status: 200, body: present(collection.get(found.id)) };
		});
	}

	if (operations.update) {
		mock.handle(operations.update, roles.write, (input) => {
			const found = find(input);
			const body = input.body as Fields;
			const changes = resource.update ? resource.update(found, body, input) : body;
			return { status: 200, body: present(collection.update(found.id, changes)) };
		});
	}

	if (operations.delete) {
		mock.handle(operations.delete, roles.write, (input) => {
			const found = find(input);
			resource.beforeDelete?.(found, input);
			collection.remove(found.id);
			return { status: 204 };
		});
	}

	return { find };
}
