import { useEffect, useState } from 'react';

/** A short confirmation ("Changes saved.") that clears itself, so an old one never reads as news. */
export function useFadingMessage(ms = 6000): [string, (message: string) => void] {
  const [message, setMessage] = useState('');
  useEffect(() => {
    if (!message) return;
    const timer = window.setTimeout(() => setMessage(''), ms);
    return () => window.clearTimeout(timer);
  }, [message, ms]);
  return [message, setMessage];
}
