/**
 * The demand classes of Syntetos, Boylan and Croston: how often a SKU sells (ADI, the average interval
 * between days with demand) and how much its sizes vary when it does (CV², the squared coefficient of
 * variation of the non-zero demands), cut at ADI = 1.32 and CV² = 0.49:
 *
 * |            | CV² < 0.49   | CV² ≥ 0.49 |
 * | ADI < 1.32 | smooth       | erratic    |
 * | ADI ≥ 1.32 | intermittent | lumpy      |
 *
 * A. A. Syntetos, J. E. Boylan and J. D. Croston (2005), "On the categorization of demand patterns",
 * Journal of the Operational Research Society 56(5), 495-503. Computed on the days the business was
 * open and the demand known (closed and out-of-stock days left out).
 */
export type DemandClass = 'smooth' | 'erratic' | 'intermittent' | 'lumpy';

export const ADI_CUT = 1.32;
export const CV2_CUT = 0.49;

export interface Classification {
  /** days observed ÷ days with demand (Infinity with no demand) */
  adi: number;
  /** squared coefficient of variation of the non-zero demands (population variance; 0 with one) */
  cv2: number;
  demandClass: DemandClass | null;
}

export function classifyDemand(sample: ArrayLike<number>): Classification {
  let positive = 0;
  let sum = 0;
  let sumSquares = 0;
  for (let i = 0; i < sample.length; i++) {
    const x = sample[i];
    if (x > 0) {
      positive++;
      sum += x;
      sumSquares += x * x;
    }
  }
  if (positive === 0) return { adi: Infinity, cv2: 0, demandClass: null };
  const mean = sum / positive;
  const variance = Math.max(0, sumSquares / positive - mean * mean);
  const adi = sample.length / positive;
  const cv2 = variance / (mean * mean);
  const demandClass: DemandClass = adi < ADI_CUT ? (cv2 < CV2_CUT ? 'smooth' : 'erratic') : cv2 < CV2_CUT ? 'intermittent' : 'lumpy';
  return { adi, cv2, demandClass };
}
