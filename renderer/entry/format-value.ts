/** How a sealed value reads in the record book: one formatter for the screen and print (db/contract). */
export { EMPTY, formatValue } from '../../db/contract';
