// The parametric bootstrap MSE of fayHerriotArcsine splits its refits across worker threads: the
// draws are taken first in the calling thread (the generator's stream of the plain loop), so the
// MSEs are the same for any number of threads, and the same as the previous version's.
import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { datasetPath, readCSV } from '../../src/data/index.js';
import { startedWorkers } from '../../src/core/threads.js';
import { fayHerriotArcsine } from '../../src/small-area/index.js';
import { thrown } from '../helpers/thrown.js';

const provinces = readCSV(datasetPath('sae_incomedata_poverty_direct.csv'));
// the same provinces with a covariate (log population) and every 13th area from the 6th out of sample
const withCovariate = aq.from(
  (provinces.objects() as Record<string, unknown>[]).map((r, i) => ({ ...r, logN: Math.log(r.Nd as number), direct: i % 13 === 5 ? NaN : r.direct })),
);

// Full-precision MSEs: the single-thread values of the previous version (before the refits went
// to threads) for these calls. 52 areas × 1,000 replicates is above the 50,000 area-replicates from
// which the refits are split across threads.
const REML_BIAS_CORRECTED_SEED_3 = [
  0.001272565103916406, 0.0007797880219797927, 0.0002808109300769913, 0.0006577361860455164,
  0.0016199403891207361, 0.00029703491660796114, 0.0002735904723077004, 0.00011065363241814308,
  0.0007127798392832796, 0.0005408410966095917, 0.00035349598268114067, 0.000980787293830077,
  0.0006000857156746078, 0.0005616298565067263, 0.0006057015988163867, 0.0002965792403176441,
  0.001096502440729448, 0.0008092154009497108, 0.0006576785473548, 0.0012121789550148963,
  0.00046687732455341245, 0.0009319400625367195, 0.0010061963205339802, 0.0005583291332299185,
  0.0005994608462886945, 0.0009298503879800336, 0.0006808352925703145, 0.00016172936692590816,
  0.00037306188250398384, 0.0007683007664183507, 0.00017493679764776692, 0.0002792262801701571,
  0.0009106721134615005, 0.000199480409577433, 0.001370166757693011, 0.0003273433811652993,
  0.0003317460329702988, 0.0003154342365303843, 0.0008227089300374901, 0.00032761023971195356,
  0.0015684583993373531, 0.0003120504537107758, 0.002597631384348036, 0.0008864559800749307,
  0.0003728237011392275, 0.0013098075220109504, 0.0005297235840662011, 0.00021449005047118194,
  0.00044980137679249504, 0.0002864352855368521, 0.0010990113370321396, 0.0002893606103931846,
];
const ML_NAIVE_COVARIATE_OUT_OF_SAMPLE_SEED_2 = [
  0.001138648600592899, 0.0007410680774903611, 0.00026008060875770087, 0.000629409579451728,
  0.0015570213130729092, 0.003569326949398703, 0.00023603935877590981, 0.0001089362214856606,
  0.0007970592139533912, 0.0004703642705159823, 0.00039188594422068495, 0.0009653053785542491,
  0.0006089715432273217, 0.0005734849142739804, 0.0006173409446248177, 0.00029356522298585843,
  0.0012428863430521391, 0.0009021926181039652, 0.003950339151130081, 0.0012307309159923887,
  0.0005008684008917739, 0.0010521073629900794, 0.0010090946922986675, 0.0005469043251376482,
  0.0006234257826898543, 0.0009929394327758258, 0.0007710771081586993, 0.0001710067481981958,
  0.0004037981364487212, 0.0007064448397861171, 0.0001714744680954134, 0.0035613230170086388,
  0.0008702578378450727, 0.0001897845447171323, 0.001440166552755985, 0.00030590350825014,
  0.0003575675601832367, 0.00029863210638427315, 0.000757536852255551, 0.00034738977797405636,
  0.0014735647803993297, 0.0003418439738679647, 0.0022869664029725963, 0.0010187138573595524,
  0.0034695377080528923, 0.0013943075113891379, 0.0005476592233880985, 0.00020633776295365163,
  0.0004675691636917438, 0.0002736636368031964, 0.0011166318507178628, 0.00026526948037225613,
];

describe('bootstrap MSE across threads', () => {
  it('REML, bias-corrected, 1,000 replicates: 1, 2 and 3 threads give the previous version’s digits', () => {
    for (const threads of [1, 2, 3]) {
      const mse = fayHerriotArcsine(provinces, { area: 'prov', estimate: 'direct', sampleSize: 'n', bootstrap: { replicates: 1000, seed: 3, threads } }).areas.array('mse');
      Array.from(mse).forEach((v, i) => expect(v).toBe(REML_BIAS_CORRECTED_SEED_3[i]));
    }
    expect(startedWorkers()).toBeGreaterThanOrEqual(2); // the refits did go to worker threads
  }, 60_000);

  it('ML, naive, a covariate and out-of-sample areas, 1,001 replicates (uneven ranges): 1, 2 and 3 threads', () => {
    for (const threads of [1, 2, 3]) {
      const o = { area: 'prov', estimate: 'direct', sampleSize: 'n', covariates: ['logN'], method: 'ML', backTransform: 'naive', bootstrap: { replicates: 1001, seed: 2, threads } } as const;
      const mse = fayHerriotArcsine(withCovariate, o).areas.array('mse');
      Array.from(mse).forEach((v, i) => expect(v).toBe(ML_NAIVE_COVARIATE_OUT_OF_SAMPLE_SEED_2[i]));
    }
  }, 60_000);

  it('threads is checked, and a misspelt bootstrap option is named', () => {
    const o = { area: 'prov', estimate: 'direct', sampleSize: 'n' };
    expect(thrown(() => fayHerriotArcsine(provinces, { ...o, bootstrap: { threads: 0 } })).message).toMatch(/bootstrap: option threads/);
    expect(thrown(() => fayHerriotArcsine(provinces, { ...o, bootstrap: { threads: 2.5 } })).message).toMatch(/threads/);
    expect(thrown(() => fayHerriotArcsine(provinces, { ...o, bootstrap: { thread: 2 } as never })).message).toMatch(/did you mean 'threads'/);
  });
});
