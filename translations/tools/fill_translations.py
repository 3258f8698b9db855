"""Fill unfinished translations in a Qt .ts file from a source->translation map (JSON).

Usage: fill_translations.py FILE.ts MAP.json  (after `cmake --build build --target llmos_ui_lupdate`).
The map gives each new source string its translation; numerus (%n) strings take a list of
forms (zh_CN: one; en: singular and plural). Prints how many remain unfinished."""
import json, re, sys, html
ts_path, map_path = sys.argv[1], sys.argv[2]
mapping = json.load(open(map_path, encoding='utf-8'))
text = open(ts_path, encoding='utf-8').read()
def esc(s):
    return s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;').replace("'", '&apos;').replace('"', '&quot;')
def fill(m):
    block = m.group(0)
    src = re.search(r'<source>(.*?)</source>', block, re.S).group(1)
    src = html.unescape(src)
    if 'type="unfinished"' not in block or src not in mapping:
        return block
    tr = mapping[src]
    if 'numerus="yes"' in block:
        forms = tr if isinstance(tr, list) else [tr]
        inner = ''.join(f'\n            <numerusform>{esc(f)}</numerusform>' for f in forms)
        block = re.sub(r'<translation type="unfinished">.*?</translation>', lambda _: f'<translation>{inner}\n        </translation>', block, flags=re.S)
    else:
        block = re.sub(r'<translation type="unfinished">.*?</translation>', lambda _: f'<translation>{esc(tr)}</translation>', block, flags=re.S)
    return block
text = re.sub(r'<message[^>]*>.*?</message>', fill, text, flags=re.S)
open(ts_path, 'w', encoding='utf-8').write(text)
left = len(re.findall(r'type="unfinished"', text))
print(ts_path, 'unfinished left:', left)
