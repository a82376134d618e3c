"""Check the blind14 story set: reads only the set's own files (sources.yaml, pages/, events.yaml).

Adapted from /work/gold-new/tools/blind8_check.py.

Visible text = <body> text without <script>/<style>; <head> (title, meta) excluded; each page is
decoded with the charset its meta tag declares (one page is windows-1250).
Occurrences: whole-number match (not preceded by a digit or digit+[.,], not followed by a digit
or [.,]+digit), dates masked, counted across a source's pages in sources.yaml order.
  A: numbers inside ranges count ("140-150" holds one "140"), clock times count, case-sensitive.
  B: hyphen/en-dash ranges, space-grouped thousands ("1 000") and clock times are single tokens.
  C: as A but case-insensitive ("Dozens" = "dozens").
  D: as A but dates NOT masked.
A claim is flagged AMBIGUOUS when B, C or D put its n-th occurrence somewhere else than A.
Also checked: events.yaml format (keys, claim types), unknown sources, duplicate claims
(two claims at one occurrence), claims inside a masked date, and a listing (--unclaimed) of every
numeric token or number word not covered by a claim, for review.

Usage: python3 check_story.py [SETDIR] [--dump] [--unclaimed]
"""
import re, sys, yaml, collections
from html.parser import HTMLParser
from pathlib import Path

ARGS = [a for a in sys.argv[1:] if not a.startswith('--')]
SET = Path(ARGS[0]) if ARGS else Path(__file__).resolve().parent.parent
MONTHS = (r'(?:January|February|March|April|May|June|July|August|September|October|November|'
          r'December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Dec\.?)')
DATE_RES = [
    rf'\b\d{{1,2}}(?:\s*(?:–|-)\s*\d{{1,2}})?\s+{MONTHS}(?:\s+\d{{4}})?',
    rf'\b{MONTHS}\s+\d{{1,2}}\b(?:,\s*\d{{4}})?',
    r'\b\d{2}\.\d{2}\.\d{4}\b',
    rf'\b{MONTHS}\s+\d{{4}}\b',
    r'\b(?:19|20)\d{2}\b',
]
TIME_RE = r'\b\d{1,2}:\d{2}\b|\b\d{2}\.\d{2}(?=\s*GMT)'
CLAIM_TYPES = {'killed', 'injured', 'detained', 'deployed', 'damage', 'price', 'fires', 'attacks',
               'missing', 'displaced', 'evacuated', 'protesters', 'other'}
BLOCK = ('p', 'div', 'li', 'tr', 'h1', 'h2', 'h3', 'table', 'figcaption', 'caption', 'br', 'td',
         'th', 'ul', 'ol', 'nav', 'header', 'footer', 'aside', 'section', 'figure')


