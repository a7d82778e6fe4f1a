// The time stage: date expressions resolved against the publication day, the publication day itself, and
// which expression dates a happening. Conventions are documented in src/time/README.md.
export { findTimes } from './find.ts';
export { clauseAround, governingTime } from './govern.ts';
export { datelineLeadIn, resolvePublished, type PublishedInput } from './published.ts';
export { isTimeWord } from './lexicon.ts';
export { offsetDays } from './offset.ts';
