import pypdfium2 as pdfium, re, sys
pdf=pdfium.PdfDocument("appendix_f.pdf")
def words(i):
    tp=pdf[i].get_textpage(); n=tp.count_chars(); out=[]; cur=""; box=None
    for k in range(n):
        ch=tp.get_text_range(k,1)
        if ch.strip()=="" :
            if cur: out.append((cur,box)); cur=""; box=None
            continue
        b=tp.get_charbox(k)
        if box and (abs(b[0]-box[2])>3 and abs(b[1]-box[3])>3 and abs(b[1]-box[1])>3): # jump
            out.append((cur,box)); cur=""; box=None
        cur+=ch; box=b if box is None else (min(box[0],b[0]),min(box[1],b[1]),max(box[2],b[2]),max(box[3],b[3]))
    if cur: out.append((cur,box))
    return out
if __name__=="__main__":
  i=int(sys.argv[1])
  for w,b in words(i):
      if re.search(r"\d",w): print(f"{w:>12} x={ (b[0]+b[2])/2:7.1f} y={(b[1]+b[3])/2:7.1f}")
