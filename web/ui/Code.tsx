import type { ReactNode } from 'react';

export function Code({ children }: { children: ReactNode }) {
  return <code className="inline-code">{children}</code>;
}
