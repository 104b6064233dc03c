/** A wake-up call for a sleeping loop: `next` resolves at the next `fire()`. */
export class Signal {
  private resolve: () => void = () => {};
  next: Promise<void> = Promise.resolve();

  constructor() {
    this.arm();
  }

  private arm(): void {
    this.next = new Promise((resolve) => (this.resolve = resolve));
  }

  fire(): void {
    this.resolve();
    this.arm();
  }
}
