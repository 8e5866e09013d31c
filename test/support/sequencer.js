/**
 * jest's test order, with the files known to run longest started first when jest has no timings of its own (a
 * clean clone, as CI runs): jest would otherwise order them by file size and could start the page pictures last,
 * leaving one worker busy alone at the end. Once jest has timed a file, its own order (longest first) stands.
 */
const Sequencer = require('@jest/test-sequencer').default;

/** Longest first, as measured on the 2-core machine. */
const LONGEST = [
  /test\/pictures\/pages-\d+\.test\.ts$/,
  /test\/localcloud\/process\.test\.ts$/,
  /test\/cloud\/.*\/concurrency\.test\.ts$/,
  /test\/pictures\/checks\.test\.ts$/,
];

class LongestFirst extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    const rank = (test) => {
      if (test.duration != null) return LONGEST.length;
      const i = LONGEST.findIndex((pattern) => pattern.test(test.path.split('\\').join('/')));
      return i < 0 ? LONGEST.length : i;
    };
    return sorted
      .map((test, i) => ({ test, i, rank: rank(test) }))
      .sort((a, b) => a.rank - b.rank || a.i - b.i)
      .map((entry) => entry.test);
  }
}

module.exports = LongestFirst;
