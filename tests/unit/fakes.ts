/** Stand-ins for the browser APIs fakeBrowser does not implement, driven by the tests. */
type IdleState = 'active' | 'idle' | 'locked';
type Listener<A extends unknown[]> = (...args: A) => void;

class FakeEvent<A extends unknown[]> {
  private readonly listeners = new Set<Listener<A>>();
  addListener = (listener: Listener<A>) => void this.listeners.add(listener);
  removeListener = (listener: Listener<A>) => void this.listeners.delete(listener);
  hasListener = (listener: Listener<A>) => this.listeners.has(listener);
  trigger(...args: A): void {
    for (const listener of this.listeners) listener(...args);
  }
  reset(): void {
    this.listeners.clear();
  }
}

class FakeIdle {
  state: IdleState = 'active';
  detectionIntervalSeconds = 60;
  readonly onStateChanged = new FakeEvent<[IdleState]>();
  queryState = async (_detectionIntervalInSeconds: number): Promise<IdleState> => this.state;
  setDetectionInterval = (seconds: number): void => {
    this.detectionIntervalSeconds = seconds;
  };

  /** Moves to a new state and tells the listeners, as Chromium does. */
  enter(state: IdleState): void {
    this.state = state;
    this.onStateChanged.trigger(state);
  }

  reset(): void {
    this.state = 'active';
    this.detectionIntervalSeconds = 60;
    this.onStateChanged.reset();
  }
}

class FakeCommands {
  readonly onCommand = new FakeEvent<[string]>();
  press(command: string): void {
    this.onCommand.trigger(command);
  }
  reset(): void {
    this.onCommand.reset();
  }
}

export const fakeIdle = new FakeIdle();
export const fakeCommands = new FakeCommands();
