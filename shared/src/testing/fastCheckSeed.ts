import fc from 'fast-check';

/**
 * Every fast-check property of the unit tests runs from one seed (a vitest setup file): the same cases on every run,
 * so that a red CI run is red again on a laptop, and the statistical expectations of the fuzzers (such as "about
 * half the runs orphan a node") cannot fail by chance. fast-check prints the seed of a failing property
 * (`{ seed: …, path: … }`); `FC_SEED=<seed> pnpm test:unit` replays it, and a new seed explores other cases.
 */
const DEFAULT_SEED = 20_260_607;

const fromEnv = process.env.FC_SEED;
const seed = fromEnv === undefined || fromEnv === '' ? DEFAULT_SEED : Number(fromEnv);
if (!Number.isInteger(seed)) throw new Error(`FC_SEED must be an integer, not "${fromEnv}".`);

fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
