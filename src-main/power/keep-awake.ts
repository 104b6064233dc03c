/**
 * "Keep the computer awake while the demper runs" (Settings, off by default: it drains a laptop's
 * battery). Holds the OS's blocker exactly while the option is on and the bot is running.
 */
export interface SleepBlocker {
  /** Electron's powerSaveBlocker.start('prevent-app-suspension'): returns an id. */
  start(): number;
  stop(id: number): void;
}

export function createKeepAwake(blocker: SleepBlocker) {
  let held: number | null = null;
  return {
    /** Call whenever the option or the bot's state changes. Returns whether the system is kept awake. */
    apply(optionOn: boolean, botRunning: boolean): boolean {
      const want = optionOn && botRunning;
      if (want && held === null) held = blocker.start();
      if (!want && held !== null) {
        blocker.stop(held);
        held = null;
      }
      return held !== null;
    },
    get active(): boolean {
      return held !== null;
    },
  };
}
export type KeepAwake = ReturnType<typeof createKeepAwake>;
