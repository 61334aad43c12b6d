/**
 * The add-in manifest, checked offline (office-addin-manifest validate needs the internet): what Office would reject or
 * what a clerk would notice (wrong name, missing icons, a button that opens nothing).
 */
import * as fs from 'fs';
import * as path from 'path';
import { ICON_SIZES } from '../../scripts/make-icons';
import { allStrings, child, findAll, parseXml, readManifestText, type XmlElement } from './manifestXml';

// The webpack config is CommonJS; its manifest helpers are exported for this test.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require('../../webpack.config.js') as {
  rewriteManifestUrls: (xml: string, prodUrl: string) => string;
  productionUrl: () => string;
  setManifestVersion: (xml: string) => string;
  manifestVersion: () => string;
};

const ROOT = path.join(__dirname, '..', '..');
const CJK = /[\u4e00-\u9fff]/;

let manifest: XmlElement;
let xml: string;

beforeAll(async () => {
  xml = readManifestText();
  manifest = await parseXml(xml);
});

function override(element: XmlElement, locale: string): string | undefined {
  return element.children.find((c) => /(^|:)Override$/.test(c.name) && c.attributes.Locale === locale)?.attributes.Value;
}

function resource(kind: 'bt:Images' | 'bt:Urls' | 'bt:ShortStrings' | 'bt:LongStrings', id: string): XmlElement {
  const [resources] = findAll(manifest, 'Resources');
  const found = child(resources, kind).children.find((c) => c.attributes.id === id);
  if (!found) throw new Error(`resource ${id} missing from ${kind}`);
  return found;
}

