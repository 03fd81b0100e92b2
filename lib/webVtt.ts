import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The cue texts of a WebVTT file, in order: enough to print a recording's words as a transcript. Our files
 * are simple (no regions, styles or voice tags); a cue is a block after its timing line.
 */
export function cueTexts(vtt: string): string[] {
  return vtt
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .flatMap((block) => {
      const lines = block.split('\n');
      const timing = lines.findIndex((line) => line.includes('-->'));
      if (timing < 0) return [];
      const text = lines
        .slice(timing + 1)
        .join(' ')
        .replace(/<[^>]*>/g, '')
        .trim();
      return text ? [text] : [];
    });
}

/** Reads a WebVTT file served from public/ (at build time for prerendered pages). */
export function publicCueTexts(file: string): string[] {
  return cueTexts(readFileSync(path.join(process.cwd(), 'public', file), 'utf8'));
}
