// One edit at a time per editor: runs it, refreshes the event after success, and keeps the
// refusal's explanation (in the page's language) beside the control that caused it.
import { useState } from "react";
import { useExplain } from "./explain";

export function useAction(refresh: () => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const explain = useExplain();

  const run = async (work: () => Promise<unknown>, describe: (err: unknown) => string = (err) => explain(err)): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await work();
      await refresh();
      return true;
    } catch (err) {
      setError(describe(err));
      return false;
    } finally {
      setBusy(false);
    }
  };

  return { busy, error, run, explain };
}
