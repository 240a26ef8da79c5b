#!/usr/bin/env python3
# For each collision the scorer found (two gold people sharing a pseudonym),
# list the mentions whose replacement differs from their entity's usual one.
#   tools/collisions.py GOLD_DIR EVAL_OUT_DIR   (after make eval: ../shared/corpus/dev out/eval/dev)
import collections, json, os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(sys.argv[1])), '..', 'eval'))
import score
gold_dir, out_dir = sys.argv[1], sys.argv[2]
s=json.load(open(out_dir+'/score.json'))
docs=collections.defaultdict(list)
for d in s['details']['collisions']: docs[d['doc']].append(d)
for doc, cols in sorted(docs.items()):
    g=score.load_gold_doc(gold_dir, doc)
    src=open(f'{gold_dir}/{doc}.txt',encoding='utf-8').read()
    out=open(f'{out_dir}/{doc}.txt',encoding='utf-8').read()
    aln=score.align_document(src,out)
    res=score.score_mentions(g,aln)
    for c in cols:
        e1,e2=c['entities']
        by=collections.defaultdict(collections.Counter)
        for r in res:
            if r.mention.entity in (e1,e2) and r.status==score.CAUGHT and not r.ambiguous:
                by[r.mention.entity][r.normalised]+=1
        # majority pseudonym per entity
        maj={e:by[e].most_common(1)[0][0] for e in by}
        print(doc, c['canonical'], {e:dict(by[e]) for e in by})
        for r in res:
            e=r.mention.entity
            if e in (e1,e2) and r.status==score.CAUGHT and not r.ambiguous and r.normalised!=maj[e]:
                m=r.mention
                print('   ', e, repr(src[m.start:m.end]), '->', r.normalised, '|', src[max(0,m.start-60):m.end+30].replace('\n',' '))
