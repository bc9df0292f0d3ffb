#!/usr/bin/env node
// Prints a human-readable CloudFormation diff (resources added / changed / replaced / removed) between two
// template files, the way `cdk diff` shows it. Used by the golden-file tests when a template changed.
// Usage: node scripts/cfn-diff.js <golden.json> <received.json>
'use strict';
const fs = require('fs');
const { fullDiff, formatDifferences } = require('@aws-cdk/cloudformation-diff');

const [oldPath, newPath] = process.argv.slice(2);
if (!oldPath || !newPath) {
  console.error('usage: cfn-diff <golden.json> <received.json>');
  process.exit(2);
}

const diff = fullDiff(JSON.parse(fs.readFileSync(oldPath, 'utf8')), JSON.parse(fs.readFileSync(newPath, 'utf8')));
const replaced = Object.values(diff.resources.changes).filter((c) => c.changeImpact === 'WILL_REPLACE').length;
console.log(`${diff.resources.differenceCount} resource change(s), ${replaced} replacement(s)`);
formatDifferences(process.stdout, diff);
