import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface ServeCommand {
  /** The node options production starts the server with, e.g. a V8 heap option. */
  nodeArgs: string[];
  /** The compiled entry point, relative to the repository root. */
  entry: string;
}

/**
 * The production start command, `npm run serve` in package.json (infra/main.bicep's appCommandLine
 * is the same command), split into node's options and the entry point, so the benches start the
 * server the way App Service does.
 */
export function serveCommand(root = path.join(__dirname, '..', '..')): ServeCommand {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const words = pkg.scripts.serve!.trim().split(/\s+/);
  const entry = words.at(-1)!;
  if (words[0] !== 'node' || !entry.endsWith('.js')) {
    throw new Error(`"serve" is not \`node [options] <entry>.js\`: ${pkg.scripts.serve}`);
  }
  return { nodeArgs: words.slice(1, -1), entry };
}

/** The start command's node options, or BENCH_NODE_ARGS when set (to compare another setting). */
export function benchNodeArgs(): string[] {
  const override = process.env.BENCH_NODE_ARGS;
  return override === undefined ? serveCommand().nodeArgs : override.split(/\s+/).filter(Boolean);
}
