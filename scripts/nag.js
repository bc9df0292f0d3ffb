#!/usr/bin/env node
// Runs cdk-nag's AwsSolutions pack over every template of a cloud assembly, offline.
// Each template is loaded with CfnInclude into a fresh aws-cdk-lib 2.160.0 app; acknowledgements are the
// `cdk_nag` metadata the examples put on resources (each with its reason, which cdk-nag requires).
// Usage: node scripts/nag.js <cdk.out>   Exit: 0 no unacknowledged errors, 1 errors found, 2 bad input.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const cdk = require('aws-cdk-lib');
const { CfnInclude } = require('aws-cdk-lib/cloudformation-include');
const { AwsSolutionsChecks } = require('cdk-nag');

const assembly = process.argv[2];
if (!assembly || !fs.existsSync(path.join(assembly, 'manifest.json'))) {
  console.error(`nag: '${assembly ?? ''}' is not a cloud assembly (no manifest.json); run 'npx cdk synth' first.`);
  process.exit(2);
}

const templates = fs.readdirSync(assembly).filter((f) => f.endsWith('.template.json')).sort();
if (templates.length === 0) {
  console.error(`nag: no templates in '${assembly}'.`);
  process.exit(2);
}

let errors = 0;
for (const file of templates) {
  const name = file.replace(/\.template\.json$/, '');
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'nag-'));
  const app = new cdk.App({ outdir, analyticsReporting: false });
  const stack = new cdk.Stack(app, name, { synthesizer: new cdk.DefaultStackSynthesizer({ generateBootstrapVersionRule: false }) });
  new CfnInclude(stack, 'Template', { templateFile: path.join(assembly, file) });
  cdk.Aspects.of(app).add(new AwsSolutionsChecks({ verbose: false }));
  app.synth();
  fs.rmSync(outdir, { recursive: true, force: true });

  const findings = { error: [], warning: [] };
  for (const node of stack.node.findAll()) {
    for (const entry of node.node.metadata) {
      const text = String(entry.data);
      if (!text.startsWith('AwsSolutions-')) continue;
      const id = text.split(':')[0];
      const where = node.node.path.replace(`${name}/Template/`, '');
      if (entry.type === 'aws:cdk:error') findings.error.push(`${id} ${where}`);
      if (entry.type === 'aws:cdk:warning') findings.warning.push(`${id} ${where}`);
    }
  }
  const acknowledged = JSON.stringify(JSON.parse(fs.readFileSync(path.join(assembly, file), 'utf8'))).split('"rules_to_suppress"').length - 1;
  console.log(`cdk-nag ${name}: ${findings.error.length} errors, ${findings.warning.length} warnings (resources with acknowledgements: ${acknowledged})`);
  for (const e of findings.error) console.log(`  error   ${e}`);
  for (const w of findings.warning) console.log(`  warning ${w}`);
  errors += findings.error.length;
}
process.exit(errors > 0 ? 1 : 0);
