/** Small builders for entries in tests: valid by default, overridable field by field. */
import type {
  CardioEntry,
  PromptEntry,
  RestEntry,
  SetEntry,
  WaterEntry,
} from '../../lib/model/entries';

let counter = 0;
const nextId = () => `id${String(++counter).padStart(6, '0')}`;
const at = Date.UTC(2026, 10, 24, 12);

export const water = (overrides: Partial<WaterEntry> = {}): WaterEntry => ({
  id: nextId(),
  at,
  day: '2026-11-24',
  device: 'dev1',
  kind: 'water',
  ml: 250,
  ...overrides,
});

export const set = (overrides: Partial<SetEntry> = {}): SetEntry => ({
  id: nextId(),
  at,
  day: '2026-11-24',
  device: 'dev1',
  kind: 'set',
  exercise: 'bentOverRow',
  reps: 10,
  weight: { amount: 20, unit: 'kg' },
  ...overrides,
});

export const cardio = (overrides: Partial<CardioEntry> = {}): CardioEntry => ({
  id: nextId(),
  at,
  day: '2026-11-24',
  device: 'dev1',
  kind: 'cardio',
  exercise: 'rowingMachine',
  seconds: 600,
  ...overrides,
});

export const prompt = (overrides: Partial<PromptEntry> = {}): PromptEntry => ({
  id: nextId(),
  at,
  day: '2026-11-24',
  device: 'dev1',
  kind: 'prompt',
  prompt: 'posture',
  outcome: 'done',
  firedAt: at - 5000,
  answeredAt: at,
  ...overrides,
});

export const rest = (overrides: Partial<RestEntry> = {}): RestEntry => ({
  id: nextId(),
  at,
  day: '2026-11-24',
  device: 'dev1',
  kind: 'rest',
  reason: 'rest',
  ...overrides,
});

export const MINUTE = 60_000;

/** A local wall-clock time in November 2026, in the zone the tests run in; the 23rd is a Monday. */
export const novemberAt = (day: number, hour: number, minute = 0): number =>
  new Date(2026, 10, day, hour, minute).getTime();
