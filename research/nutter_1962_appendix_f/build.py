# Transcription (read visually from 288-432 dpi renders) of Nutter (1962) Tables F-1, F-2.
# Values: printed numbers; parentheses kept in the string here, stripped for CSV.
import csv, re, json
F1_COLS = [("1913",'"1926/27" Prices',616),("1928",'"1926/27" Prices',616),("1932",'"1926/27" Prices',616),
           ("1937",'"1926/27" Prices',616),("1940",'"1926/27" Prices',616),("1945",'"1926/27" Prices',616),
           ("1946",'"1926/27" Prices',616),("1950A",'"1926/27" Prices',616),
           ("1950B",'"1952" Prices',617),("1953",'"1952" Prices',617),("1955A",'"1952" Prices',617),
           ("1955B",'"1955" Prices',617),("1956",'"1955" Prices',617),("1957",'"1955" Prices',617),("1958",'"1955" Prices',617)]
_ = None
F1 = [  # (line, label, [values per F1_COLS])
 ("1","All industry",            ["16.4","21.6","43.7","96.2","139.3","128.0","106.9","241.7","(451)","(655)","(834)","(766)","(847)","(932)","(1,030)"]),
 ("2",'Group "A"',               ["5.5","8.5","23.3","55.6","85.3","95.8","70.4","175.0","(310)","(453)","(589)","(540)","(600)","(664)","(740)"]),
 ("3",'Group "B"',               ["10.9","13.1","20.4","40.6","54.0","32.2","36.5","66.7","(141)","(202)","(248)","(226)","(247)","(268)","(290)"]),
 ("4","Large-scale industry",    ["11.1","16.9","39.0","90.5","130.0","120.4","98.5","229.0",_,_,_,_,_,_,_]),
 ("5","Small-scale industry",    ["(5.3)","(4.7)","(4.6)","(5.7)","(9.3)","(7.6)","(8.1)","(12.7)",_,_,_,_,_,_,_]),
 ("6","Machine building and metalworking",["1.3","2.4","9.7","27.5","48.4","62.4",_,"104.0","(192)","(302)","(417)","(384)","(436)","(494)","(562)"]),
 ("7","Machine building",        [_,"1.4","7.4","22.7","40.3","52.8",_,"94.3","(73)","(123)","(177)","(163)","(190)","(221)","(253)"]),
 ("8","Metal products",          [_,"0.8","(1.7)","(2.6)",_,_,_,_,"(107)",_,"(223)","(205)",_,_,_]),
 ("9","Repair shops",            [_,"0.2","0.6","2.2",_,_,_,_,"(12)",_,"(17)","(16)",_,_,_]),
 ("8-9","Metal products and repair shops (one combined figure printed across lines 8 and 9)",
                                 [_,_,_,_,"(8.1)","(9.6)",_,"(9.7)",_,"(179)",_,_,"(246)","(273)","(309)"]),
 ("10","Tools of labor",         [_,_,_,_,_,_,_,_,"(81)","(131)","(183)","(167)","(198)","(232)","(266)"]),
 ("11","Materials",              [_,_,_,_,_,_,_,_,"(229)","(322)","(406)","(373)","(402)","(432)","(474)"]),
 ("12","Category I",             [_,_,_,_,_,_,_,_,"(149)","(213)","(271)","(248)","(264)","(286)","(311)"]),
 ("13","Category II",            [_,_,_,_,_,_,_,_,"(81)","(109)","(135)","(124)","(138)","(146)","(163)"]),
 ("14","Military products",      [_,_,_,"8.5","24.6","(44.6)","(6.8)","(17)","(16)","(39)","(44)","(42)",_,_,_]),
]
F2_YEARS = ["1913","1928","1932","1937","1940","1945","1946","1950","1953","1955","1956","1957","1958"]
F2 = [  # (line, label, panel, values)
 ("1","All industry","INDEX (1928 = 100)",        ["76","100","202","446","646","593","495","1,119","1,626","2,069","2,288","2,517","2,776"]),
 ("2",'Group "A"',"INDEX (1928 = 100)",           ["65","100","273","652","1,000","1,122","824","2,049","2,992","3,895","4,335","4,812","5,361"]),
 ("3",'Group "B"',"INDEX (1928 = 100)",           ["83","100","156","311","415","246","279","510","736","899","982","1,063","1,149"]),
 ("4","Large-scale industry","INDEX (1928 = 100)",["66","100","232","537","771","714","584","1,355","2,004","2,576",_,_,_]),
 ("5","Small-scale industry","INDEX (1928 = 100)",["(113)","(100)","(98)","(121)","(198)","(162)","(172)","(270)",_,_,_,_,_]),
 ("6","Machine building and metalworking","INDEX (1928 = 100)",["56","100","399","1,128","1,982","2,553",_,"4,252","6,699","9,235","10,505","11,892","13,533"]),
 ("7","Machine building","INDEX (1928 = 100)",    [_,"(100)","(529)","(1,621)","(2,879)","3,771",_,"6,737","11,401","16,439","19,174","22,312","25,503"]),
 ("8,9","Metal products and repair shops","INDEX (1928 = 100)",[_,"(100)","(230)","(480)","(810)","(960)",_,"(970)","(1,500)","(1,960)","(2,010)","(2,230)","(2,524)"]),
 ("unnumbered (heading above line 10)",'Group "A"',"INDEX (1950 = 100)",["3.2","4.9","13","32","49","55","40","100","146","190","212","235","263"]),
 ("10","Tools of labor","INDEX (1950 = 100)",     [_,_,_,_,_,_,_,"100","(160)","227","(270)","306","354"]),
 ("11","Materials","INDEX (1950 = 100)",          [_,_,_,_,_,_,_,"100","(140)","177","(190)","211","231"]),
 ("12","Category I","INDEX (1950 = 100)",         [_,_,_,_,_,_,_,"100","(150)","183","(200)","219","242"]),
 ("13","Category II","INDEX (1950 = 100)",        [_,_,_,_,_,_,_,"100","(130)","167","(190)","197","213"]),
 ("14","Military products","INDEX (1950 = 100)",  [_,_,_,"(50)","(210)","(265)","(40)","100","(244)","(275)",_,_,_]),
 ("unnumbered (heading above line 15)",'Group "B"',"INDEX (1950 = 100)",["16","19","31","61","81","48","55","100","144","176","193","209","225"]),
 ("15","Light industry","INDEX (1950 = 100)",     ["14","21","31","54","89",_,_,"100","143","178","190","200","216"]),
 ("16","Food industry","INDEX (1950 = 100)",      ["22","22","35","67","103",_,_,"100","138","160","175","192","203"]),
]
for r in F1: assert len(r[2])==len(F1_COLS), r[1]
for r in F2: assert len(r[3])==len(F2_YEARS), r[1]
def num(s): return s.strip("()").replace(",","")
def paren(s): return s.startswith("(")
json.dump({"F1":F1,"F2":F2},open("/tmp/work/nutter/transcription.json","w"),indent=0)

