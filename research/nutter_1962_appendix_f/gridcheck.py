import json, re
from grid import words  # reuses words()
T=json.load(open("transcription.json"))
def ctr(b): return ((b[0]+b[2])/2,(b[1]+b[3])/2)
def run(page, years, rowanchors, colaxis, mygrid, exclude_fn):
    ws=[(w,ctr(b)) for w,b in words(page)]
    ra = 1-colaxis
    # column anchors: header year tokens
    cols={}
    for w,c in ws:
        if w in years and w not in cols: cols[w]=c[colaxis]
    assert len(cols)==len(years), (cols,years)
    got={}
    # merge split OCR tokens like "(8" "1"
    toks=[]; skip=False
    for k,(w,c) in enumerate(ws):
        if skip: skip=False; continue
        if re.fullmatch(r"\(\d",w) and k+1<len(ws) and re.fullmatch(r"\d",ws[k+1][0]) and abs(ws[k+1][1][ra]-c[ra])<2:
            toks.append((w+"."+ws[k+1][0]+")",c,"merged-split")); skip=True; continue
        toks.append((w,c,""))
    for w,c,flag in toks:
        if not re.search(r"\d",w) or exclude_fn(w,c): continue
        col=min(cols,key=lambda y:abs(cols[y]-c[colaxis]))
        row=min(rowanchors,key=lambda r:abs(rowanchors[r]-c[ra]))
        if abs(rowanchors[row]-c[ra])>4 or abs(cols[col]-c[colaxis])>15: 
            print("   unplaced token",w,c); continue
        got.setdefault((row,col),[]).append(w+("*" if flag else ""))
    n_ok=0
    for (row,col),v in mygrid.items():
        g=got.pop((row,col),None)
        if g==[v]: n_ok+=1
        else: print(f"   DIFF line {row} {col}: mine={v} textlayer={g}")
    for k,g in got.items(): print("   EXTRA in text layer",k,g)
    print(f"   {n_ok}/{len(mygrid)} cells identical in text layer at same row/column")

# p616
F1c=["1913","1928","1932","1937","1940","1945","1946","1950A","1950B","1953","1955A","1955B","1956","1957","1958"]
ws2=words(2)
lab={w.rstrip("."):ctr(b)[1] for w,b in ws2 if re.fullmatch(r"\d{1,2}\.?",w) and ctr(b)[0]<45}
lab["6"]=352.7  # label 6 is two lines; values sit on the 'metalworking' line
lab["8-9"]=(lab["8"]+lab["9"])/2
def grid_f1(cols):
    g={}
    for line,label,vals in T["F1"]:
        for c,v in zip(F1c,vals):
            if v is not None and c in cols: g[(line,c)]=v
    return g
print("== Table F-1, p. 616 (PDF page 3). row anchors:",lab)
run(2,F1c[:8],lab,0,grid_f1(F1c[:8]),lambda w,c: c[0]<45 or c[1]<240 or c[1]>450)
print("== Table F-1, p. 617 (PDF page 4), row anchors from p. 616 label positions shifted")
# p617 rows are ~1-2 pt higher; use measured offsets from the unambiguous rows 1,2,3
lab2={k:v+ (1.5 if int(k.split('-')[0])<6 else 2.2) for k,v in lab.items()}
run(3,F1c[8:],lab2,0,grid_f1(F1c[8:]),lambda w,c: c[1]<245 or c[1]>450)
# p620 rotated: column axis = y (1), row axis = x (0)
F2y=["1913","1928","1932","1937","1940","1945","1946","1950","1953","1955","1956","1957","1958"]
ws6=words(6)
lab3={w.rstrip("."):ctr(b)[0] for w,b in ws6 if re.fullmatch(r"\d{1,2}\.|8,9\.",w) and ctr(b)[1]<90}
grp=[ctr(b)[0] for w,b in ws6 if w.startswith("Group") or w=='"A"' or w=='"B"']
print("   Group tokens x:",grp)
g={}
for line,label,panel,vals in T["F2"]:
    key=line.rstrip(".")
    if line.startswith("unnumbered"): key="GA" if "A" in label else "GB"
    for c,v in zip(F2y,vals):
        if v is not None: g[(key,c)]=v
lab3["8,9"]=lab3.pop("8,9")
print("== Table F-2, p. 620 (PDF page 7). row anchors:",lab3)
lab3["GA"]=229.5; lab3["GB"]=301.2
yrs={}
run(6,F2y,lab3,1,g,lambda w,c: c[1]<90 or c[0]<115 or c[0]>330 or w in ("(1928","100)","(1950"))
