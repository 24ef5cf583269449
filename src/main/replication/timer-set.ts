/** Timeouts that all end with one clear(), so a stopped heartbeat leaves nothing scheduled. */
export interface TimerSet {
  after(ms: number, run: () => void): void;
  clear(): void;
}

export function createTimerSet(): TimerSet {
  const timers = new Set<NodeJS.Timeout>();
  let cleared = false;
  return {
    after(ms, run) {
      if (cleared) return;
      const timer = setTimeout(
        () => {
          timers.delete(timer);
          run();
        },
        Math.max(0, ms),
      );
      timers.add(timer);
    },
    clear() {
      cleared = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
