/**
 * What the user does outside a page (a notification's button, a keyboard command) has no page
 * to show a refusal: a notification says it, in the user's words, as a page would.
 */
import { problemOf } from '../model/problem';
import type { WorkerDependencies } from './dependencies';

export const PROBLEM_NOTIFICATION_ID = 'backbone-problem';

/** What the user asked for, as `command.*` names it or as an answer to a nudge. */
export type AskedFor = 'logWater' | 'repeatLastSet' | 'togglePause' | 'promptAnswer' | 'sessionSet';

const TITLES: Record<AskedFor, string> = {
  logWater: 'command.logWater',
  repeatLastSet: 'command.repeatLastSet',
  togglePause: 'command.togglePause',
  promptAnswer: 'worker.promptAnswer',
  sessionSet: 'session.nextSet',
};

/** Runs what the user asked for; a failure is said in a notification rather than lost. */
export function sayingProblems(deps: Pick<WorkerDependencies, 'notifications' | 't' | 'iconUrl'>) {
  return async (asked: AskedFor, task: () => Promise<void>): Promise<void> => {
    try {
      await task();
    } catch (error) {
      const { key, params } = problemOf(error);
      await deps.notifications.create(PROBLEM_NOTIFICATION_ID, {
        type: 'basic',
        iconUrl: deps.iconUrl,
        title: deps.t('worker.notDone', [deps.t(TITLES[asked])]),
        message: deps.t(key, params) || deps.t('error.unknown', [key]),
      });
    }
  };
}
