# independent numpy implementation of the lazy projection (brain.py's algorithm, written from its description)
import numpy as np, math, sys
from scipy.stats import binom, truncnorm
def run(n,k,p,beta,rounds,seed,sampler='reference'):
    rng=np.random.default_rng(seed)
    s=np.zeros(0); W=np.zeros((0,0)); winners=np.zeros(0,dtype=int); w=0; sup=[]; w1=None; ov=None
    for t in range(rounds):
        rec = t>0
        K = k + (k if rec else 0)
        inp = s.copy()
        if rec: inp += W[winners].sum(0)
        N=n-w; q=(N-k)/N
        alpha=binom.ppf(q,K,p); mu=K*p; sd=math.sqrt(K*p*(1-p))
        if sampler=='reference':
            cand=np.round(mu+truncnorm.rvs((alpha-mu)/sd,(K-mu)/sd,scale=sd,size=k,random_state=rng))
        else:
            cand=np.sort(rng.binomial(K,p,N))[-k:][::-1].astype(float)
        allv=np.concatenate([inp,cand])
        order=np.argsort(-allv,kind='stable')[:k]
        newidx=[i for i in order if i>=w]
        m=len(newidx)
        # grow
        s=np.concatenate([s,np.zeros(m)]); W2=np.zeros((w+m,w+m)); W2[:w,:w]=W; W=W2
        old_w=w
        winset=set(winners.tolist())
        nonwin=np.array([j for j in range(old_w) if j not in winset],dtype=int)
        for jn,ci in enumerate(newidx):
            col=old_w+jn; tot=int(allv[ci])
            picks=rng.choice(K,tot,replace=False)
            s[col]=(picks<k).sum()
            if rec:
                fromA=picks[picks>=k]-k
                W[winners[fromA],col]=1.0
                if len(nonwin): W[nonwin,col]=rng.random(len(nonwin))<p
            else:
                W[:old_w,col]=rng.random(old_w)<p
        # new rows (incl. new x new)
        if m: W[old_w:,:]=rng.random((m,old_w+m))<p
        neww=np.array([i if i<old_w else old_w+newidx.index(i) for i in order])
        w=old_w+m
        s[neww]*=1+beta
        if rec:
            W[np.ix_(winners,neww)]*=1+beta
        winners=neww
        sup.append(w)
        if t==0: w1=set(winners.tolist())
        if t==1: ov=len(w1&set(winners.tolist()))/k
    return sup,ov
n,k,p=100000,317,0.01
sampler=sys.argv[1]; seeds=int(sys.argv[2])
for beta in [float(x) for x in sys.argv[3].split(",")]:
    S=[];O=[]
    for seed in range(seeds):
        sup,ov=run(n,k,p,beta,20,seed,sampler); S.append(sup[19]); O.append(ov)
    print(sampler,beta,'s20 %.0f +- %.0f'%(np.mean(S),np.std(S)/np.sqrt(len(S))),'ov %.3f'%np.mean(O),flush=True)
