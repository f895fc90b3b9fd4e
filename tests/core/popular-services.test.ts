import { describe, expect, it } from 'vitest';
import { OWN_ORDER_WEIGHT, rankPopularServices, type ServiceItem } from '@core';

const item = (id: string, category: ServiceItem['category']): ServiceItem => ({
  id,
  communityId: 'c',
  name: id,
  category,
  description: '',
  redPriceFen: 100,
  marketPriceFen: 200,
  unit: '次',
  deadlines: null,
  active: true,
});
const CATALOG = [item('daycare', 'daycare'), item('meal', 'meal'), item('repair', 'repair'), item('cleaning', 'cleaning')];

describe('the services an elder-mode home shows first', () => {
  it('keeps the catalogue order when nobody has ordered anything', () => {
    expect(rankPopularServices(CATALOG, {}, {})).toEqual(['daycare', 'meal', 'repair', 'cleaning']);
  });

  it("puts what the community orders most first, by each service's category", () => {
    expect(rankPopularServices(CATALOG, {}, { repair: 7, meal: 12 })).toEqual(['meal', 'repair', 'daycare', 'cleaning']);
  });

  it("lets the resident's own habit outweigh the community's", () => {
    // Two own orders of cleaning beat a community that orders meals more than 2 × the weight.
    const community = { meal: 2 * OWN_ORDER_WEIGHT - 1 };
    expect(rankPopularServices(CATALOG, { cleaning: 2 }, community)[0]).toBe('cleaning');
    expect(rankPopularServices(CATALOG, { cleaning: 1 }, community)[0]).toBe('meal');
  });

  it('names every item once, used or not', () => {
    const ranked = rankPopularServices(CATALOG, { meal: 3 }, { repair: 1 });
    expect([...ranked].sort()).toEqual(CATALOG.map((i) => i.id).sort());
  });
});
