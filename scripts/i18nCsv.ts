/**
 * `npm run i18n:export -- <locale> [file.csv]` writes a minority locale's strings for translators
 * (default `translations/<locale>.csv`); `npm run i18n:import -- <locale> <file.csv>` reads it back into
 * `messages/<locale>.json` and `messages/status/<locale>.json`, or changes nothing and says which rows
 * are wrong. Then `npm run i18n:coverage` shows the new figure.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { locales, localeInfo, type Locale } from '@/i18n/locales';
import type { MessageTree, StatusFile } from '@/i18n/messages';
import { exportCsv, importCsv, TranslationImportError } from '@/lib/translationCsv';

const [command, locale, file] = process.argv.slice(2);
const translatable: readonly string[] = locales.filter((l) => l !== 'vi' && l !== 'en');
if (!locale || !translatable.includes(locale)) {
  console.error(`Usage: ${command} <${translatable.join('|')}> [file.csv]`);
  process.exit(2);
}
const read = (p: string) => JSON.parse(readFileSync(p, 'utf8')) as unknown;
const messagesFile = path.join('messages', `${locale}.json`);
const statusFile = path.join('messages', 'status', `${locale}.json`);
const source = read(path.join('messages', 'vi.json')) as MessageTree;
const status = read(statusFile) as StatusFile;

if (command === 'export') {
  const out = file ?? path.join('translations', `${locale}.csv`);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, exportCsv(source, read(messagesFile) as MessageTree, status));
  console.log(`${localeInfo[locale as Locale].autonym}: wrote ${out}`);
} else if (command === 'import' && file) {
  try {
    const result = importCsv(readFileSync(file, 'utf8'), source, status);
    writeFileSync(messagesFile, `${JSON.stringify(result.messages, null, 2)}\n`);
    writeFileSync(statusFile, `${JSON.stringify(result.status, null, 2)}\n`);
    console.log(
      `${localeInfo[locale as Locale].autonym}: imported ${result.translated} strings from ${file}`,
    );
  } catch (error) {
    if (!(error instanceof TranslationImportError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
} else {
  console.error('Usage: export <locale> [file.csv] | import <locale> <file.csv>');
  process.exit(2);
}
