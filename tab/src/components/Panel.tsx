import type { HTMLAttributes } from 'react';

/** A card-like surface (theme colours, border, shadow) for content that is not itself interactive. */
export function Panel({ className, ...rest }: HTMLAttributes<HTMLDivElement>) {
  return <div {...rest} className={`panel${className ? ` ${className}` : ''}`} />;
}
