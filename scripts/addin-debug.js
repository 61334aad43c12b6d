#!/usr/bin/env node
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS file run by Node directly */
/* global require, process, console */
/* Runs office-addin-debugging (sideloads manifest.xml into Excel and starts the dev server) with the arguments given.
 * office-addin-debugging is an optional dependency: it needs keytar, which does not build everywhere (e.g. headless Linux).
 * When it is missing this says so and how to sideload by hand, instead of failing with "command not found". */
const { spawnSync } = require('child_process');
const path = require('path');
// office-addin-cli: Microsoft's helpers for add-in npm scripts — reads package.json scripts and reports errors the way
// the other office-addin-* tools do.
const { getPackageJsonScript, logErrorMessage } = require('office-addin-cli');

async function main() {
  const args = process.argv.slice(2);
  let cli;
  try {
    const pkgFile = require.resolve('office-addin-debugging/package.json');
    const pkg = require(pkgFile);
    const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin['office-addin-debugging'];
    cli = path.join(path.dirname(pkgFile), bin);
  } catch {
    const devServer = (await getPackageJsonScript('dev-server')) ? 'npm run dev-server' : 'npx webpack serve --mode development';
    console.error(
      [
        'office-addin-debugging is not installed (it is an optional dependency and did not install on this machine).',
        'office-addin-debugging 未安装（可选依赖，本机未能安装）。',
        '',
        'Run the dev server and sideload the add-in by hand instead / 请改为手动旁加载：',
        `  ${devServer}        # https://localhost:3000/`,
        '  then in Excel: Insert > Add-ins > Upload My Add-in > manifest.xml (see docs/ADDIN.md)',
        '  然后在 Excel 中：插入 > 加载项 > 上传我的加载项 > manifest.xml（见 docs/ADDIN.md）',
      ].join('\n'),
    );
    return 1;
  }

  const documentAt = args.indexOf('--document');
  if (documentAt !== -1 && !args[documentAt + 1]) {
    console.error('Usage: npm run start:web -- <URL of a workbook in Excel on the web, e.g. on OneDrive or SharePoint>');
    return 1;
  }

  const result = spawnSync(process.execPath, [cli, ...args], { stdio: 'inherit' });
  return result.status ?? 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    logErrorMessage(error);
    process.exit(1);
  },
);
