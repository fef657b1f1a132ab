/**
 * The one map of every message exchanged between the extension's contexts. Pages and the
 * background import only from here, so a message's request and response cannot drift apart.
 */
import * as v from 'valibot';

export interface WorkerStatus {
  version: string;
  startedAt: number;
}

export const requestSchemas = {
  getStatus: v.strictObject({}),
} satisfies Record<string, v.GenericSchema>;

export interface ResponseMap {
  getStatus: WorkerStatus;
}

export type MessageType = keyof typeof requestSchemas;
export type RequestOf<K extends MessageType> = v.InferOutput<(typeof requestSchemas)[K]>;

export interface Envelope {
  type: string;
  data: unknown;
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

export type Handlers = {
  [K in MessageType]: (data: RequestOf<K>) => Promise<ResponseMap[K]> | ResponseMap[K];
};

export function isEnvelope(message: unknown): message is Envelope {
  return typeof message === 'object' && message !== null && 'type' in message && 'data' in message;
}

function isMessageType(type: unknown): type is MessageType {
  return typeof type === 'string' && Object.hasOwn(requestSchemas, type);
}

/**
 * Validates a raw message and runs its handler. Anything malformed is answered with an error
 * before a handler sees it, so a handler never runs on bad input.
 */
export function createDispatcher(handlers: Handlers) {
  return async (message: Envelope): Promise<Reply<unknown>> => {
    if (!isMessageType(message.type)) {
      return { ok: false, error: `Unknown message type: ${String(message.type)}` };
    }
    const parsed = v.safeParse(requestSchemas[message.type], message.data);
    if (!parsed.success) {
      return { ok: false, error: `Invalid ${message.type}: ${v.summarize(parsed.issues)}` };
    }
    try {
      const handler = handlers[message.type] as (data: unknown) => unknown;
      return { ok: true, value: await handler(parsed.output) };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };
}
