import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** The tab's first load may not grow past this (gzip), the size before the plan got its three views. */
export const FIRST_LOAD_BUDGET_BYTES = 156 * 1024;

export interface ChunkSize {
  file: string;
  raw: number;
  gzip: number;
  /** Fetched by the first page load: the entry script or a chunk index.html preloads. */
  firstLoad: boolean;
}

/** The built tab's JavaScript chunks (tab/dist/assets/*.js) with their sizes; empty when not built. */
export function tabChunks(dist = path.join(__dirname, '..', '..', 'tab', 'dist')): ChunkSize[] {
  const assets = path.join(dist, 'assets');
  const files = existsSync(assets) ? readdirSync(assets).filter((f) => f.endsWith('.js')) : [];
  if (files.length === 0) return [];
  // The pages are split (React.lazy), so each further page adds its own chunk when visited.
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const firstLoad = new Set([...html.matchAll(/assets\/([^"']+\.js)/g)].map((m) => m[1]));
  return files.map((file) => {
    const content = readFileSync(path.join(assets, file));
    return {
      file,
      raw: content.length,
      gzip: gzipSync(content, { level: 9 }).length,
      firstLoad: firstLoad.has(file),
    };
  });
}

export function total(chunks: ChunkSize[]): { raw: number; gzip: number } {
  return {
    raw: chunks.reduce((n, f) => n + f.raw, 0),
    gzip: chunks.reduce((n, f) => n + f.gzip, 0),
  };
}
