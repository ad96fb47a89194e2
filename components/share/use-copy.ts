/** Copy-to-clipboard with a short-lived "copied" flag, for share surfaces without a model. */
import { useEffect, useRef, useState } from 'preact/hooks';

const COPIED_MS = 2500;

export function useCopy(): { copied: boolean; failed: boolean; copy: (text: string) => Promise<void> } {
  const [copied, setCopied] = useState(false);
  const [failed, setFailed] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  async function copy(text: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      setFailed(false);
      setCopied(true);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => setCopied(false), COPIED_MS);
    } catch {
      setFailed(true);
    }
  }
  return { copied, failed, copy };
}
