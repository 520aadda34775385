import numpy as np
n,k,p=100000,317,0.01
rng=np.random.default_rng(1)
def explicit(beta):
    c=rng.binomial(k,p,n).astype(float)
    key=c+rng.random(n)*1e-6
    w1=np.argpartition(-key,k)[:k]
    inp=c.copy(); inp[w1]*=1+beta
    inp+=rng.binomial(k,p,n)
    key=inp+rng.random(n)*1e-6
    w2=np.argpartition(-key,k)[:k]
    return len(np.intersect1d(w1,w2))/k
def lazy_exact(beta):
    # known: top-k of n Bin(k,p) ; candidates top-k of n-k Bin(2k,p)  (direct simulation of the order statistics)
    c=rng.binomial(k,p,n).astype(float); c1=np.sort(c)[-k:]
    known=c1*(1+beta)+rng.binomial(k,p,k)
    cand=np.sort(rng.binomial(2*k,p,n-k))[-k:].astype(float)
    allv=np.concatenate([known,cand]); 
    # ties: known first -> stable sort on -value
    order=np.argsort(-allv,kind='stable')[:k]
    return (order<k).sum()/k
for beta in [0.01,0.05,0.1]:
    e=[explicit(beta) for _ in range(200)]; l=[lazy_exact(beta) for _ in range(200)]
    print(beta,'explicit %.4f +- %.4f'%(np.mean(e),np.std(e)/np.sqrt(200)),'lazy-exact %.4f +- %.4f'%(np.mean(l),np.std(l)/np.sqrt(200)))
