/**
 * Who a submission is for, as staff lists show it: the applicant, or the first partner of a marriage
 * (whose journey has no "applicant" section). The villager, never the helper (docs/adr/0026).
 */
export function applicantName(answers: Record<string, unknown>): string {
  return String(answers['applicant-name'] ?? answers['partner1-name'] ?? '');
}

export function applicantCitizenId(answers: Record<string, unknown>): string | null {
  const id = answers['applicant-cid'] ?? answers['partner1-cid'];
  return typeof id === 'string' ? id : null;
}
