import { useEffect, useState } from 'react';

/** A value that follows `value` once it has stayed the same for `ms` (typing asks main once the seller pauses, not on every key). */
export function useSettled<V>(value: V, ms: number): V {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
