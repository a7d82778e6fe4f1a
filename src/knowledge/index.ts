// Public API of the knowledge packs: load them once, build a matcher, find mentions, look names up.
export { loadKnowledge, loadPacks, defaultPackDirs, PackError, PACKS_DIR } from './load.ts';
export { createMatcher, findMentions, findNames, mentionsOn, lookupActor, lookupPlace, type Matcher, type NameScan } from './match.ts';
export { membershipsAt, holderOf, placeAncestors, actorCountry, placeCountry } from './relations.ts';
export { normalizeName } from './normalize.ts';
export type * from './types.ts';
export { describeActor, describePlace, type ActorView, type PlaceView } from './describe.ts';
