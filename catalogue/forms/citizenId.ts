/**
 * The 12-digit citizen ID (CCCD), Circular 07/2016/TT-BCA, art. 7: 3 digits birth province, 1 digit
 * century and sex, 2 digits birth year, 6 random digits. Checking the middle digits against the date of
 * birth and sex the person gave catches the most common mistake — typing a relative's number.
 */

export interface CitizenIdFacts {
  readonly provinceCode: number;
  readonly sex: 'male' | 'female';
  readonly birthYear: number;
}

/**
 * The 63 province codes of Circular 07/2016/TT-BCA (the provinces as they were before the 2025 mergers;
 * numbers already issued keep their code). Whether merged provinces mint new codes is unverified: until
 * the Ministry of Public Security says so, only these are accepted.
 */
export const PROVINCE_CODES: ReadonlyMap<number, string> = new Map([
  [1, 'Hà Nội'],
  [2, 'Hà Giang'],
  [4, 'Cao Bằng'],
  [6, 'Bắc Kạn'],
  [8, 'Tuyên Quang'],
  [10, 'Lào Cai'],
  [11, 'Điện Biên'],
  [12, 'Lai Châu'],
  [14, 'Sơn La'],
  [15, 'Yên Bái'],
  [17, 'Hòa Bình'],
  [19, 'Thái Nguyên'],
  [20, 'Lạng Sơn'],
  [22, 'Quảng Ninh'],
  [24, 'Bắc Giang'],
  [25, 'Phú Thọ'],
  [26, 'Vĩnh Phúc'],
  [27, 'Bắc Ninh'],
  [30, 'Hải Dương'],
  [31, 'Hải Phòng'],
  [33, 'Hưng Yên'],
  [34, 'Thái Bình'],
  [35, 'Hà Nam'],
  [36, 'Nam Định'],
  [37, 'Ninh Bình'],
  [38, 'Thanh Hóa'],
  [40, 'Nghệ An'],
  [42, 'Hà Tĩnh'],
  [44, 'Quảng Bình'],
  [45, 'Quảng Trị'],
  [46, 'Thừa Thiên Huế'],
  [48, 'Đà Nẵng'],
  [49, 'Quảng Nam'],
  [51, 'Quảng Ngãi'],
  [52, 'Bình Định'],
  [54, 'Phú Yên'],
  [56, 'Khánh Hòa'],
  [58, 'Ninh Thuận'],
  [60, 'Bình Thuận'],
  [62, 'Kon Tum'],
  [64, 'Gia Lai'],
  [66, 'Đắk Lắk'],
  [67, 'Đắk Nông'],
  [68, 'Lâm Đồng'],
  [70, 'Bình Phước'],
  [72, 'Tây Ninh'],
  [74, 'Bình Dương'],
  [75, 'Đồng Nai'],
  [77, 'Bà Rịa - Vũng Tàu'],
  [79, 'Hồ Chí Minh'],
  [80, 'Long An'],
  [82, 'Tiền Giang'],
  [83, 'Bến Tre'],
  [84, 'Trà Vinh'],
  [86, 'Vĩnh Long'],
  [87, 'Đồng Tháp'],
  [89, 'An Giang'],
  [91, 'Kiên Giang'],
  [92, 'Cần Thơ'],
  [93, 'Hậu Giang'],
  [94, 'Sóc Trăng'],
  [95, 'Bạc Liêu'],
  [96, 'Cà Mau'],
]);

/**
 * The century-and-sex digit: 0/1 20th century male/female, 2/3 21st, 4/5 22nd, 6/7 23rd, 8/9 24th.
 * Only 0–3 can belong to a person alive (or recently dead) today; the others are refused as typing errors.
 */
const CENTURY_OF_DIGIT = [1900, 1900, 2000, 2000] as const;

/** The facts a well-formed ID encodes, or null if it is not 12 digits, its province code does not exist
 * or its century digit is not one a living person can carry. */
export function parseCitizenId(id: string): CitizenIdFacts | null {
  if (!/^\d{12}$/.test(id)) return null;
  const provinceCode = Number(id.slice(0, 3));
  if (!PROVINCE_CODES.has(provinceCode)) return null;
  const centurySex = Number(id[3]);
  const century = CENTURY_OF_DIGIT[centurySex];
  if (century === undefined) return null;
  return {
    provinceCode,
    sex: centurySex % 2 === 0 ? 'male' : 'female',
    birthYear: century + Number(id.slice(4, 6)),
  };
}

/** Which part of a 12-digit ID is wrong, for the message: the province code or the century digit. */
export function citizenIdProblem(id: string): 'province' | 'century' | null {
  if (!PROVINCE_CODES.has(Number(id.slice(0, 3)))) return 'province';
  return parseCitizenId(id) ? null : 'century';
}

/** Masks all but the last 4 digits, for showing an ID back to the person or writing it anywhere. */
export function maskCitizenId(id: string): string {
  return id.length <= 4 ? id : `${'•'.repeat(id.length - 4)}${id.slice(-4)}`;
}
