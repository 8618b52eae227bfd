// React hook: a ref that always holds the latest value, so a request's callback reaches the parent's current handler.
import { useEffect, useRef } from 'react';

export function useLatest<T>(value: T) {
  const ref = useRef(value);
  useEffect(() => {
    ref.current = value;
  });
  return ref;
}
