/**
 * Runs async tasks one after another in call order, so that two IPC calls touching the same
 * file (a recovery write and a clear, two recent-list updates) cannot interleave.
 */
export function createSerialQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (task) => {
    const result = tail.then(task);
    tail = result.catch(() => undefined);
    return result;
  };
}
