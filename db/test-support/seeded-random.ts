/** The tests' and the benchmark's PRNG is the demo generator's (db/demo/seeded-random.ts). */
export { seededRandom } from '../demo/seeded-random';
