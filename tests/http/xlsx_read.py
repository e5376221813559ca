"""Reads an .xlsx workbook with Python's standard library (zipfile and
xml.etree) the way a spreadsheet does, and prints it as JSON for the HTTP
tests: {"sheets": [{"name", "rows": [[cell or null, ...], ...]}], "text"}
where a cell is {"type": "n" (number) | "s" (string) | "b", "v", "fmt"
(its number format code), "bold", "formula"} and "text" is every string
of every part, to look for what must not be there.

usage: python3 xlsx_read.py FILE.xlsx"""
import json
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
      'r': 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
      'p': 'http://schemas.openxmlformats.org/package/2006/relationships'}
BUILTIN = {0: 'General', 1: '0', 2: '0.00', 9: '0%', 10: '0.00%', 14: 'mm-dd-yy', 22: 'm/d/yy h:mm'}


def col_index(ref):
    letters = re.match(r'[A-Z]+', ref).group(0)
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def main(path):
    z = zipfile.ZipFile(path)
    names = z.namelist()
    shared = []
    if 'xl/sharedStrings.xml' in names:
        for si in ET.fromstring(z.read('xl/sharedStrings.xml')).findall('m:si', NS):
            shared.append(''.join(t.text or '' for t in si.iter('{%s}t' % NS['m'])))
    styles = ET.fromstring(z.read('xl/styles.xml'))
    fmts = dict(BUILTIN)
    for f in styles.findall('m:numFmts/m:numFmt', NS):
        fmts[int(f.get('numFmtId'))] = f.get('formatCode')
    fonts = [f.find('m:b', NS) is not None for f in styles.findall('m:fonts/m:font', NS)]
    xfs = [(int(x.get('numFmtId', 0)), int(x.get('fontId', 0)))
           for x in styles.findall('m:cellXfs/m:xf', NS)]
    rels = {r.get('Id'): r.get('Target') for r in
            ET.fromstring(z.read('xl/_rels/workbook.xml.rels')).findall('p:Relationship', NS)}
    sheets = []
    for s in ET.fromstring(z.read('xl/workbook.xml')).findall('m:sheets/m:sheet', NS):
        target = rels[s.get('{%s}id' % NS['r'])]
        target = target.lstrip('/') if target.startswith('/') else 'xl/' + target
        rows = []
        for row in ET.fromstring(z.read(target)).findall('m:sheetData/m:row', NS):
            i = int(row.get('r')) - 1
            while len(rows) <= i:
                rows.append([])
            for c in row.findall('m:c', NS):
                j = col_index(c.get('r'))
                t = c.get('t', 'n')
                v = c.find('m:v', NS)
                if t == 's':
                    value, kind = shared[int(v.text)], 's'
                elif t == 'inlineStr':
                    value, kind = ''.join(x.text or '' for x in c.iter('{%s}t' % NS['m'])), 's'
                elif t in ('str', 'e'):
                    value, kind = v.text if v is not None else '', 's'
                elif t == 'b':
                    value, kind = v.text == '1', 'b'
                else:
                    value, kind = (float(v.text) if v is not None else None), 'n'
                fmt_id, font_id = xfs[int(c.get('s', 0))]
                cells = rows[i]
                while len(cells) <= j:
                    cells.append(None)
                cells[j] = {'type': kind, 'v': value, 'fmt': fmts.get(fmt_id, str(fmt_id)),
                            'bold': fonts[font_id], 'formula': c.find('m:f', NS) is not None}
        sheets.append({'name': s.get('name'), 'rows': rows})
    text = ''.join(z.read(n).decode('utf-8', 'replace') for n in names if n.endswith('.xml'))
    print(json.dumps({'sheets': sheets, 'text': text + '\n'.join(shared)}, ensure_ascii=False))


if __name__ == '__main__':
    main(sys.argv[1])
