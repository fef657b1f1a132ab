/**
 * The pages' side of lib/messaging/protocol.ts: sending a typed request. It imports the protocol's
 * types only, so the pages do not carry the request schemas (the worker checks every message).
 */
import { browser } from './browser-api';
import type { MessageType, RequestOf, ResponseMap } from '../messaging/protocol';
import { BATCH, batched, type Envelope, type Reply } from '../messaging/wire';
import { ProblemError, unknownProblem } from '../model/problem';

/** The worker's refusal (or no answer at all), as the problem the page shows. */
export class MessageError extends ProblemError {
  override name = 'MessageError';
}

const noAnswer = (type: MessageType) => {
  const { key, params } = unknownProblem(`No answer to ${type}`);
  return new MessageError(key, params);
};

/** Messages that change data: each carries an id, so sending it again stores it once. */
const CHANGES: ReadonlySet<MessageType> = new Set(['logEntries', 'removeEntries']);
/** A change whose answer was lost (the worker stopped meanwhile) is sent this often in all. */
const ATTEMPTS = 3;

function newChangeId(): string {
  return crypto.randomUUID().replace(/-/g, '');
}

interface Waiting {
  envelope: Envelope;
  answer(reply: Reply<unknown> | undefined): void;
  fail(error: unknown): void;
}

/** Messages sent in this task, not yet on their way. */
let waiting: Waiting[] = [];

/** Sends the messages this task sent, together, once the task's own code has run. */
function post(envelope: Envelope): Promise<Reply<unknown> | undefined> {
  return new Promise((answer, fail) => {
    if (waiting.length === 0) queueMicrotask(sendWaiting);
    waiting.push({ envelope, answer, fail });
  });
}

function sendWaiting(): void {
  const sending = waiting;
  waiting = [];
  for (const { message, items } of batched(sending, ({ envelope }) => envelope)) {
    void sendGroup(message, items);
  }
}

/** One message on the wire; a batch's answer is one reply per message inside, in order. */
async function sendGroup(message: Envelope, group: Waiting[]): Promise<void> {
  let reply: Reply<unknown> | undefined;
  try {
    reply = (await browser.runtime.sendMessage(message)) as Reply<unknown> | undefined;
  } catch (error) {
    for (const { fail } of group) fail(error);
    return;
  }
  if (message.type !== BATCH) {
    group[0]!.answer(reply);
    return;
  }
  const replies = reply?.ok ? reply.value : undefined;
  if (Array.isArray(replies) && replies.length === group.length) {
    group.forEach(({ answer }, index) => answer(replies[index] as Reply<unknown>));
  } else {
    // The batch itself refused (its problem for each) or left unanswered (each tries again).
    for (const { answer } of group) answer(reply?.ok ? undefined : reply);
  }
}

export async function sendMessage<K extends MessageType>(
  type: K,
  data: RequestOf<K>,
): Promise<ResponseMap[K]> {
  const change = CHANGES.has(type);
  // Firefox structured-clones every message and cannot clone a Svelte `$state` proxy (Chromium
  // copies through JSON and can): cloning here makes a page that sends one fail in every browser
  // and in the unit tests, not only in Firefox. Pages send `$state.snapshot(...)`.
  const envelope: Envelope = structuredClone({
    type,
    data: change ? { changeId: newChangeId(), ...(data as object) } : data,
  });
  let lost: unknown;
  for (let attempt = 0; attempt < (change ? ATTEMPTS : 1); attempt++) {
    let reply: Reply<ResponseMap[K]> | undefined;
    try {
      reply = (await post(envelope)) as Reply<ResponseMap[K]> | undefined;
    } catch (error) {
      lost = error;
      continue;
    }
    if (!reply) {
      lost = noAnswer(type);
      continue;
    }
    if (!reply.ok) throw new MessageError(reply.error.key, reply.error.params);
    return reply.value;
  }
  throw lost instanceof Error ? lost : noAnswer(type);
}
