/**
 * Use cases that replace data: import (staged in parts, then committed: data-import.ts), reset
 * and restore (data-reset.ts), each behind a backup, each recorded in a journal so a worker
 * stopped in the middle finishes it on its next start (`finishJournal`).
 */
import type { Handlers } from '../messaging/protocol';
import type { NudgeEngine } from '../nudge/engine';
import { isKeptBackup, LOCAL_QUOTA_BYTES } from '../store/backup';
import { LOCAL_KEYS } from '../store/items';
import {
  commitImport,
  dropAbandoned,
  runImport,
  stageImport,
  type ImportJournal,
} from './data-import';
import {
  finishReset,
  finishRestore,
  resetData,
  restoreBackup,
  tell,
  type DataContext,
} from './data-reset';
import type { WorkerContext } from './dependencies';

/**
 * A use case the worker was stopped in the middle of is finished now, and the user told.
 * `startedAt`: when this worker started; parts staged before it are a closed page's.
 */
export async function finishJournal(context: DataContext, startedAt: number): Promise<void> {
  const { local } = context.deps;
  // An import whose page was closed before it was committed never began: it is let go.
  if (await dropAbandoned(local, '', startedAt)) await tell(context.deps, 'importDiscarded');
  const stored = await local.get([LOCAL_KEYS.journal, LOCAL_KEYS.backup]);
  const journal = stored[LOCAL_KEYS.journal] as
    ImportJournal | { kind: 'restore' | 'reset' } | undefined;
  if (journal === undefined) return;
  if (journal.kind === 'import') {
    // Not inside the writer's queue, where resume runs this: the import queues its own steps.
    void runImport(context, journal, 'importFinished');
    return;
  }
  if (journal.kind === 'reset') return finishReset(context, 'resetFinished');
  const backup = stored[LOCAL_KEYS.backup];
  if (isKeptBackup(backup)) await finishRestore(context, backup, 'restoreFinished');
  else await local.remove(LOCAL_KEYS.journal);
}

export function backupAndImport({ deps, device, writer }: WorkerContext, engine: NudgeEngine) {
  const context: DataContext = {
    deps,
    device,
    writer,
    engine,
    localQuotaBytes: deps.localQuotaBytes ?? LOCAL_QUOTA_BYTES,
  };
  /** Parts staged before this are a page's that was closed (or an earlier worker's). */
  const startedAt = deps.now();
  const handlers: Pick<Handlers, 'stageImport' | 'commitImport' | 'resetData' | 'restoreBackup'> = {
    stageImport: (request) => stageImport(context, request),
    commitImport: (request) => commitImport(context, request),
    resetData: () => resetData(context),
    restoreBackup: () => restoreBackup(context),
  };
  return { handlers, finishJournal: () => finishJournal(context, startedAt) };
}
