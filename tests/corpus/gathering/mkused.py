"""Rebuild used_sources.txt: one line per source key (owner/repo, or URL host+path) of every corpus snippet."""
import glob, re, sys


def main() -> None:
    keys = set()
    for f in glob.glob('/work/main/tests/corpus/snippets/*') + glob.glob('/work/main/tests/corpus/heldout*/snippets/*'):
        for line in open(f, encoding='utf-8', errors='replace'):
            if not line.startswith('%'):
                break
            if line.startswith('% source:'):
                s = line[len('% source:'):].strip()
                m = re.match(r'https?://([^\s)]+)', s)
                if m:
                    u = m.group(1).rstrip('.,;')
                    if u.startswith('github.com/') or u.startswith('raw.githubusercontent.com/'):
                        parts = u.split('/')
                        keys.add('github:' + '/'.join(parts[1:3]).lower())
                    keys.add(u.split('#')[0].lower())
                    continue
                m = re.match(r'([A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+)[@:]', s)
                if m:
                    keys.add('github:' + m.group(1).lower())
                    continue
                keys.add(s[:160].lower())
    for c in glob.glob('/work/corpus_work/claims*.txt'):
        for line in open(c):
            if line.strip():
                keys.add('claimed: ' + line.strip().lower())
    open('/work/corpus_work/used_sources.txt', 'w').write('\n'.join(sorted(keys)) + '\n')
    print(len(keys))



if __name__ == "__main__":
    main()
