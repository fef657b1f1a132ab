import type { Handlers } from '../../lib/messaging/protocol';

/** Handlers for a test: the ones given, and the rest failing loudly if called. */
export function handlersWith(given: Partial<Handlers>): Handlers {
  const unexpected = (name: string) => () => {
    throw new Error(`unexpected ${name}`);
  };
  return {
    getStatus: unexpected('getStatus'),
    logEntries: unexpected('logEntries'),
    removeEntries: unexpected('removeEntries'),
    syncNow: unexpected('syncNow'),
    saveSettings: unexpected('saveSettings'),
    saveCustomExercise: unexpected('saveCustomExercise'),
    answerPrompt: unexpected('answerPrompt'),
    pauseNudges: unexpected('pauseNudges'),
    resumeNudges: unexpected('resumeNudges'),
    takeTimeOff: unexpected('takeTimeOff'),
    nudgeStatus: unexpected('nudgeStatus'),
    testNotification: unexpected('testNotification'),
    stageImport: unexpected('stageImport'),
    commitImport: unexpected('commitImport'),
    resetData: unexpected('resetData'),
    restoreBackup: unexpected('restoreBackup'),
    entryDigests: unexpected('entryDigests'),
    historyYears: unexpected('historyYears'),
    removeOldHistory: unexpected('removeOldHistory'),
    startSession: unexpected('startSession'),
    logSessionSet: unexpected('logSessionSet'),
    pauseSession: unexpected('pauseSession'),
    skipSessionExercise: unexpected('skipSessionExercise'),
    endSession: unexpected('endSession'),
    saveRoutines: unexpected('saveRoutines'),
    saveCheckIn: unexpected('saveCheckIn'),
    deleteCheckIn: unexpected('deleteCheckIn'),
    saveCheckInReminder: unexpected('saveCheckInReminder'),
    importCheckIns: unexpected('importCheckIns'),
    importWorkouts: unexpected('importWorkouts'),
    ...given,
  };
}
