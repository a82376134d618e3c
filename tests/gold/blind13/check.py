"""Checker for blind13 gold files (adapted from tools/check.py, tools/naive.py and tools/ctx.py).

Reads only the set's own files. For every YAML with a `document:` key it checks:
- the YAML parses; keys, claim types, qualifiers, labels and ISO dates are valid; range value = midpoint;
- every `text` occurs in order (each kind searched from the end of the previous entry of that kind,
  or from `near:`, which must be unique); a number spelling never matches inside a longer number;
- the match is the same with a naive search (case-sensitive and case-insensitive, no word
  boundaries), so a looser matcher finds the same occurrence ("ten" in "often", "Two"/"two");
- no figure overlaps a date; no two entries of one kind share a span;
and it lists digit tokens and number words not covered by a figure or date, for review.
Usage: python check.py [DIR] [--ctx]
"""
import sys, os, re, glob, datetime
import yaml

D = next((a for a in sys.argv[1:] if not a.startswith('--')), os.path.dirname(os.path.abspath(__file__)))
CTX = '--ctx' in sys.argv
ALLOWED_CT = {'killed', 'injured', 'detained', 'deployed', 'damage', 'price', 'fires', 'attacks', 'missing',
              'displaced', 'evacuated', 'protesters', 'other'}
APPROX = {'vague', 'about', 'over', 'at least', 'almost', 'up to', True, False}
FIG_KEYS = {'text', 'value', 'low', 'high', 'unit', 'approx', 'claim_type', 'counted_head', 'near'}
NUMWORDS = r'(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|dozens?|hundreds|thousands|half|third|quarters?|fifth|tenth|twice)'
problems = 0

def warn(*a):
    global problems
    problems += 1
    print('PROBLEM', *a)

def find(text, s, start):
    i = start
    while True:
        j = text.find(s, i)
        if j < 0: return -1
        ok = True
        if s[0].isdigit() and j > 0:
            p = text[j-1]
            if p.isdigit() or (p in '.,' and j > 1 and text[j-2].isdigit()): ok = False
        e = j + len(s)
        if s[-1].isdigit() and e < len(text):
            n = text[e]
            if n.isdigit() or (n in '.,' and e+1 < len(text) and text[e+1].isdigit()): ok = False
        if s[0].isalpha() and j > 0 and text[j-1].isalpha(): ok = False
        if s[-1].isalpha() and e < len(text) and text[e].isalpha(): ok = False
        if ok: return j
        i = j + 1

def naive(text, s, start, ci):
    T = text.lower() if ci else text; S = s.lower() if ci else s
    i = start
    while True:
        j = T.find(S, i)
        if j < 0: return -1
        e = j + len(s); ok = True
        if s[0].isdigit() and j > 0 and (text[j-1].isdigit() or (text[j-1] in '.,' and j > 1 and text[j-2].isdigit())): ok = False
        if s[-1].isdigit() and e < len(text) and (text[e].isdigit() or (text[e] in '.,' and e+1 < len(text) and text[e+1].isdigit())): ok = False
        if ok: return j
        i = j + 1

tot = {'figures': 0, 'dates': 0, 'entities': 0}
rows = []
for y in sorted(glob.glob(os.path.join(D, '*.yaml'))):
    g = yaml.safe_load(open(y, encoding='utf-8'))
    if not isinstance(g, dict) or 'document' not in g: continue
    name = os.path.basename(y)
    text = open(os.path.join(D, g['document']), encoding='utf-8').read()
    words = len(text.split())
    if not 350 <= words <= 700: warn(name, 'word count', words)
    datetime.date.fromisoformat(str(g['published']))
    spans = {}
    for kind in ('figures', 'dates', 'entities'):
        pos = {'exact': 0, 'cs': 0, 'ci': 0}; spans[kind] = []
        for e in g.get(kind) or []:
            st = dict(pos)
            if 'near' in e:
                if text.count(e['near']) != 1: warn(name, 'near not unique/absent', e)
                st = {k: text.find(e['near']) for k in st}
            j = find(text, e['text'], st['exact'])
            if j < 0: warn(name, kind, 'NOT FOUND', e); continue
            for mode, ci in (('cs', False), ('ci', True)):
                k = naive(text, e['text'], st[mode], ci)
                if k != j: warn(name, kind, f'naive {mode} search finds another occurrence', e['text'], j, k, repr(text[k-20:k+20]))
                pos[mode] = k + len(e['text'])
            pos['exact'] = j + len(e['text'])
            spans[kind].append((j, j + len(e['text']), e))
            if kind == 'figures':
                if e.get('claim_type') not in ALLOWED_CT: warn(name, 'bad claim_type', e)
                if 'approx' in e and e['approx'] not in APPROX: warn(name, 'bad approx', e)
                if 'low' in e or 'high' in e:
                    if not ('low' in e and 'high' in e and e['low'] <= e['value'] <= e['high']): warn(name, 'bad range', e)
                    elif abs((e['low'] + e['high']) / 2 - e['value']) > 1e-9: warn(name, 'not midpoint', e)
                for k in e:
                    if k not in FIG_KEYS: warn(name, 'bad key', k, e)
                if 'unit' in e and e['unit'] != '%' and 'counted_head' not in e: warn(name, 'money without currency word', e)
            if kind == 'dates':
                for k in ('value', 'value_end'):
                    if k in e:
                        v = str(e[k])
                        if not re.fullmatch(r'\d{4}(-\d\d(-\d\d)?)?', v): warn(name, 'bad date', e)
                        elif len(v) == 10: datetime.date.fromisoformat(v)
                if 'value_end' in e and str(e['value_end']) < str(e['value']): warn(name, 'date range reversed', e)
            if kind == 'entities':
                if 'label' in e and e['label'] not in ('PERSON', 'ORG', 'GPE', 'NORP', 'LOC', 'FAC', 'EVENT'): warn(name, 'bad label', e)
                if 'canonical' not in e: warn(name, 'no canonical', e)
            if CTX and kind != 'entities':
                extra = {k: v for k, v in e.items() if k != 'text'}
                print(' ', kind[0], repr(text[max(0, j-35):j].replace('\n', ' ') + '[' + e['text'] + ']' + text[j+len(e['text']):j+len(e['text'])+25].replace('\n', ' ')), extra)
        tot[kind] += len(g.get(kind) or [])
        seen = {}
        for a, b, e in spans[kind]:
            if (a, b) in seen: warn(name, kind, 'two entries on one span', e['text'], a)
            seen[(a, b)] = 1
    for a in spans['figures']:
        for b in spans['dates']:
            if a[0] < b[1] and b[0] < a[1]: warn(name, 'FIG/DATE overlap', a[2]['text'], '|', b[2]['text'], a[0])
    cov = [(s, e) for s, e, _ in spans['figures'] + spans['dates']]
    unc = []
    for m in re.finditer(r'\d[\d.,\s]*\d|\d|(?<![A-Za-z])' + NUMWORDS + r'(?![A-Za-z])', text, flags=re.I):
        if not any(s <= m.start() < e or s < m.end() <= e for s, e in cov):
            unc.append(m.group().strip())
    nf, nd, ne = len(g['figures']), len(g['dates']), len(g.get('entities') or [])
    rows.append((name, words, nf, nd, ne))
    print(f"{name}: words={words} figures={nf} dates={nd} entities={ne} published={g['published']}")
    print('   uncovered numbers (review):', unc)
print(tot)
print('problems:', problems)
