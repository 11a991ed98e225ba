// The widgets' words in English (lang="en"): a module of its own, so that the bundle fetches it
// only for the pages that ask for English (see element.ts); the server imports it as it is.
import type { Messages } from './i18n.ts';

const s = (n: number) => (n === 1 ? '' : 's');

export const en: Messages = {
  loading: 'Loading figures…',
  error: 'The figures could not be loaded just now. Please try again later.',
  retry: 'Try again',
  empty: 'No figures for this selection yet.',
  invalid: (attr, value) => `Embed code error: attribute "${attr}" is ${value ? `not valid ("${value}")` : 'missing'}.`,
  unknownOrg: (code) => `No organisation has the code "${code}".`,
  source: (source, at) => `Source: ${source}${at && ` · updated ${at}`}`,
  frozen: (source, on) => `Source: ${source} · figures as of ${on}`,
  unknownSnapshot: (id) => `No snapshot of figures has the id "${id}".`,
  download: 'Download the figures',
  newMembers: (n, count) => `${n} new member${s(count)}`,
  ofTarget: (pct, target) => `${pct} of a target of ${target}`,
  progressLabel: (org) => `New members admitted by ${org} against the quota`,
  pace: { ON_TRACK: 'On track', BEHIND: 'Behind schedule', ACHIEVED: 'Target reached' },
  expectedBy: (n) => `Expected by now: ${n}`,
  atRiskTitle: 'Cells at risk of disappearing',
  atRiskCount: (n, communes) => `${n} cell${s(n)} in ${communes} commune${s(communes)}`,
  onDate: (d) => `on ${d}`,
  figures: (m, e, age, y) => `${m} members, ${e} aged ${age} or over, ${y} years without an admission`,
  recovered: (n) => `${n} admitted since`,
  recoveredCount: (n, total, to) => `${n} of ${total} have admitted new members by ${to}`,
  noneAtRisk: (d) => `No cell was at risk on ${d}.`,
  more: (n) => `and ${n} more`,
  trendTitle: 'Admissions per month',
  month: 'Month',
  admissions: 'Members admitted',
  total: (n) => `Total: ${n}`,
  grassrootsTotal: (n, count) => `${n} grassroots party organisation${s(count)}`,
  committees: {
    COMMUNE: 'commune and town committees',
    AGENCY: 'agency committees',
    ENTERPRISE: 'enterprise committees',
    ARMED_FORCES: 'armed forces committees',
  },
  cells: (n) => `grassroots cell${s(n)}`,
  hamletsTitle: 'Party cells and members in the hamlets',
  hamletsTotal: (n, count) => `${n} hamlet${s(count)}`,
  concerns: {
    WITHOUT_CELL: 'without a cell',
    WITHOUT_MEMBER: 'without a member',
    CELL_AT_RISK: 'whose cell is at risk',
  },
  hamletsOf: (concern) => `Hamlets ${concern}`,
  residents: (n, count) => `${n} member${s(count)} living there`,
};
