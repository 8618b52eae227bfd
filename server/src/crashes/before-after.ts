// Before/after of a safety measure at a site, corrected by a comparison group (the area around it over the same
// periods): the index of effectiveness θ = (after ÷ before at the site) ÷ (after ÷ before in the comparison group),
// its 95 % confidence interval, and an exact test; it says plainly when the counts are too small to conclude, and
// always warns that a site chosen for its bad record improves by regression to the mean alone.

export interface PeriodCounts {
  before: number;
  after: number;
}

export interface BeforeAfterVerdict {
  /** After ÷ before at the site (null when there was no crash before). */
  siteRatio: number | null;
  /** After ÷ before in the comparison group: how much crashes changed anyway. */
  comparisonRatio: number | null;
  /** Index of effectiveness: below 1 means fewer crashes than the comparison group predicts. */
  theta: number | null;
  /** 95 % confidence interval of θ (log-normal approximation). */
  interval: [number, number] | null;
  /** Two-sided exact p-value: the site's after count given its total, against the comparison group's split. */
  pValue: number | null;
  /** Crashes the site would have had after, had it changed like the comparison group. */
  expectedAfter: number | null;
  conclusion: 'fewer' | 'more' | 'no_significant_change' | 'too_few';
  message: { en: string; th: string };
  warnings: { en: string; th: string }[];
}

/** Below this many crashes at the site (before and after together) no change can be told from chance. */
export const MIN_SITE_CRASHES = 10;
const Z_95 = 1.959964;
const SIGNIFICANCE = 0.05;

const REGRESSION_TO_THE_MEAN = {
  en:
    'Regression to the mean: a site picked because it had many crashes usually has fewer afterwards even with no ' +
    'measure. Prefer sites chosen for other reasons, or an Empirical Bayes comparison, before crediting the measure.',
  th:
    'การถดถอยเข้าหาค่าเฉลี่ย: จุดที่ถูกเลือกเพราะเกิดอุบัติเหตุมาก มักเกิดน้อยลงในช่วงถัดไปแม้ไม่มีมาตรการ ' +
    'ควรพิจารณาก่อนสรุปว่ามาตรการได้ผล',
};

/** log of n! by summation (counts here are small enough), for the binomial probabilities. */
function logFactorial(n: number): number {
  let sum = 0;
  for (let i = 2; i <= n; i += 1) sum += Math.log(i);
  return sum;
}

/** Two-sided exact binomial test: P of outcomes no more likely than k, of n trials with success probability p. */
export function binomialTwoSidedP(k: number, n: number, p: number): number {
  if (p <= 0) return k === 0 ? 1 : 0;
  if (p >= 1) return k === n ? 1 : 0;
  const logN = logFactorial(n);
  const logPmf = (i: number) =>
    logN - logFactorial(i) - logFactorial(n - i) + i * Math.log(p) + (n - i) * Math.log(1 - p);
  const observed = logPmf(k);
  let total = 0;
  // A small relative tolerance keeps outcomes exactly as likely as the observed one (ties) in the sum.
  for (let i = 0; i <= n; i += 1) {
    const value = logPmf(i);
    if (value <= observed + 1e-7) total += Math.exp(value);
  }
  return Math.min(1, total);
}

const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;

export function beforeAfterVerdict(site: PeriodCounts, comparison: PeriodCounts): BeforeAfterVerdict {
  const warnings = [REGRESSION_TO_THE_MEAN];
  const siteRatio = site.before > 0 ? site.after / site.before : null;
  const comparisonRatio = comparison.before > 0 ? comparison.after / comparison.before : null;
  const base = {
    siteRatio: siteRatio === null ? null : round(siteRatio),
    comparisonRatio: comparisonRatio === null ? null : round(comparisonRatio),
    warnings,
  };
  const total = site.before + site.after;
  if (total < MIN_SITE_CRASHES || site.before === 0 || comparison.before === 0 || comparison.after === 0) {
    return {
      ...base,
      theta: null,
      interval: null,
      pValue: null,
      expectedAfter: comparisonRatio === null ? null : round(site.before * comparisonRatio, 1),
      conclusion: 'too_few',
      message: {
        en:
          `Too few crashes to conclude: ${site.before} before and ${site.after} after at the site ` +
          `(at least ${MIN_SITE_CRASHES} together, and some before at the site and in the comparison group, are needed).`,
        th:
          `จำนวนอุบัติเหตุน้อยเกินกว่าจะสรุปได้: ก่อน ${site.before} ครั้ง หลัง ${site.after} ครั้ง ` +
          `(ต้องมีรวมกันอย่างน้อย ${MIN_SITE_CRASHES} ครั้ง และต้องมีอุบัติเหตุในช่วงก่อนทั้งที่จุดและในกลุ่มเปรียบเทียบ)`,
      },
    };
  }
  const theta = siteRatio! / comparisonRatio!;
  // Each count Poisson: the variance of log θ is the sum of the reciprocals (a zero after at the site gets ½).
  const after = site.after === 0 ? 0.5 : site.after;
  const spread = Z_95 * Math.sqrt(1 / after + 1 / site.before + 1 / comparison.after + 1 / comparison.before);
  const logTheta = Math.log(after / site.before / comparisonRatio!);
  const interval: [number, number] = [round(Math.exp(logTheta - spread)), round(Math.exp(logTheta + spread))];
  // Under "no effect" the site splits its crashes like the comparison group does.
  const share = comparison.after / (comparison.before + comparison.after);
  const pValue = binomialTwoSidedP(site.after, total, share);
  const significant = pValue < SIGNIFICANCE;
  const conclusion = !significant ? 'no_significant_change' : theta < 1 ? 'fewer' : 'more';
  const percent = Math.round(Math.abs(1 - theta) * 100);
  const messages = {
    fewer: {
      en: `About ${percent} % fewer crashes than the comparison group predicts (p = ${round(pValue, 4)}).`,
      th: `อุบัติเหตุลดลงประมาณ ${percent}% เมื่อเทียบกับที่กลุ่มเปรียบเทียบคาดไว้ (p = ${round(pValue, 4)})`,
    },
    more: {
      en: `About ${percent} % more crashes than the comparison group predicts (p = ${round(pValue, 4)}).`,
      th: `อุบัติเหตุเพิ่มขึ้นประมาณ ${percent}% เมื่อเทียบกับที่กลุ่มเปรียบเทียบคาดไว้ (p = ${round(pValue, 4)})`,
    },
    no_significant_change: {
      en: `No change that can be told from chance (p = ${round(pValue, 4)}; 95 % interval of θ ${interval[0]}–${interval[1]}).`,
      th: `ไม่พบการเปลี่ยนแปลงที่แยกออกจากความบังเอิญได้ (p = ${round(pValue, 4)})`,
    },
  } as const;
  return {
    ...base,
    theta: round(theta),
    interval,
    pValue: round(pValue, 4),
    expectedAfter: round(site.before * comparisonRatio!, 1),
    conclusion,
    message: messages[conclusion],
  };
}
