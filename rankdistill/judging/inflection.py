"""Whether a word of an answer is a form of a listed word, in English, French, Spanish or German (and, through
simplemma alone, in the other languages simplemma knows): what the checks judge's ``covers`` asks.

Three ways, any of which suffices:

1. simplemma (a maintained lemmatizer) gives the word's lemma, and it is the listed word or the listed word's
   lemma. It keeps one lemma per form, so homographs go to one side: fr "ferme" is the farm, not "closes"
   (fermer), es "seca" is dry, not "dries" (secar), en "leaves" is the verb, not the plural of leaf.
2. The supplement table gives the word a lemma that simplemma misses: irregular forms (en "broke" <- break, fr
   "lit" <- lire, de "brach" <- brechen).
3. The word is a regular form of the listed word: ``regular_forms`` writes the listed word's regular paradigm
   (plurals, genders, comparatives; verbs' present, past, participles and their stem changes), compared
   without accents or umlauts (fr "lève" <- lever, es "cría" <- criar, de "Körner" <- Korn, "höchsten" <-
   hoch). A guess that is no word never matches anything; one that is another word (fr "porte", a door and
   "carries") is an ambiguity the check resolves for the answer.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata

SUPPLEMENT: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "broke": ("break",),
        "thought": ("think",),
        "bit": ("bite",),
        "shook": ("shake",),
        "rose": ("rise",),
        "drunk": ("drink",),
        "left": ("leave",),
        "felt": ("feel",),
        "won": ("win",),
        "gone": ("go",),
        "worse": ("bad",),
        "worst": ("bad",),
        "better": ("good", "well"),
        "best": ("good", "well"),
    },
    "fr": {
        "lit": ("lire",),
        "lu": ("lire",),
        "vu": ("voir",),
        "mort": ("mourir",),
        "assis": ("asseoir",),
        "résolu": ("résoudre",),
        "disparu": ("disparaître",),
        "paru": ("paraître",),
        "connu": ("connaître",),
        "reçu": ("recevoir",),
        "vit": ("vivre", "voir"),
        "vécu": ("vivre",),
        "vieil": ("vieux",),
        "vieille": ("vieux",),
        "bel": ("beau",),
        "fraîche": ("frais",),
        "nouvel": ("nouveau",),
    },
    "es": {
        "nada": ("nadar",),
        "puesto": ("poner",),
        "roto": ("romper",),
        "visto": ("ver",),
        "viste": ("ver",),
        "frito": ("freír",),
        "escrito": ("escribir",),
        "cubierto": ("cubrir",),
        "abierto": ("abrir",),
        "vuelto": ("volver",),
        "hecho": ("hacer",),
        "dicho": ("decir",),
    },
    "de": {
        "gegessen": ("essen",),
        "brach": ("brechen",),
        "brachen": ("brechen",),
        "biss": ("beißen",),
        "goss": ("gießen",),
        "zerriss": ("zerreißen",),
        "verloren": ("verlieren",),
        "hielt": ("halten",),
        "fiel": ("fallen",),
        "fielen": ("fallen",),
        "zog": ("ziehen",),
        "stieg": ("steigen",),
        "bestiegen": ("besteigen",),
        "verbrachte": ("verbringen",),
        "verbrachten": ("verbringen",),
        "verbracht": ("verbringen",),
        "gab": ("geben",),
        "maß": ("messen",),
    },
}


def fold(text: str) -> str:
    """Lower case without accents or umlauts (ß as ss, œ as oe): how regular forms are compared."""
    text = text.lower().replace("ß", "ss").replace("œ", "oe").replace("æ", "ae")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


@functools.cache
def lemmas(word: str, lang: str) -> frozenset[str]:
    """A word (lower case) and what simplemma and the supplement table say it is a form of, all lower case;
    simplemma is asked with the word as written, lower-cased and capitalised (it looks German nouns up
    capitalised)."""
    import simplemma  # (50 ms: only when a row is checked)

    out = {word.lower()}
    out.update(simplemma.lemmatize(w, lang=lang).lower() for w in {word, word.lower(), word.capitalize()})
    table = SUPPLEMENT.get(lang, {})
    for w in _ungendered(word.lower(), lang):
        out.update(table.get(w, ()))
    return frozenset(out)


def _ungendered(word: str, lang: str) -> set[str]:
    """The word, and as the supplement table lists it: fr and es participles in the masculine singular
    (fr couvertes -> couvert, es cubiertas -> cubierto)."""
    out = {word}
    if lang == "fr":
        out |= {word[: -len(e)] for e in ("es", "e", "s") if word.endswith(e) and len(word) > len(e) + 1}
    if lang == "es":
        out |= {
            word[: -len(e)] + "o" for e in ("as", "os", "a") if word.endswith(e) and len(word) > len(e) + 2
        }
    return out


def matches(word: str, concept: str, lang: str, guess: bool = True) -> bool:
    """Whether ``word`` (of an answer) is a form of the listed word ``concept``: whole, or, for a word joined by an
    apostrophe or hyphen (l'arbre), one of its parts. ``guess=False``: by the lemmatizer and the table only."""
    parts = [word, *re.split(r"['’\-]", word)] if re.search(r"['’\-]", word) else [word]
    return any(_matches_one(p, concept, lang, guess) for p in parts if p)


def _matches_one(word: str, concept: str, lang: str, guess: bool) -> bool:
    if lemmas(word, lang) & lemmas(concept, lang):
        return True
    folded = fold(word)
    if folded == fold(concept):  # the listed word itself, but for its accents: another word (schon, schön)
        return False
    return guess and folded in regular_forms(concept, lang)


@functools.cache
def regular_forms(concept: str, lang: str) -> frozenset[str]:
    """The listed word's regular forms, folded (a hyphenated word: each part inflected, grand-parent ->
    grands-parents)."""
    make = _PARADIGMS.get(lang)
    if make is None:
        return frozenset({fold(concept)})
    word = fold(concept)
    if "-" in word:
        parts = [sorted(make(p) | {p}) for p in word.split("-")]
        joined = {"-".join(c) for c in itertools.islice(itertools.product(*parts), 5000)}
        return frozenset(joined | make(word))
    return frozenset(make(word) | {word})


def _suffixed(stems: set[str], endings: str) -> set[str]:
    """Each stem with each ending; stems of one letter are left out (es dar: d + e is "de", a word of its own;
    simplemma knows such short verbs' forms)."""
    return {s + e for s in stems if len(s) > 1 for e in endings.split()}


VOWELS = set("aeiouy")


def _english(w: str) -> set[str]:
    out = _suffixed({w}, "s es ed d ing er est r st ly")
    if w.endswith("e"):
        out |= _suffixed({w[:-1]}, "ing ed er est")
    if w.endswith("y") and len(w) > 2 and w[-2] not in VOWELS:
        out |= _suffixed({w[:-1]}, "ies ied ier iest ily")
    if len(w) > 2 and w[-1] not in VOWELS | set("wx") and w[-2] in VOWELS and w[-3] not in VOWELS:
        out |= _suffixed({w + w[-1]}, "ed ing er est")  # stop -> stopped, big -> bigger
    if w.endswith("f"):
        out.add(w[:-1] + "ves")  # leaf -> leaves
    if w.endswith("fe"):
        out.add(w[:-2] + "ves")
    return out


def _french(w: str) -> set[str]:
    out = _suffixed({w}, "s x e es")
    for end, forms in (
        ("al", "aux ale ales"), ("eau", "eaux elle elles"), ("eux", "euse euses"), ("if", "ive ives"),
        ("el", "elle elles"), ("en", "enne ennes"), ("on", "onne onnes"), ("er", "ere eres"), ("et", "ette ettes"),
        ("c", "che ches que ques"), ("g", "gue gues"), ("x", "se ses ce ces"), ("il", "ille illes"),
        ("ais", "aiche aiches"), ("eil", "eille eilles"), ("ou", "olle olles"),
    ):  # fmt: skip
        if w.endswith(end):  # (eau -> elle would be a word of its own: _suffixed leaves short stems out)
            out |= _suffixed({w[: len(w) - len(end)]}, forms)
    present = "e es ent ons ez ais ait aient ions iez ant"
    if w.endswith("er"):
        stems = {w[:-2]}
        stems |= {s[:-1] + "i" for s in stems if s.endswith("y")}  # essuyer -> essuie
        stems |= {s + "e" for s in stems if s.endswith("g")}  # manger -> mangeons
        stems |= {s + s[-1] for s in stems if s[-1] in "lt"}  # appeler -> appelle
        out |= _suffixed(stems, present + " e es a as ai ames ates erent asse e ee es ees er")
        out |= _suffixed(stems, "erai eras era erons erez eront erais erait erions eriez eraient")
    elif w.endswith("ir"):
        s = w[:-2]
        out |= _suffixed(
            {s}, "is it issons issez issent issais issait issaient issant i ie is ies ira irai iront"
        )
        out |= _suffixed({s, s[:-1]}, "s t") | _suffixed(
            {s}, present + " i ie is ies u ue us ues"
        )  # courir, sortir
        if s.endswith(("vr", "fr")):  # ouvrir -> ouvert, offrir -> offert
            out |= _suffixed({s[:-1]}, "ert erte erts ertes")
        if s.endswith("en"):  # venir -> viens, vient, viennent, venu
            out |= _suffixed({s[:-2]}, "iens ient iennent enu enue enus enues int")
    elif w.endswith("re"):
        s = w[:-2]
        out |= _suffixed({s}, "s t " + present + " u ue us ues i ie is ies it")  # vendre, suivre -> suivi
        if s.endswith("i"):  # lire -> lisons, écrire -> écrivent, conduire -> conduits
            out |= _suffixed(
                {s}, "s t te ts tes sons sez sent sais sait saient sant vons vez vent vais vait vant"
            )
        if s.endswith(("eind", "aind", "oind")):  # éteindre -> éteint, éteignons
            out |= _suffixed({s[:-1]}, "s t te ts tes") | _suffixed({s[:-2]}, "gnons gnez gnent gnait gnaient gnant")
    return out


def _spanish(w: str) -> set[str]:
    out = _suffixed({w}, "s es")
    if w[-1:] in "oa":
        out |= _suffixed({w[:-1]}, "o a os as isimo isima isimos isimas")
    if w.endswith("z"):
        out |= _suffixed({w[:-1]}, "ces")
    if w.endswith("e"):
        out |= _suffixed({w[:-1]}, "isimo isima isimos isimas")
    for full, short in (("grande", "gran"), ("bueno", "buen"), ("malo", "mal"), ("primero", "primer"),
                        ("tercero", "tercer"), ("santo", "san")):  # fmt: skip
        if w == full:
            out.add(short)
    if w[-2:] in ("ar", "er", "ir") and len(w) > 2:
        s, kind = w[:-2], w[-2:]
        stems = {s}
        for i in reversed(range(len(s))):  # stem changes in the last vowel: e -> ie / i, o -> ue / u, u -> ue
            if s[i] in "eou":
                stems |= {
                    s[:i] + x + s[i + 1 :] for x in {"e": ("ie", "i"), "o": ("ue", "u"), "u": ("ue",)}[s[i]]
                }
                break
        soft = {x[:-1] + {"c": "qu", "g": "gu", "z": "c"}.get(x[-1], x[-1]) for x in stems}  # saqué, llegué
        soft |= {x[:-1] + {"g": "j", "c": "z"}.get(x[-1], x[-1]) for x in stems}  # recojo, venzo
        clitics = "se lo la le los las me te nos"
        if kind == "ar":
            out |= _suffixed(
                stems, "o as a amos ais an aba abas abamos aban aste o aron ado ada ados adas ando ar"
            )
            out |= _suffixed(stems, "ara aras aran are ares aremos aran aria arian ariamos")
            out |= _suffixed(stems | soft, "e es emos eis en")
            out |= _suffixed({w, s + "ando"}, clitics)
        else:
            out |= _suffixed(stems | soft, "o es e emos eis en a as an amos ia ias iamos ian i iste io imos")
            out |= _suffixed(stems, "ieron ido ida idos idas iendo yendo yo yeron")
            out |= _suffixed({s}, "era eras eran erias eria erian ira iras iran iria irian " + kind)
            out |= _suffixed({w, s + "iendo"}, clitics)
    return out


GERMAN_SEPARABLE = ("ab", "an", "auf", "aus", "bei", "ein", "mit", "nach", "vor", "weg", "zu", "zuruck",
                    "zusammen", "fest", "los", "her", "hin", "fern", "statt", "weiter")  # fmt: skip
GERMAN_INSEPARABLE = (
    "be",
    "ge",
    "er",
    "ver",
    "zer",
    "ent",
    "emp",
    "miss",
    "uber",
    "unter",
    "wider",
    "hinter",
)


def _german(w: str) -> set[str]:
    out = _suffixed(
        {w}, "e en n er s es ern nen em ere eren erer eres erem ste sten ster stes stem este esten"
    )
    if w.endswith("mann"):
        out.add(w[:-4] + "leute")
    if w.endswith(("um", "us")):
        out.add(w[:-2] + "en")  # Museum -> Museen
    if w.endswith(("en", "ln", "rn")) and len(w) > 3:
        s = w[:-2] if w.endswith("en") else w[:-1]
        finite = "e st t et est en te test ten tet ete etest eten etet end ende enden ender endes endem"
        out |= _suffixed({s}, finite)
        participle = {s + "t", s + "et"}
        if not s.startswith(GERMAN_INSEPARABLE) and not w.endswith("ieren"):
            participle = {"ge" + p for p in participle}
            for prefix in GERMAN_SEPARABLE:
                if s.startswith(prefix) and len(s) > len(prefix) + 2:  # aufgeräumt, aufzuräumen
                    rest = s[len(prefix) :]
                    participle |= {prefix + "ge" + rest + "t", prefix + "ge" + rest + "et"}
                    out.add(prefix + "zu" + w[len(prefix) :])
        out |= _suffixed(participle, "e en er es em") | participle
        out |= {"ge" + w}  # gebraten, gefangen (a strong participle that keeps the infinitive's vowel)
    return out


_PARADIGMS = {"en": _english, "fr": _french, "es": _spanish, "de": _german}
