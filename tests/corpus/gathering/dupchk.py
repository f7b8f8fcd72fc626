"""Usage: python dupchk.py FILE...  Reports corpus snippets whose text overlaps a candidate's (a repeat: drop it)."""
import glob, re, sys


def main() -> None:

    def body_lines(path):
        text = open(path, encoding='utf-8', errors='replace').read()
        head, _, body = text.partition('\n\n') if text.startswith('%') else ('', '', text)
        out = set()
        for line in body.splitlines():
            n = re.sub(r'\s+', '', line).lower()
            if len(n) >= 25:
                out.add(n)
        return out

    corpus = {}
    for f in glob.glob('/work/main/tests/corpus/snippets/*') + glob.glob('/work/main/tests/corpus/heldout*/snippets/*') \
            + glob.glob('/work/corpus_work/h*/snippets/*'):
        corpus[f] = body_lines(f)
    status = 0
    for cand in sys.argv[1:]:
        mine = body_lines(cand)
        hits = []
        for f, lines in corpus.items():
            if f.endswith('/' + cand.split('/')[-1]) and f.startswith('/work/corpus_work'):
                continue
            common = mine & lines
            if mine and (len(common) >= 3 or len(common) >= max(1, len(mine) // 2)):
                hits.append((len(common), f))
        hits.sort(reverse=True)
        if hits:
            status = 1
            print(f'{cand}: REPEAT? shares lines with:')
            for n, f in hits[:5]:
                print(f'   {n} of {len(mine)} lines: {f}')
        else:
            print(f'{cand}: no overlap found')
    sys.exit(status)



if __name__ == "__main__":
    main()
