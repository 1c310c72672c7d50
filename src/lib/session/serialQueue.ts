// State-changing operations run one after another: two quick selector changes must not score
// concurrently and leave the ranking of the first on screen. A failed task does not stop the
// ones queued after it.
export class SerialQueue {
  #tail: Promise<void> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#tail.then(task);
    this.#tail = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  /** Resolves when every task queued so far has finished. */
  settled(): Promise<void> {
    return this.#tail;
  }
}
