// Council (issue 7): vote rules, the arithmetic of a vote and conflict-of-interest recusal. Pure
// functions; the server seals and verifies ballots (src/server/modules/councils/ballot-chain.ts).
export * from './vote-rules';
export * from './tally';
export * from './recusal';
export * from './rule-text';
