// The processes of one scenario: started together, always stopped together — also when the
// scenario throws or overruns its time budget — so a benchmark never leaves a process behind.
import { startWorker, type Worker, type WorkerApi } from "./rpc";

export class Cluster {
  private readonly workers: Array<Worker<WorkerApi>> = [];

  start<Api extends WorkerApi>(file: string, name: string, nodeFlags: readonly string[] = []): Promise<Worker<Api>> {
    return startWorker<Api>(file, name, nodeFlags).then((w) => {
      this.workers.push(w);
      return w;
    });
  }

  async stopAll(): Promise<void> {
    await Promise.all(this.workers.splice(0).map((w) => w.stop()));
  }
}

/** Runs `body` with a fresh cluster; past `budgetMs` every process is stopped and the run fails. */
export async function withCluster<T>(name: string, budgetMs: number, body: (cluster: Cluster) => Promise<T>): Promise<T> {
  const cluster = new Cluster();
  let timer: NodeJS.Timeout | undefined;
  const overrun = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${name}: over its time budget of ${Math.round(budgetMs / 1000)} s, stopped`)), budgetMs);
  });
  try {
    return await Promise.race([body(cluster), overrun]);
  } finally {
    clearTimeout(timer);
    await cluster.stopAll();
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
