// The embed bundle: registers every ketnap element. Safe to include twice (or the ES and the
// classic build on one page): a tag already defined is left alone.
import { KetnapAtRisk } from './components/at-risk/at-risk.ts';
import { KetnapGrassroots } from './components/grassroots/grassroots.ts';
import { KetnapHamlets } from './components/hamlets/hamlets.ts';
import { KetnapProgress } from './components/progress/progress.ts';
import { KetnapTrend } from './components/trend/trend.ts';

const elements: Record<string, CustomElementConstructor> = {
  'ketnap-progress': KetnapProgress,
  'ketnap-at-risk': KetnapAtRisk,
  'ketnap-trend': KetnapTrend,
  'ketnap-grassroots': KetnapGrassroots,
  'ketnap-hamlets': KetnapHamlets,
};

for (const [tag, element] of Object.entries(elements)) {
  if (!customElements.get(tag)) customElements.define(tag, element);
}

export { KetnapAtRisk, KetnapGrassroots, KetnapHamlets, KetnapProgress, KetnapTrend };
