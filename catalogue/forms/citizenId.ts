/**
 * The 12-digit citizen ID (CCCD): 3 digits birth province, 1 digit century and sex, 2 digits birth year,
 * 6 random digits. Checking the middle digits against the date of birth and sex the person gave catches
 * the most common mistake — typing a relative's number.
 */

export interface CitizenIdFacts {
  readonly provinceCode: number;
  readonly sex: 'male' | 'female';
  readonly birthYear: number;
}

/** Province codes run 001–096 (Circular 07/2016/TT-BCA, amended); 000 and 097–999 are unused. */
const MAX_PROVINCE_CODE = 96;

export function parseCitizenId(id: string): CitizenIdFacts | null {
  if (!/^\d{12}$/.test(id)) return null;
  const provinceCode = Number(id.slice(0, 3));
  const centurySex = Number(id[3]);
  if (provinceCode < 1 || provinceCode > MAX_PROVINCE_CODE) return null;
  // 0/1: 20th century male/female, 2/3: 21st, 4/5: 22nd, 6/7: 23rd, 8/9: 19th.
  const century = [1900, 2000, 2100, 2200, 1800][Math.floor(centurySex / 2)]!;
  return {
    provinceCode,
    sex: centurySex % 2 === 0 ? 'male' : 'female',
    birthYear: century + Number(id.slice(4, 6)),
  };
}

/** Masks all but the last 4 digits, for showing an ID back to the person or writing it anywhere. */
export function maskCitizenId(id: string): string {
  return id.length <= 4 ? id : `${'•'.repeat(id.length - 4)}${id.slice(-4)}`;
}
