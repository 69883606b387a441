import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

/** An input item with a file in a binary property, as n8n's file nodes produce (in-memory binary data). */
export function binaryItem(
	content: Uint8Array | string,
	fileName: string | undefined,
	options: { property?: string; mimeType?: string; json?: IDataObject } = {},
): INodeExecutionData {
	const data = Buffer.from(content);
	const dot = fileName?.lastIndexOf('.') ?? -1;
	return {
		json: options.json ?? {},
		binary: {
			[options.property ?? 'data']: {
				data: data.toString('base64'),
				mimeType: options.mimeType ?? 'application/octet-stream',
				...(fileName ? { fileName } : {}),
				...(fileName && dot > 0 ? { fileExtension: fileName.slice(dot + 1) } : {}),
				fileSize: String(data.length),
			},
		},
	};
}

/** Deterministic bytes covering every byte value, including sequences that are not valid UTF-8. */
export function nonUtf8Bytes(length: number): Buffer {
	const bytes = Buffer.alloc(length);
	let state = 0x12345678;
	for (let index = 0; index < length; index++) {
		state = (Math.imul(state, 1103515245) + 12345) >>> 0;
		bytes[index] = index < 256 ? index : state >>> 24;
	}
	return bytes;
}