function urls(strings: string[]): string[] {
  return strings.filter((s) => /^[a-z][a-z0-9+.-]*:\/\//i.test(s));
}

test('is a task pane add-in for Excel workbooks that may read and write the document', () => {
  expect(manifest.name).toBe('OfficeApp');
  expect(manifest.attributes['xsi:type']).toBe('TaskPaneApp');
  expect(findAll(child(manifest, 'Hosts'), 'Host').map((h) => h.attributes.Name)).toEqual(['Workbook']);
  expect(child(manifest, 'Permissions').text).toBe('ReadWriteDocument');
});

test('has a GUID id and a four-part version', () => {
  expect(child(manifest, 'Id').text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  expect(child(manifest, 'Version').text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
});

test('every URL is https', () => {
  const found = urls(allStrings(manifest));
  expect(found.length).toBeGreaterThan(5);
  const notHttps = found.filter((u) => !u.startsWith('https://'));
  // xmlns values are identifiers, not locations Office loads
  expect(notHttps.filter((u) => !u.startsWith('http://schemas.microsoft.com/') && !u.startsWith('http://www.w3.org/'))).toEqual([]);
  for (const domain of findAll(manifest, 'AppDomain')) expect(domain.text).toMatch(/^https:\/\//);
});

test('asks only for ExcelApi 1.1, so Excel 2016 and 2019 open the pane and are told what they need', () => {
  const sets = findAll(child(manifest, 'Requirements'), 'Set');
  expect(sets.map((s) => [s.attributes.Name, s.attributes.MinVersion])).toEqual([['ExcelApi', '1.1']]);
  // Everything above 1.1 is checked at run time by the pane (src/excel/requirements.ts).
  expect(findAll(manifest, 'Method')).toEqual([]);
});

test('names a real provider, not a placeholder', () => {
  const provider = child(manifest, 'ProviderName').text;
  expect(provider).toBe('报表整理项目组');
});

test('the built manifest carries the version of package.json', async () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const built = await parseXml(webpackConfig.setManifestVersion(xml));
  expect(child(built, 'Version').text).toBe(`${pkg.version.split('.').slice(0, 3).join('.')}.0`);
  expect(child(built, 'Version').text).toBe(webpackConfig.manifestVersion());
  // Everything else is kept: the VersionOverrides' own version markers are untouched.
  expect(findAll(built, 'Control').length).toBe(findAll(manifest, 'Control').length);
});

test('speaks Chinese by default and names itself in zh-CN and en-US', () => {
  expect(child(manifest, 'DefaultLocale').text).toBe('zh-CN');
  for (const name of ['DisplayName', 'Description']) {
    const element = child(manifest, name);
    expect(element.attributes.DefaultValue).toMatch(CJK);
    expect(override(element, 'zh-CN')).toMatch(CJK);
    expect(override(element, 'en-US')).toMatch(/^[\x20-\x7e]+$/);
  }
  expect(override(child(manifest, 'DisplayName'), 'zh-CN')).toBe('报表整理');
  for (const name of ['IconUrl', 'HighResolutionIconUrl']) expect(override(child(manifest, name), 'zh-CN')).toMatch(/^https:\/\//);
  expect(override(child(child(manifest, 'DefaultSettings'), 'SourceLocation'), 'zh-CN')).toMatch(/^https:\/\/.*taskpane\.html/);
});

test('icons exist at 16, 32, 64 and 80 px', () => {
  const iconUrls = [
    child(manifest, 'IconUrl').attributes.DefaultValue,
    child(manifest, 'HighResolutionIconUrl').attributes.DefaultValue,
    ...findAll(manifest, 'bt:Image').map((image) => image.attributes.DefaultValue).filter(Boolean),
  ];
  const sizes = new Set(iconUrls.map((u) => Number(/icon-(\d+)\.png$/.exec(u)?.[1])));
  for (const size of [16, 32, 64, 80]) expect(sizes).toContain(size);
  // and the icon script draws every size the manifest names
  for (const size of sizes) expect(ICON_SIZES).toContain(size);
  const ribbonSizes = new Set(findAll(manifest, 'Icon').flatMap((icon) => icon.children.map((image) => image.attributes.size)));
  expect([...ribbonSizes].sort()).toEqual(['16', '32', '80']);
});

test('the Home tab has a 报表整理 / Report tables group whose button opens the task pane', () => {
  const tab = findAll(manifest, 'OfficeTab').find((t) => t.attributes.id === 'TabHome');
  expect(tab).toBeDefined();
  const group = child(tab as XmlElement, 'Group');
  const label = resource('bt:ShortStrings', child(group, 'Label').attributes.resid);
  expect(label.attributes.DefaultValue).toBe('报表整理');
  expect(override(label, 'en-US')).toBe('Report tables');
  const control = child(group, 'Control');
  const action = child(control, 'Action');
  expect(action.attributes['xsi:type']).toBe('ShowTaskpane');
  const source = resource('bt:Urls', child(action, 'SourceLocation').attributes.resid);
  expect(source.attributes.DefaultValue).toBe(child(child(manifest, 'DefaultSettings'), 'SourceLocation').attributes.DefaultValue);
});

test('every resid names a resource', () => {
  const [resources] = findAll(manifest, 'Resources');
  const ids = new Set(findAll(resources, 'bt:Image').concat(findAll(resources, 'bt:Url'), findAll(resources, 'bt:String')).map((r) => r.attributes.id));
  const referenced = allResids(manifest);
  expect(referenced.length).toBeGreaterThan(5);
  expect(referenced.filter((id) => !ids.has(id))).toEqual([]);
});

function allResids(element: XmlElement): string[] {
  return [...(element.attributes.resid ? [element.attributes.resid] : []), ...element.children.flatMap(allResids)];
}

test('points only at pages the build emits', () => {
  const devUrls = urls(allStrings(manifest)).filter((u) => u.startsWith('https://localhost:3000/'));
  const pages = new Set(devUrls.map((u) => new URL(u).pathname.slice(1)));
  const sources: Record<string, string> = {
    'taskpane.html': 'taskpane/taskpane.html',
    'commands.html': 'taskpane/commands.html',
    'help.html': 'taskpane/help.html',
  };
  for (const page of pages) {
    const icon = /^assets\/icon-(\d+)\.png$/.exec(page);
    if (icon) expect(ICON_SIZES).toContain(Number(icon[1]));
    else {
      expect(Object.keys(sources)).toContain(page);
      expect(fs.existsSync(path.join(ROOT, sources[page]))).toBe(true);
    }
  }
});

describe('production manifest', () => {
  test('every dev-server URL is moved to the production host, AppDomain to its origin', async () => {
    const prod = webpackConfig.rewriteManifestUrls(xml, 'https://tables.example.gov.cn/addin/');
    expect(prod).not.toMatch(/https?:\/\/localhost/);
    const parsed = await parseXml(prod);
    const moved = urls(allStrings(parsed)).filter((u) => !u.startsWith('http://schemas.microsoft.com/') && !u.startsWith('http://www.w3.org/'));
    for (const u of moved) expect(u.startsWith('https://tables.example.gov.cn/addin/') || u === 'https://tables.example.gov.cn').toBe(true);
    expect(findAll(parsed, 'AppDomain').map((d) => d.text)).toEqual(['https://tables.example.gov.cn']);
    expect(child(child(parsed, 'DefaultSettings'), 'SourceLocation').attributes.DefaultValue).toBe('https://tables.example.gov.cn/addin/taskpane.html');
  });

  test('the production host comes from ADDIN_PROD_URL or package.json and must be https', () => {
    const saved = process.env.ADDIN_PROD_URL;
    try {
      process.env.ADDIN_PROD_URL = 'https://office.example.org/tables';
      expect(webpackConfig.productionUrl()).toBe('https://office.example.org/tables/');
      process.env.ADDIN_PROD_URL = 'http://office.example.org/';
      expect(() => webpackConfig.productionUrl()).toThrow(/https/);
      delete process.env.ADDIN_PROD_URL;
      const configured = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { config?: { prodUrl?: string } }).config?.prodUrl;
      expect(configured).toMatch(/^https:\/\//);
      expect(webpackConfig.productionUrl()).toBe(new URL(configured as string).href);
    } finally {
      if (saved === undefined) delete process.env.ADDIN_PROD_URL;
      else process.env.ADDIN_PROD_URL = saved;
    }
  });
});
