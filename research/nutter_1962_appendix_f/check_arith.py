import json
T=json.load(open("transcription.json"))
F1c=["1913","1928","1932","1937","1940","1945","1946","1950A","1950B","1953","1955A","1955B","1956","1957","1958"]
F2y=["1913","1928","1932","1937","1940","1945","1946","1950","1953","1955","1956","1957","1958"]
n=lambda s: None if s is None else float(s.strip("()").replace(",",""))
F1={l:dict(zip(F1c,map(n,v))) for l,_,v in T["F1"]}
F2={}
for l,lab,p,v in T["F2"]:
    k=l if not l.startswith("unnumbered") else ("GA50" if "A" in lab else "GB50")
    F2[k]=dict(zip(F2y,map(n,v)))
def chk(name,tot,parts,tol):
    out=[]
    for c in F1c:
        t=F1[tot][c]; ps=[F1[p][c] for p in parts]
        if t is None or any(x is None for x in ps): continue
        d=t-sum(ps); out.append(f"{c}:{'ok' if abs(d)<=tol else 'DIFF %+.1f'%d}")
    print(f"F-1 {name}: "+", ".join(out))
chk("line1 = 2+3","1",["2","3"],0.11); 
for c in F1c[8:]: pass
chk("line1 = 4+5","1",["4","5"],0.11)
chk("line6 = 7+8+9","6",["7","8","9"],0.11)
chk("line6 = 7+(8-9 combined)","6",["7","8-9"],0.11)
chk("line2 = 10+11","2",["10","11"],1)
chk("line11 = 12+13","11",["12","13"],1)
print("(tolerance 0.1 for one-decimal columns; 1 for integer columns)")
# F-2 vs F-1 ratios, 1928=100, "1926/27" columns
print("\nF-2 (1928=100) vs 100*F-1[y]/F-1[1928]:")
for l in ["1","2","3","4","5","6","7"]:
    s=[]
    for y,c in zip(F2y[:8],F1c[:8]):
        a=F1[l][c]; b=F1[l]["1928"]; i=F2[l][y]
        if a is None or b is None or i is None: continue
        s.append(f"{y}: {i:g} vs {100*a/b:.0f}")
    print(f" line {l}: "+"; ".join(s))
s=[]
for y,c in zip(F2y[1:8],F1c[1:8]):
    a=(F1["8"][c] or 0)+(F1["9"][c] or 0)+(F1["8-9"][c] or 0); i=F2["8,9"][y]
    if i is None or a==0: continue
    s.append(f"{y}: {i:g} vs {100*a/1.0:.0f}")
print(" line 8,9: "+"; ".join(s))
# post-1950 links: F-1 1950B/1953 = 1955A * idx ratio; 1955B-1958 = 1955B * ratio (line 1-3, 6)
print("\nF-1 '1952'/'1955'-price columns vs F-2 index links:")
for l in ["1","2","3","6","7"]:
    s=[]
    for c,y in [("1950B","1950"),("1953","1953")]:
        s.append(f"{c}: {F1[l][c]:g} vs {F1[l]['1955A']*F2[l][y]/F2[l]['1955']:.1f}")
    for c,y in [("1956","1956"),("1957","1957"),("1958","1958")]:
        s.append(f"{c}: {F1[l][c]:g} vs {F1[l]['1955B']*F2[l][y]/F2[l]['1955']:.1f}")
    print(f" line {l}: "+"; ".join(s))
# 1950=100 panel Group A/B vs 1928 panel lines 2,3
print("\nF-2 1950=100 Group rows vs lines 2/3 rebased to 1950:")
for k,l in [("GA50","2"),("GB50","3")]:
    print(f" {k}: "+"; ".join(f"{y}: {F2[k][y]:g} vs {100*F2[l][y]/F2[l]['1950']:.1f}" for y in F2y))
print("\nF-2 line 14 (1950=100) vs F-1 line 14:")
print(" "+"; ".join(f"{y}: {F2['14'][y]:g} vs /1950A {100*F1['14'][c]/17:.0f}, /1950B {100*F1['14'][c]/16:.0f}" for y,c in [("1937","1937"),("1940","1940"),("1945","1945"),("1946","1946"),("1953","1953"),("1955","1955A")]))
print("\nF-2 lines 10-13 1953/1956 (derived) vs F-1:")
for l in ["10","11","12","13"]:
    print(f" line {l}: 1953 {F2[l]['1953']:g} vs {F2[l]['1955']*F1[l]['1953']/F1[l]['1955A']:.0f}; 1956 {F2[l]['1956']:g} vs {F2[l]['1955']*F1[l]['1956']/F1[l]['1955B']:.0f}")
