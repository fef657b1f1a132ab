/**
 * The background worker's JavaScript heap, garbage collected, through the DevTools protocol.
 * Playwright opens protocol sessions on pages only, so a page's session reaches the worker's
 * target and relays to it (`Target.sendMessageToTarget`).
 */
import type { LaunchedExtension } from '../e2e/launch';

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

/** Megabytes (10^6 bytes) of heap the worker uses after a full garbage collection. */
export async function workerHeapMb(extension: LaunchedExtension): Promise<number> {
  const page = await extension.context.newPage();
  try {
    const session = await extension.context.newCDPSession(page);
    // Playwright types only the page's own protocol; the target domain is sent untyped.
    const call = (method: string, params: object = {}) =>
      session.send(method as never, params as never) as Promise<unknown>;
    const { targetInfos } = (await call('Target.getTargets')) as { targetInfos: TargetInfo[] };
    const worker = targetInfos.find(
      (target) =>
        target.type === 'service_worker' && target.url.startsWith(extension.url('background')),
    );
    if (!worker) throw new Error('No service worker target to measure');
    const { sessionId } = (await call('Target.attachToTarget', {
      targetId: worker.targetId,
      flatten: false,
    })) as { sessionId: string };

    const replies = new Map<number, (reply: { result?: unknown; error?: unknown }) => void>();
    session.on(
      'Target.receivedMessageFromTarget' as never,
      ((event: { message: string }) => {
        const reply = JSON.parse(event.message) as {
          id?: number;
          result?: unknown;
          error?: unknown;
        };
        if (reply.id !== undefined) replies.get(reply.id)?.(reply);
      }) as never,
    );
    let lastId = 0;
    const inWorker = async (method: string): Promise<unknown> => {
      const id = ++lastId;
      const reply = new Promise<{ result?: unknown; error?: unknown }>((resolve) =>
        replies.set(id, resolve),
      );
      await call('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({ id, method, params: {} }),
      });
      const { result, error } = await reply;
      if (error) throw new Error(`${method}: ${JSON.stringify(error)}`);
      return result;
    };

    await inWorker('HeapProfiler.collectGarbage');
    const { usedSize } = (await inWorker('Runtime.getHeapUsage')) as { usedSize: number };
    await call('Target.detachFromTarget', { sessionId });
    return usedSize / 1e6;
  } finally {
    await page.close();
  }
}
