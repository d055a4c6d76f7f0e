import json, re, collections, pypdfium2 as pdfium
T=json.load(open("transcription.json"))
pdf=pdfium.PdfDocument("appendix_f.pdf")
def toks(i):
    t=pdf[i].get_textpage().get_text_range()
    return re.findall(r"\(?\d[\d,\.]*\)?|\(\d \d", t)
def mine_f1(pages):
    cols=list(range(8)) if pages==616 else list(range(8,15))
    out=[]
    for line,label,vals in T["F1"]:
        out+= [vals[c] for c in cols if vals[c] is not None]
    return out
def mine_f2():
    return [v for line,label,panel,vals in T["F2"] for v in vals if v is not None]
for name,i,mine in [("p616",2,mine_f1(616)),("p617",3,mine_f1(617)),("p620",6,mine_f2())]:
    ocr=collections.Counter(toks(i)); m=collections.Counter(mine)
    print("==",name,"my values:",sum(m.values()),"| in mine, missing from text layer:",dict(m-ocr))
    print("   in text layer, not in mine:",dict(ocr-m))
