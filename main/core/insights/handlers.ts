import type { Handlers } from '../router.ts';
import type { InsightsService } from './insights-service.ts';

type InsightsHandlers = Pick<
  Handlers,
  | 'insights.mood'
  | 'insights.tears'
  | 'insights.relief'
  | 'insights.feelings'
  | 'insights.ladder'
  | 'insights.media'
  | 'insights.careCard'
  | 'insights.dismissCareCard'
>;

/** "Over time" (issue 14): every method needs the open vault. */
export function insightsHandlers(insights: InsightsService): InsightsHandlers {
  return {
    'insights.mood': (query) => insights.mood(query),
    'insights.tears': (query) => insights.tears(query),
    'insights.relief': (query) => insights.relief(query),
    'insights.feelings': (query) => insights.feelings(query),
    'insights.ladder': (query) => insights.ladder(query),
    'insights.media': (query) => insights.media(query),
    'insights.careCard': (query) => insights.careCard(query),
    'insights.dismissCareCard': () => insights.dismissCareCard(),
  };
}
