// What every service needs: the database, its repositories and a clock (injectable for tests).
import type { Db } from "../db/open";
import type { Repos } from "../repos";

export interface Ctx {
  db: Db;
  repos: Repos;
  now: () => string;
}
