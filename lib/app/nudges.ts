/** The nudge engine as the worker runs it, and the messages that answer and pause its prompts. */
import type { Handlers } from '../messaging/protocol';
import { NudgeEngine } from '../nudge/engine';
import type { WorkerContext } from './dependencies';
import { readOverview, todayWaterGoal } from './overview';
import { readSettings } from './shared-records';

/** The engine reads the settings and today's water from storage and logs through the writer. */
export function createNudgeEngine({ deps, writer }: WorkerContext): NudgeEngine {
  return new NudgeEngine({
    ...deps,
    settings: () => readSettings(deps.sync),
    water: async () => {
      const overview = await readOverview(deps, deps.now(), false);
      return { todayMl: overview.todayTotals.waterMl, goalMl: todayWaterGoal(overview) };
    },
    log: async (entries) => (await writer).logEntries(entries),
  });
}

export function nudgeHandlers(
  engine: NudgeEngine,
): Pick<
  Handlers,
  'answerPrompt' | 'pauseNudges' | 'resumeNudges' | 'nudgeStatus' | 'testNotification'
> {
  return {
    answerPrompt: ({ kind, outcome, snoozeMinutes, prompt }) =>
      engine.answer(kind, outcome, snoozeMinutes, prompt),
    pauseNudges: ({ choice }) => engine.pause(choice),
    resumeNudges: () => engine.resume(),
    nudgeStatus: () => engine.status(),
    testNotification: () => engine.showTest(),
  };
}

/** The keyboard command: pauses the nudges, or resumes them when paused. */
export async function togglePause(engine: NudgeEngine): Promise<void> {
  const status = await engine.status();
  await (status.pausedIndefinitely || status.pausedUntil
    ? engine.resume()
    : engine.pause('untilResumed'));
}
