// "1 area", "6 proposals": counts in words, one rule (shared plural) for every organiser page.
import { plural } from "../../../../shared/rules";

export function counted(n: number, word: string): string {
  return `${n} ${plural(n, word)}`;
}
