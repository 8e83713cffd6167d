import { describe, expect, it } from 'vitest';
import { warningText, type ModelWarning } from '../../src/model/warnings.ts';
import { modelWarnings as english } from '../../web/i18n/en/warnings.ts';
import { modelWarnings as french } from '../../web/i18n/fr/warnings.ts';

/**
 * The dashboard's modelling warnings (web/results/modelWarnings.ts), worded from the engine's facts
 * (src/model/warnings.ts): the CLI's words in English, French in French, each kind, with French
 * typography (a no-break space before « : », a narrow one before « ; » and between thousands).
 */
const FACTS: ModelWarning[] = [
  { kind: 'neverOrders', node: 'shop', product: 'coffee', reorderPoint: -1.1648 },
  { kind: 'bullwhipPeriod', node: 'shop', product: 'coffee', reviewPeriodDays: 7.5, bullwhipPeriodDays: 2, suggestedPeriodDays: 8 },
  { kind: 'historyReplayed', node: 'shop', product: 'coffee', segment: null, historyDays: 200, horizonDays: 1095 },
  { kind: 'historyReplayed', node: 'shop', product: 'coffee', segment: 'online', historyDays: 1, horizonDays: 2 },
];

describe('the modelling warnings on the dashboard', () => {
  it('are the CLI\'s words in English', () => {
    for (const fact of FACTS) expect(english.warning(fact)).toBe(warningText(fact));
  });

  it('are French in French, numbers written the French way', () => {
    expect(french.warning(FACTS[0])).toBe(
      'shop/coffee\u00a0: le point de commande de la politique «\u00a0Objectif de service\u00a0» (serviceTarget) vaut -1,16\u202f; en ventes perdues, la position de stock ne descend jamais sous 0, si bien que ce point de stock ne commande jamais. Relevez la cible ou donnez une quantité de commande (orderQuantity) plus petite.',
    );
    expect(french.warning(FACTS[1])).toBe(
      'shop/coffee commande tous les 7,5\u00a0jours et l’effet coup de fouet (bullwhipRatio) est mesuré par période de 2\u00a0jours\u00a0: il mesure donc le regroupement de ses commandes autant que leurs variations. Réglez bullwhipPeriodDays («\u00a0Effet coup de fouet mesuré par (jours)\u00a0») à 8 (ou un multiple) pour comparer ses commandes à sa demande sur des cycles de révision entiers.',
    );
    expect(french.warning(FACTS[2])).toBe('Demande de shop/coffee\u00a0: l’historique compte 200\u00a0jours et l’horizon 1\u202f095\u00a0jours\u202f; il est rejoué depuis le début une fois épuisé.');
    // 0 and 1 take the singular; a segment is named as such
    expect(french.warning(FACTS[3])).toBe('Demande de shop/coffee (segment online)\u00a0: l’historique compte 1\u00a0jour et l’horizon 2\u00a0jours\u202f; il est rejoué depuis le début une fois épuisé.');
  });

  it('follow French typography and leave no English word but the scenario\'s field names', () => {
    for (const fact of FACTS) {
      const text = french.warning(fact);
      expect(text).not.toMatch(/ [:;?!%»]|« /);
      expect(text).not.toMatch(/\b(the|and|of|with|history|horizon is|days|orders|policy|demand|is|it|never|set|to)\b/);
    }
    expect(french.help).not.toMatch(/ [:;?!%»]/);
  });
});
