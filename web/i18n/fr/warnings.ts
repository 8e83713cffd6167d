import type { modelWarnings as English } from '../en/warnings.ts';
import type { ModelWarning } from '../../../src/model/warnings.ts';
import { nombre, s } from './grammar.ts';

/** Les avertissements de modélisation du tableau de bord en français (web/i18n/en/warnings.ts est la référence). */

/** un point de stock, ou le segment d’une demande, par ses identifiants : « shop/coffee », « shop/coffee (segment en ligne) » */
const where = (node: string, product: string, segment: string | null = null): string => `${node}/${product}${segment === null ? '' : ` (segment ${segment})`}`;

/** des jours : « 1\u00a0jour », « 7,5\u00a0jours » */
const jours = (days: number): string => `${nombre(days)}\u00a0jour${s(days)}`;

const warning = (fact: ModelWarning): string => {
  switch (fact.kind) {
    case 'neverOrders':
      return (
        `${where(fact.node, fact.product)}\u00a0: le point de commande de la politique «\u00a0Objectif de service\u00a0» (serviceTarget) vaut ${fact.reorderPoint.toLocaleString('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}\u202f; ` +
        'en ventes perdues, la position de stock ne descend jamais sous 0, si bien que ce point de stock ne commande jamais. Relevez la cible ou donnez une quantité de commande (orderQuantity) plus petite.'
      );
    case 'bullwhipPeriod':
      return (
        `${where(fact.node, fact.product)} commande tous les ${jours(fact.reviewPeriodDays)} et l’effet coup de fouet (bullwhipRatio) est mesuré par période de ${jours(fact.bullwhipPeriodDays)}\u00a0: ` +
        `il mesure donc le regroupement de ses commandes autant que leurs variations. Réglez bullwhipPeriodDays («\u00a0Effet coup de fouet mesuré par (jours)\u00a0») à ${nombre(fact.suggestedPeriodDays)} (ou un multiple) pour comparer ses commandes à sa demande sur des cycles de révision entiers.`
      );
    case 'historyReplayed':
      return `Demande de ${where(fact.node, fact.product, fact.segment)}\u00a0: l’historique compte ${jours(fact.historyDays)} et l’horizon ${jours(fact.horizonDays)}\u202f; il est rejoué depuis le début une fois épuisé.`;
  }
};

export const modelWarnings: typeof English = {
  help: 'Ce qui, dans le scénario, rend ces chiffres trompeurs, et comment y remédier (les avertissements de la simulation, tels que les affiche la ligne de commande).',
  warning,
};
