/**
 * `npm run media:samples`: makes the small sample recordings that let guides play audio and video before
 * the province's own recordings exist. Needs espeak-ng and ffmpeg (Debian: `apt-get install espeak-ng
 * ffmpeg`); the output is committed, so nobody else needs them.
 *
 * For each script in catalogue/media/sampleScripts.json: every sentence is spoken by espeak-ng, the
 * sentences are joined with short pauses, and their timings become one WebVTT cue each, in every language
 * the script has. Videos are a slideshow (one slide per sentence) at 416×234, ≤ 150 kbit/s, mono audio;
 * audio is MP3 at 32 kbit/s. The recordings' entries in catalogue/media/recordings.json are rewritten;
 * official entries (origin "official") are kept as they are.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Recording } from '@/catalogue/media';

interface SampleScript {
  id: string;
  guide: Recording['guide'];
  kind: 'audio' | 'video';
  language: string;
  slides?: string[];
  sentences?: Record<string, string[]>;
  sameScriptAs?: string;
}

const root = process.cwd();
const recordingsFile = path.join(root, 'catalogue/media/recordings.json');
const font = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf';
const PAUSE = 0.5;
const SIZE = { width: 416, height: 234 };

const scripts = (
  JSON.parse(readFileSync(path.join(root, 'catalogue/media/sampleScripts.json'), 'utf8')) as {
    samples: SampleScript[];
  }
).samples;

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
const duration = (file: string) =>
  Number(
    run('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file])
      .toString()
      .trim(),
  );

function timestamp(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(ms % 1000, 3)}`;
}

function webVtt(cues: { start: number; end: number; text: string }[]): string {
  return `WEBVTT\n\n${cues.map((c, i) => `${i + 1}\n${timestamp(c.start)} --> ${timestamp(c.end)}\n${c.text}\n`).join('\n')}`;
}

/** Speaks each sentence, joins them with pauses; returns the WAV and each sentence's [start, end]. */
function narrate(work: string, sentences: string[]): { wav: string; spans: [number, number][] } {
  const parts: string[] = [];
  const spans: [number, number][] = [];
  let at = 0;
  sentences.forEach((sentence, i) => {
    const wav = path.join(work, `s${i}.wav`);
    // Vietnamese is the only voice espeak-ng has among the portal's languages; it reads the other scripts too.
    run('espeak-ng', ['-v', 'vi', '-s', '140', '-w', wav, sentence]);
    const padded = path.join(work, `p${i}.wav`);
    run('ffmpeg', ['-y', '-i', wav, '-af', `apad=pad_dur=${PAUSE}`, '-ar', '22050', '-ac', '1', padded]);
    const length = duration(wav);
    spans.push([at, at + length]);
    at += duration(padded);
    parts.push(padded);
  });
  const list = path.join(work, 'list.txt');
  writeFileSync(list, parts.map((p) => `file '${p}'`).join('\n'));
  const wav = path.join(work, 'narration.wav');
  run('ffmpeg', ['-y', '-f', 'concat', '-safe', '0', '-i', list, '-c', 'copy', wav]);
  return { wav, spans };
}

function slideshow(work: string, wav: string, slides: string[], spans: [number, number][], out: string) {
  const total = duration(wav);
  const filters = slides.map((text, i) => {
    const file = path.join(work, `slide${i}.txt`);
    writeFileSync(file, text);
    const from = i === 0 ? 0 : spans[i]![0];
    const to = i === slides.length - 1 ? total + 1 : spans[i + 1]![0];
    return `drawtext=fontfile=${font}:textfile=${file}:fontsize=28:fontcolor=white:x=(w-text_w)/2:y=(h-text_h)/2:enable='between(t,${from.toFixed(2)},${to.toFixed(2)})'`;
  });
  run('ffmpeg', [
    '-y',
    '-f',
    'lavfi',
    '-i',
    `color=c=0x14532d:s=${SIZE.width}x${SIZE.height}:r=12:d=${total.toFixed(2)}`,
    '-i',
    wav,
    '-vf',
    filters.join(','),
    '-c:v',
    'libx264',
    '-profile:v',
    'baseline',
    '-pix_fmt',
    'yuv420p',
    '-b:v',
    '100k',
    '-maxrate',
    '100k',
    '-bufsize',
    '200k',
    '-c:a',
    'aac',
    '-b:a',
    '32k',
    '-ac',
    '1',
    '-shortest',
    '-movflags',
    '+faststart',
    out,
  ]);
}

const work = mkdtempSync(path.join(tmpdir(), 'motcua-media-'));
const made: Recording[] = [];
try {
  for (const script of scripts) {
    const base = script.sameScriptAs ? scripts.find((s) => s.id === script.sameScriptAs)! : script;
    const sentences = base.sentences!;
    const spoken = sentences[script.language];
    if (!spoken) throw new Error(`${script.id}: no ${script.language} sentences to speak`);
    const dir = path.join(work, script.id);
    run('mkdir', ['-p', dir]);
    const { wav, spans } = narrate(dir, spoken);

    const file = `/media/samples/${script.id}.${script.kind === 'video' ? 'mp4' : 'mp3'}`;
    const target = path.join(root, 'public', file);
    let poster: string | undefined;
    if (script.kind === 'video') {
      slideshow(dir, wav, base.slides!, spans, target);
      poster = `/media/samples/${script.id}.jpg`;
      run('ffmpeg', [
        '-y',
        '-ss',
        '0.5',
        '-i',
        target,
        '-frames:v',
        '1',
        '-q:v',
        '10',
        path.join(root, 'public', poster),
      ]);
    } else {
      run('ffmpeg', [
        '-y',
        '-i',
        wav,
        '-c:a',
        'libmp3lame',
        '-b:a',
        '32k',
        '-ac',
        '1',
        '-ar',
        '22050',
        target,
      ]);
    }

    // One WebVTT file per language the script has: captions for a video, a timed transcript for audio.
    const texts = Object.entries(sentences).map(([language, lines]) => {
      if (lines.length !== spoken.length)
        throw new Error(`${script.id}: ${language} has ${lines.length} sentences`);
      const vtt = `/media/samples/${script.id}.${language}.vtt`;
      writeFileSync(
        path.join(root, 'public', vtt),
        webVtt(lines.map((text, i) => ({ start: spans[i]![0], end: spans[i]![1], text }))),
      );
      return {
        language,
        file: vtt,
        status: language === 'vi' ? 'source' : 'draft',
      } as Recording['texts'][number];
    });

    made.push({
      id: script.id,
      guide: script.guide,
      kind: script.kind,
      language: script.language as Recording['language'],
      file,
      type: script.kind === 'video' ? 'video/mp4' : 'audio/mpeg',
      bytes: statSync(target).size,
      durationSeconds: Math.round(duration(target) * 10) / 10,
      ...(poster ? { poster, width: SIZE.width, height: SIZE.height } : {}),
      // Vietnamese first, then the rest in the order the script lists them.
      texts: texts.sort((a, b) => Number(b.language === 'vi') - Number(a.language === 'vi')),
      origin: 'sample',
      voice: 'synthetic',
    });
    console.log(`${script.id}: ${(statSync(target).size / 1024).toFixed(0)} KB`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const existing = JSON.parse(readFileSync(recordingsFile, 'utf8')) as { recordings: Recording[] };
const official = existing.recordings.filter((r) => r.origin !== 'sample');
writeFileSync(
  recordingsFile,
  `${JSON.stringify({ ...existing, recordings: [...official, ...made] }, null, 2)}\n`,
);
console.log(`Wrote ${made.length} sample recordings to ${path.relative(root, recordingsFile)}`);