class Vis(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out = []; self.skip = 0; self.inbody = False
    def handle_starttag(self, tag, attrs):
        if tag == 'body': self.inbody = True
        if tag in ('script', 'style', 'head'): self.skip += 1
        if tag in BLOCK: self.out.append('\n')
    def handle_endtag(self, tag):
        if tag in ('script', 'style', 'head'): self.skip -= 1
        if tag in ('td', 'th'): self.out.append(' | ')
    def handle_data(self, d):
        if self.inbody and not self.skip: self.out.append(d)


def page_text(path):
    raw = path.read_bytes()
    m = re.search(rb'charset=["\']?([\w-]+)', raw[:800])
    enc = m.group(1).decode() if m else 'utf-8'
    p = Vis(); p.feed(raw.decode(enc)); p.close()
    t = ''.join(p.out)
    t = re.sub(r'[ \t]+\n', '\n', t)
    return t, enc


def mask(text, regs):
    chars = list(text)
    for r in regs:
        for m in re.finditer(r, text):
            for i in range(*m.span()):
                if chars[i] != '\n': chars[i] = '#'
    return ''.join(chars)


def finds(text, spell, conv='A'):
    pre = r'(?<![\d])(?<!\d[.,])'
    post = r'(?![\d])(?![.,]\d)'
    if conv == 'B':
        pre += r'(?<!\d[-–])(?<!\d )'
        post += r'(?![-–]\d)(?! \d{3}\b)'
    if spell[0].isdigit():
        pat = pre + re.escape(spell) + post
    else:
        pat = r'(?<![A-Za-z])' + re.escape(spell) + r'(?![A-Za-z])'
    flags = re.I if conv == 'C' else 0
    return [m.start() for m in re.finditer(pat, text, flags)]


def page_files(src_entry):
    return [SET / 'pages' / (u.split('://', 1)[1].replace('/', '_') + '.html') for u in src_entry['urls']]


def load():
    src = yaml.safe_load((SET / 'sources.yaml').read_text())['stories'][0]['sources']
    texts, encs = {}, {}
    for s in src:
        parts = []
        for f in page_files(s):
            t, enc = page_text(f)
            parts.append(t); encs[f.name] = enc
        texts[s['id']] = '\n=====PAGE=====\n'.join(parts)
    return src, texts, encs


def views(texts):
    A = {k: mask(v, DATE_RES) for k, v in texts.items()}
    B = {k: mask(v, DATE_RES + [TIME_RE]) for k, v in texts.items()}
    return A, B, A, texts  # A, B, C (= A text, case-insensitive search), D (unmasked)


NUMWORDS = (r'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|'
            r'fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|hundred|thousand|'
            r'dozens?|hundreds|thousands|millions|billions|several|twice|double|half|third|quarter|'
            r'thirty-seven')


def main():
    src, texts, encs = load()
    A, B, C, D = views(texts)
    if '--dump' in sys.argv:
        for k, v in A.items():
            print('=' * 20, k); print(re.sub(r'\n\s*\n+', '\n', v))
        return
    doc = yaml.safe_load((SET / 'events.yaml').read_text())
    ev = doc['events']
    seen = collections.defaultdict(list)
    errors = 0; ambiguous = 0; nclaims = 0
    for e in ev:
        for k in e:
            if k not in ('label', 'kind', 'action', 'claim_type', 'counted_group', 'scope', 'claims'):
                print('BAD EVENT KEY', k, e.get('label')); errors += 1
        for k in ('label', 'claim_type', 'counted_group', 'scope', 'claims'):
            if k not in e: print('MISSING EVENT KEY', k, e.get('label')); errors += 1
        if e.get('claim_type') not in CLAIM_TYPES:
            print('BAD CLAIM TYPE', e.get('claim_type'), e['label']); errors += 1
        for c in e['claims']:
            nclaims += 1
            if set(c) - {'source', 'text', 'occurrence'}:
                print('BAD CLAIM KEY', c); errors += 1
            s, t, n = c['source'], c['text'], c.get('occurrence', 1)
            if 'occurrence' in c and n == 1:
                print('OCCURRENCE 1 SHOULD BE OMITTED', c)
            if s not in A: print('UNKNOWN SOURCE', s); errors += 1; continue
            fa = finds(A[s], t, 'A')
            if len(fa) < n:
                print(f'MISSING {s} {t!r} occ {n}: only {len(fa)} found'); errors += 1; continue
            pos = fa[n - 1]
            for conv, view in (('B', B), ('C', C), ('D', D)):
                fx = finds(view[s], t, conv if conv != 'D' else 'A')
                if len(fx) < n or fx[n - 1] != pos:
                    print(f'AMBIGUOUS({conv}) {s} {t!r} occ {n} (A pos {pos}, {conv} {fx[n-1] if len(fx) >= n else None})')
                    ambiguous += 1
            key = (s, pos)
            if key in seen:
                print(f'DUPLICATE {s} {t!r} occ {n} also in {seen[key]}'); errors += 1
            seen[key].append(e['label'])
    if '--unclaimed' in sys.argv:
        numre = r'(?<![\w.,])\d[\d.,]*(?:\s\d{3})*(?![\w])|\d+(?=[-a-z%])|(?<![A-Za-z])(?:a |an )?(?:' + NUMWORDS + r')(?![A-Za-z])'
        for s, t in A.items():
            for m in re.finditer(numre, t, flags=re.I):
                tok = m.group(0).strip()
                if not tok or not re.search(r'\w', tok): continue
                covered = any((s, p) in seen for p in range(m.start() - 2, m.end() + 1))
                if not covered:
                    ctx = t[max(0, m.start() - 40): m.end() + 40].replace('\n', ' ')
                    print(f'UNCLAIMED {s}: {tok!r}  ..{ctx}..')
    print('encodings:', {k: v for k, v in encs.items() if v.lower() != 'utf-8'})
    print(f'{len(ev)} events, {nclaims} claims, {errors} errors, {ambiguous} ambiguous')
    bysrc = collections.Counter(c['source'] for e in ev for c in e['claims'])
    print('claims by source:', dict(bysrc))
    print('multi-source events:', sum(1 for e in ev if len({c["source"] for c in e["claims"]}) > 1))
    print('event claim types:', dict(collections.Counter(e['claim_type'] for e in ev)))
    return 1 if errors or ambiguous else 0


if __name__ == '__main__':
    sys.exit(main())
