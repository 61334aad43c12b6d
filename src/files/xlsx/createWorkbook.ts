/** A new, minimal workbook package: the parts Excel needs and nothing else; sheets are then added as to any workbook. */
import { writeZip } from '../zip/writeZip';
import { CONTENT_TYPES_NS, OFFICE_REL_NS, PACKAGE_REL_NS, SPREADSHEET_NS } from '../xml/namespaces';
import { minimalStylesXml } from './styles';

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export function emptyWorkbookPackage(): Uint8Array {
  const rel = OFFICE_REL_NS[0];
  return writeZip([
    {
      name: '[Content_Types].xml',
      kind: 'new',
      data:
        `${HEAD}<Types xmlns="${CONTENT_TYPES_NS}">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        '</Types>',
    },
    {
      name: '_rels/.rels',
      kind: 'new',
      data: `${HEAD}<Relationships xmlns="${PACKAGE_REL_NS}"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      kind: 'new',
      data: `${HEAD}<workbook xmlns="${SPREADSHEET_NS[0]}" xmlns:r="${rel}"><bookViews><workbookView activeTab="0"/></bookViews><sheets></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      kind: 'new',
      data: `${HEAD}<Relationships xmlns="${PACKAGE_REL_NS}"><Relationship Id="rId1" Type="${rel}/styles" Target="styles.xml"/></Relationships>`,
    },
    { name: 'xl/styles.xml', kind: 'new', data: minimalStylesXml(SPREADSHEET_NS[0]) },
  ]);
}
