// node-semver's answers for VersionRangePropertyTest: node node-semver-answers.js <semver package dir> <pairs.tsv>
// Each input line is "range<TAB>version". The first output line is node-semver's version, then one line for each
// input line: "satisfies<TAB>satisfies with includePrerelease<TAB>the range desugared" (Range.range, without
// includePrerelease).
'use strict';
const semver = require(process.argv[2]);
const lines = require('fs').readFileSync(process.argv[3], 'utf8').split('\n').filter((line) => line !== '');
const out = [require(require('path').join(process.argv[2], 'package.json')).version];
for (const line of lines) {
  const [range, version] = line.split('\t');
  const withPreReleases = { includePrerelease: true };
  out.push([semver.satisfies(version, range), semver.satisfies(version, range, withPreReleases),
    new semver.Range(range).range].join('\t'));
}
process.stdout.write(out.join('\n') + '\n');
