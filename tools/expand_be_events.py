"""Expand lang/be/events.src (brace notation: затрыма{ць,ў,ла}) into lang/be/events.txt.

    python tools/expand_be_events.py src/kronika/lang/be/events.src src/kronika/lang/be/events.txt

Belarusian has no lemmatiser offline, so its event words are word forms; the source writes
each word once with its endings in braces, and initial у-/ў- and '/ʼ variants are added here.
"""
import itertools
import re
import sys
from pathlib import Path


def braces(word):
    m = re.search(r"\{([^{}]*)\}", word)
    if not m:
        return [word]
    out = []
    for alt in m.group(1).split(","):
        out += braces(word[:m.start()] + alt + word[m.end():])
    return out

def variants(form):
    forms = {form}
    if form.startswith("у") and len(form) > 1:
        forms.add("ў" + form[1:])
    if form.startswith("ў"):
        forms.add("у" + form[1:])
    forms |= {f.replace("'", "ʼ") for f in forms if "'" in f}
    return forms

def words(token):
    out = []
    for w in braces(token):
        for v in sorted(variants(w), key=lambda x: (x != w, x)):
            if v not in out:
                out.append(v)
    return out

src, dst = sys.argv[1], sys.argv[2]
lines, seen, section = [], set(), None
past = []
for raw in Path(src).read_text(encoding="utf-8").splitlines():
    line = raw.strip()
    if not line or line.startswith("#"):
        lines.append(raw); continue
    if line.startswith("[") and line.endswith("]"):
        section = line[1:-1]; lines.append(line); continue
    if line == "@past":
        lines.append("@PAST@"); continue
    phrase, eq, value = line.partition("=")
    value, bar, sense = value.partition("|")
    if section == "settings":
        lines.append(line); continue
    per_word = [words(t) for t in phrase.split()]
    sense_words = []
    for t in sense.split():
        neg = t.startswith("!")
        for w in words(t.lstrip("!")):
            s = ("!" if neg else "") + w
            if s not in sense_words:
                sense_words.append(s)
    tail = (" = " + value.strip() if eq else "") + (" | " + " ".join(sense_words) if bar else "")
    for combo in itertools.product(*per_word):
        entry = " ".join(combo)
        key = (section, entry, tail)
        if key in seen: continue
        seen.add(key)
        lines.append(entry + tail)
        if len(combo) <= 2 and (section in ("reversed", "prevented", "threatened", "called_for", "denied") or (section == "triggers" and eq and value.strip() != "-")) and re.search(r"(ў|ла|лі|ло|ўся|лася|ліся|лося)$", combo[-1]) and (len(combo) == 1 or combo[0] == "не"):
            entry = combo[-1]
            past.append(entry)
text = "\n".join(lines) + "\n"
forms = set(past)
def is_verb(f):
    if f.endswith("ўся"):
        return f[:-3] + "лася" in forms or f[:-3] + "ліся" in forms
    if f.endswith("ў"):
        return f[:-1] + "ла" in forms or f[:-1] + "лі" in forms
    return True
past = [f for f in dict.fromkeys(past) if is_verb(f)]
text = text.replace("@PAST@", "\n".join(past))
Path(dst).write_text(text, encoding="utf-8")
print(len(lines), "lines;", len(past), "past forms")
