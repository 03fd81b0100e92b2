import { lifeEvents, procedures } from '@/catalogue';
import { locales, type Locale } from '@/i18n/locales';

/** One representative URL per page type, so every type is tested in every locale without multiplying. */
export const pageTypes = [
  { name: 'home', path: '' },
  { name: 'life event', path: `/life-events/${lifeEvents[0].id}` },
  { name: 'procedure guide', path: `/procedures/${procedures[0].id}` },
  { name: 'bundle guide', path: '/procedures/birth-bundle' },
  { name: 'apply start page', path: `/procedures/${procedures[0].id}/apply` },
  { name: 'apply (not online on its own)', path: '/procedures/register-permanent-residence/apply' },
  { name: 'resume with a code', path: '/apply/resume' },
  { name: 'search results', path: '/search?q=sinh+con' },
  { name: 'search without results', path: '/search?q=xyzzy' },
  { name: 'not found', path: '/no-such-page' },
  { name: 'track an application', path: '/track' },
  { name: 'track: wrong second factor', path: '/track?error=wrong&ref=ABCD-EFGH' },
  { name: 'track: reference without its key', path: '/track/ABCDEFGH' },
  { name: 'form from before a redeploy', path: '/form-expired?from=%2Fvi%2Fapply%2Fresume' },
  { name: 'leaflet (procedure)', path: `/procedures/${procedures[0].id}/leaflet` },
  { name: 'leaflet (life event, for a place)', path: `/life-events/${lifeEvents[0].id}/leaflet/cho-phien` },
  { name: 'languages', path: '/languages' },
  // Without JavaScript it says it needs it; with it, it opens on its (empty) queue.
  { name: 'helper app', path: '/helper' },
  // The staff sign-in page in its error state (summary and field error): the plain form is a subset of it.
  { name: 'staff sign-in: wrong password', path: '/staff/sign-in?error=invalid' },
] as const;

export { locales, type Locale };
