import type { Locale } from '@/i18n/locales';

/** Every internal link carries its language, so shared links and QR codes keep the reader's language. */
export function localePath(locale: Locale, path = ''): string {
  return `/${locale}${path}`;
}

export const paths = {
  home: () => '',
  search: (query?: string) => (query ? `/search?q=${encodeURIComponent(query)}` : '/search'),
  lifeEvent: (id: string) => `/life-events/${id}`,
  procedure: (id: string) => `/procedures/${id}`,
  apply: (id: string) => `/procedures/${id}/apply`,
  tasks: (journeyId: string) => `/apply/${journeyId}`,
  consent: (journeyId: string) => `/apply/${journeyId}/consent`,
  /** "Start" with an unfinished application on this browser: go on with it, or start one's own. */
  inProgress: (journeyId: string) => `/apply/${journeyId}/in-progress`,
  question: (journeyId: string, questionId: string, change = false) =>
    `/apply/${journeyId}/q/${questionId}${change ? '?change=1' : ''}`,
  check: (journeyId: string) => `/apply/${journeyId}/check`,
  confirmation: (journeyId: string) => `/apply/${journeyId}/confirmation`,
  resume: () => '/apply/resume',
  /** With the receipt's tracking key the page opens without the second factor (the QR code carries it). */
  receipt: (reference: string, key?: string) =>
    `/receipts/${reference}${key ? `?k=${encodeURIComponent(key)}` : ''}`,
  track: (reference: string, key?: string) =>
    `/track/${reference}${key ? `?k=${encodeURIComponent(key)}` : ''}`,
  trackFind: () => '/track',
  formExpired: () => '/form-expired',
  ops: () => '/ops',
  staffSignIn: () => '/staff/sign-in',
  staffSecondFactor: () => '/staff/second-factor',
  staffEnrol: () => '/staff/enrol',
  staffAccount: () => '/staff/account',
  staffForbidden: () => '/staff/forbidden',
  /** Assisted mode's home: apply for a villager, today's list, clear the device. */
  staffAssist: () => '/staff/assist',
  /** The afternoon's receipts as slips, several per A4 sheet, to print at once. */
  staffSlips: () => '/staff/assist/slips',
  /** The officer's desk: search a commune's dossiers; its queue. */
  staffDesk: (query?: string) => `/staff/desk${query ? `?q=${encodeURIComponent(query)}` : ''}`,
  /** One dossier at the desk, whole (each opening audited). */
  staffDossier: (reference: string) => `/staff/desk/${reference}`,
  /** The audit log (province admins). */
  staffAudit: () => '/staff/audit',
  /** A helper device: enrol it (with the QR code's token) or unlock it with the PIN. */
  staffDevice: (token?: string) => `/staff/device${token ? `?token=${encodeURIComponent(token)}` : ''}`,
  /** The helper app: offline capture on an enrolled device (docs/adr/0029). */
  helperApp: () => '/helper',
  /** The team leader's page: the commune's helpers and their devices. */
  staffTeam: () => '/staff/team',
  /** The province's procedure facts, each with what is live and what awaits review (ADR 0030). */
  staffContent: () => '/staff/content',
  /** One fact of one procedure: edit it, its history, restore. */
  staffFact: (procedureId: string, field: string) => `/staff/content/${procedureId}/${field}`,
  /** The languages a translator may translate into (ADR 0031). */
  staffTranslations: () => '/staff/translations',
  /** One language's sections, or one section's strings beside the Vietnamese. */
  staffTranslation: (language: string, section?: string) =>
    `/staff/translations/${language}${section ? `?section=${encodeURIComponent(section)}` : ''}`,
  /** Office screens: when each was last seen and what it plays. */
  staffScreens: () => '/staff/screens',
  /** Leaflet print runs and their scans. */
  staffLeaflets: () => '/staff/leaflets',
  /** What awaits a reviewer, oldest first. */
  staffReview: () => '/staff/review',
  /** An attachment as the desk opens it (audited). */
  staffFile: (fileId: string) => `/api/staff/files/${fileId}`,
  leaflet: (guide: { kind: 'procedure' | 'life-event'; id: string }, source?: string) =>
    `${guide.kind === 'procedure' ? `/procedures/${guide.id}` : `/life-events/${guide.id}`}/leaflet${source ? `/${source}` : ''}`,
  screen: (screenId: string) => `/screens/${screenId}`,
  languages: () => '/languages',
  file: (fileId: string) => `/api/files/${fileId}`,
};