PAREN_F1 = "printed in parentheses: residual or indirect estimate (Table F-1 headnote)"
PAREN_F2 = "printed in parentheses: derived from gross production estimates in Table F-1, not an official index (Table F-2 note)"
rows=[]
for line,label,vals in F1:
    for (per,basis,page),v in zip(F1_COLS,vals):
        if v is None: continue
        notes=[]
        if paren(v): notes.append(PAREN_F1)
        if per=="1950A": notes.append('1950A = 1950 in "1926/27" prices (old classification); compare 1950B in "1952" prices')
        if per=="1950B": notes.append('1950B = 1950 in "1952" prices (revised classification)')
        if per=="1955A": notes.append('1955A = 1955 in "1952" prices')
        if per=="1955B": notes.append('1955B = 1955 in "1955" prices')
        if basis!='"1926/27" Prices': notes.append('footnote b: "1952"/"1955" prices = prices of January 1, 1952 / July 1, 1955, with important exceptions')
        if line in ("8","9") and per=="1937": notes.append("printed with a brace joining lines 8 and 9 (separate figures; combined in later years)")
        if line in ("8","9") and per in ("1950B","1955A","1955B"): notes.append("printed with a brace joining lines 8 and 9: combined residual (line 6 minus line 7) split by 1955/1950 indexes metal products 209, repair shops 141 (notes to Table F-1, line 8)")
        if line=="8-9": notes.append("single figure printed centred between lines 8 (Metal products) and 9 (Repair shops): residual line 6 minus line 7, metal products combined with repair shops")
        if line=="10": notes.append("footnote c: orudiia truda; seems to be machinery and equipment plus repair shops minus consumer durables")
        if line=="11": notes.append("footnote d: predmety truda")
        if line in ("10","11","12","13"): notes.append('lines 10-13 are a breakdown of Group "A" (Category I/II are sub-items of Materials)')
        if line=="14": notes.append("footnote e: estimated earmarked expenditures on military products, excluding such things as atomic energy; over 1950-1955 estimates probably too high")
        unit = {'"1926/27" Prices':"billion rubles (1926/27 prices)",'"1952" Prices':"billion rubles (1952 prices)",'"1955" Prices':"billion rubles (1955 prices)"}[basis]
        rows.append(dict(table_row=label,column=f'F-1, {basis}, {per}',period=per,value=num(v),unit=unit,source="nutter1962",
             locator=f"Appendix F, Table F-1, line {line}, p. {page}",note="; ".join(notes)))
for line,label,panel,vals in F2:
    for per,v in zip(F2_YEARS,vals):
        if v is None: continue
        notes=[]
        if paren(v): notes.append(PAREN_F2)
        if panel=="INDEX (1950 = 100)" and line.startswith("unnumbered"):
            notes.append(f'unnumbered {label} row in the 1950 = 100 panel (distinct from line {"2" if "A" in label else "3"}, 1928 = 100)')
        if line in ("10","11","12","13"): notes.append('lines 10-13 are a breakdown of Group "A"')
        if line in ("15","16"): notes.append('lines 15-16 are listed under Group "B"')
        unit = "index, 1928 = 100" if panel=="INDEX (1928 = 100)" else "index, 1950 = 100"
        rows.append(dict(table_row=label,column=f'F-2, {panel}, {per}',period=per,value=num(v),unit=unit,source="nutter1962",
             locator=f"Appendix F, Table F-2, line {line}, p. 620",note="; ".join(notes)))
with open("/tmp/work/nutter/nutter_1962_tables_f1_f2.csv","w",newline="") as f:
    w=csv.DictWriter(f,fieldnames="table_row,column,period,value,unit,source,locator,note".split(","))
    w.writeheader(); w.writerows(rows)
print(len(rows), sum(1 for r in rows if r["locator"].startswith("Appendix F, Table F-1")), sum(1 for r in rows if "F-2" in r["locator"]))
