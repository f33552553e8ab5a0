"""Make data/gec/{train,test}.jsonl: multilingual grammatical error correction, reproducibly.

Clean short sentences written for this project (English, French, Spanish, German) get typical learner errors
injected by small rules (agreement, tense, articles, plurals, prepositions, accents, word order, German noun
capitalisation); some items stay correct. The split is by sentence, so no test sentence is seen in training.

    python data/make_gec.py
"""

from __future__ import annotations

import json
import random
import unicodedata
from pathlib import Path

SEED = 13
OUT = Path(__file__).resolve().parent / "gec"

SENTENCES = {
    "en": [
        "She goes to school every day.", "My brother works in a big hospital.", "We went to the beach last summer.",
        "The children are playing in the garden.", "He has lived in London for three years.",
        "I bought two apples and a banana.", "They were watching a film when I arrived.",
        "There are many books on the shelf.", "My parents visited me yesterday.", "The weather is very cold today.",
        "She doesn't like coffee in the morning.", "We are waiting for the bus.", "He speaks English very well.",
        "I have never been to Japan.", "The shop opens at nine o'clock.", "My sister is taller than me.",
        "Our teacher gave us a lot of homework.", "The cat is sleeping on the sofa.",
        "I usually cook dinner at seven.", "He didn't go to work on Monday.", "We need three eggs for the cake.",
        "The train arrives in ten minutes.", "Those shoes are too expensive.", "She has two children.",
        "I am interested in history.", "They moved to a new house in May.", "The students finished their exams.",
        "My friend lives near the station.", "It rained all day on Sunday.", "He is good at mathematics.",
        "We walked to the park after lunch.", "The women were talking in the kitchen.",
        "I will call you tomorrow morning.", "She bought a new dress for the party.", "The children like ice cream.",
        "My father drives to work every morning.", "We stayed at a small hotel by the sea.",
        "He forgot his keys at home.", "The museum is closed on Mondays.", "I am reading an interesting book.",
    ],
    "fr": [
        "Je vais à l'école tous les jours.", "Mon frère travaille dans un grand hôpital.",
        "Nous sommes allés à la plage l'été dernier.", "Les enfants jouent dans le jardin.",
        "Elle habite à Paris depuis trois ans.", "J'ai acheté deux pommes et une banane.",
        "Il y a beaucoup de livres sur l'étagère.", "Mes parents sont venus hier.",
        "Il fait très froid aujourd'hui.", "Elle n'aime pas le café le matin.", "Nous attendons le bus.",
        "Il parle très bien anglais.", "Je ne suis jamais allé au Japon.", "Le magasin ouvre à neuf heures.",
        "Ma sœur est plus grande que moi.", "Le chat dort sur le canapé.", "Je prépare le dîner à sept heures.",
        "Nous avons besoin de trois œufs.", "Le train arrive dans dix minutes.", "Ces chaussures sont trop chères.",
        "Elle a deux enfants.", "Ils ont déménagé dans une nouvelle maison.", "Les étudiants ont fini leurs examens.",
        "Mon ami habite près de la gare.", "Il a plu toute la journée.", "Nous avons mangé une pizza délicieuse.",
        "Les femmes parlaient dans la cuisine.", "Je t'appellerai demain matin.",
        "Elle a acheté une nouvelle robe.", "Les enfants aiment la glace.", "Mon père va au travail en voiture.",
        "Il a oublié ses clés à la maison.", "Le musée est fermé le lundi.", "Je lis un livre intéressant.",
        "La voiture de mon voisin est rouge.", "Nous sommes arrivés en retard à la réunion.",
        "Tu as vu mes lunettes ?", "Elles sont parties très tôt ce matin.", "Le petit garçon mange une pomme.",
        "J'ai rencontré mes amis au café.",
    ],
    "es": [
        "Voy a la escuela todos los días.", "Mi hermano trabaja en un hospital grande.",
        "Fuimos a la playa el verano pasado.", "Los niños juegan en el jardín.",
        "Ella vive en Madrid desde hace tres años.", "Compré dos manzanas y un plátano.",
        "Hay muchos libros en la estantería.", "Mis padres vinieron ayer.", "Hoy hace mucho frío.",
        "A ella no le gusta el café por la mañana.", "Estamos esperando el autobús.", "Él habla muy bien inglés.",
        "Nunca he estado en Japón.", "La tienda abre a las nueve.", "Mi hermana es más alta que yo.",
        "El gato duerme en el sofá.", "Preparo la cena a las siete.", "Necesitamos tres huevos para el pastel.",
        "El tren llega en diez minutos.", "Esos zapatos son demasiado caros.", "Ella tiene dos hijos.",
        "Se mudaron a una casa nueva.", "Los estudiantes terminaron sus exámenes.", "Mi amigo vive cerca de la estación.",
        "Llovió todo el día.", "Comimos una pizza deliciosa.", "Las mujeres hablaban en la cocina.",
        "Te llamaré mañana por la mañana.", "Ella compró un vestido nuevo.", "A los niños les gusta el helado.",
        "Mi padre va al trabajo en coche.", "Olvidó las llaves en casa.", "El museo está cerrado los lunes.",
        "Estoy leyendo un libro interesante.", "El coche de mi vecino es rojo.", "Llegamos tarde a la reunión.",
        "¿Has visto mis gafas?", "Ellas salieron muy temprano esta mañana.", "El niño pequeño come una manzana.",
        "Conocí a mis amigos en el café.",
    ],
    "de": [
        "Ich gehe jeden Tag zur Schule.", "Mein Bruder arbeitet in einem großen Krankenhaus.",
        "Wir sind letzten Sommer an den Strand gefahren.", "Die Kinder spielen im Garten.",
        "Sie wohnt seit drei Jahren in Berlin.", "Ich habe zwei Äpfel und eine Banane gekauft.",
        "Es gibt viele Bücher im Regal.", "Meine Eltern sind gestern gekommen.", "Heute ist es sehr kalt.",
        "Sie trinkt morgens keinen Kaffee.", "Wir warten auf den Bus.", "Er spricht sehr gut Englisch.",
        "Ich war noch nie in Japan.", "Der Laden öffnet um neun Uhr.", "Meine Schwester ist größer als ich.",
        "Die Katze schläft auf dem Sofa.", "Ich koche um sieben Uhr das Abendessen.", "Wir brauchen drei Eier für den Kuchen.",
        "Der Zug kommt in zehn Minuten.", "Diese Schuhe sind zu teuer.", "Sie hat zwei Kinder.",
        "Sie sind in ein neues Haus gezogen.", "Die Studenten haben ihre Prüfungen beendet.",
        "Mein Freund wohnt in der Nähe vom Bahnhof.", "Es hat den ganzen Tag geregnet.",
        "Wir haben eine leckere Pizza gegessen.", "Die Frauen sprachen in der Küche.", "Ich rufe dich morgen früh an.",
        "Sie hat ein neues Kleid gekauft.", "Die Kinder mögen Eis.", "Mein Vater fährt mit dem Auto zur Arbeit.",
        "Er hat seine Schlüssel zu Hause vergessen.", "Das Museum ist montags geschlossen.",
        "Ich lese ein interessantes Buch.", "Das Auto meines Nachbarn ist rot.", "Wir sind zu spät zum Treffen gekommen.",
        "Hast du meine Brille gesehen?", "Er spielt jeden Tag Fußball.", "Der kleine Junge isst einen Apfel.",
        "Ich habe meine Freunde im Café getroffen.",
    ],
}

# Word-level learner errors per language: correct form -> typical wrong form (agreement, tense, articles,
# plurals, prepositions, auxiliaries).
SWAPS = {
    "en": {
        "goes": "go", "works": "work", "are": "is", "is": "are", "has": "have", "have": "has", "were": "was",
        "was": "were", "went": "goed", "bought": "buyed", "doesn't": "don't", "didn't": "doesn't", "children": "childs",
        "women": "womans", "apples": "apple", "eggs": "egg", "shoes": "shoe", "books": "book", "an": "a", "a": "an",
        "at": "in", "in": "on", "on": "in", "to": "at", "drives": "drive", "speaks": "speak", "lives": "live",
        "gave": "give", "forgot": "forget", "walked": "walk", "finished": "finish", "moved": "move", "than": "then",
        "taller": "more tall", "stayed": "stay", "visited": "visit", "likes": "like", "opens": "open", "arrives": "arrive",
    },
    "fr": {
        "vais": "va", "travaille": "travailles", "sommes": "avons", "jouent": "joue", "habite": "habites",
        "ai": "est", "sont": "ont", "fait": "faire", "aime": "aimes", "attendons": "attendez", "parle": "parles",
        "suis": "ai", "ouvre": "ouvrent", "est": "es", "dort": "dors", "prépare": "prépares", "arrive": "arrivent",
        "a": "à", "ont": "sont", "la": "le", "le": "la", "une": "un", "un": "une", "les": "la", "mes": "mon",
        "ses": "son", "leurs": "leur", "chères": "chers", "grande": "grand", "nouvelle": "nouveau",
        "délicieuse": "délicieux", "allés": "allé", "parties": "parti", "venus": "venu", "arrivés": "arrivé",
        "au": "à le", "dans": "en", "sur": "dans", "depuis": "pour", "près": "proche",
    },
    "es": {
        "voy": "va", "trabaja": "trabajas", "fuimos": "fueron", "juegan": "juega", "vive": "vives", "compré": "compró",
        "hay": "están", "vinieron": "vino", "hace": "está", "gusta": "gustan", "estamos": "somos", "habla": "hablas",
        "he": "ha", "abre": "abren", "es": "está", "duerme": "dormir", "está": "es", "tiene": "tienes", "son": "es",
        "la": "el", "el": "la", "una": "un", "un": "una", "los": "las", "las": "los", "mis": "mi", "sus": "su",
        "caros": "caras", "grande": "grandes", "nueva": "nuevo", "deliciosa": "delicioso", "nuevo": "nueva",
        "pequeño": "pequeña", "manzanas": "manzana", "libros": "libro", "huevos": "huevo", "en": "a", "a": "en",
        "de": "en", "por": "para", "cerca": "cerca a",
    },
    "de": {
        "gehe": "geht", "arbeitet": "arbeite", "sind": "haben", "spielen": "spielt", "wohnt": "wohne",
        "habe": "bin", "hat": "ist", "ist": "sind", "gibt": "geben", "trinkt": "trinke", "warten": "wartet",
        "spricht": "sprecht", "war": "habe", "öffnet": "öffnen", "schläft": "schlaft", "koche": "kocht",
        "brauchen": "braucht", "kommt": "kommen", "mögen": "mag", "fährt": "fahrt", "lese": "liest", "isst": "esst",
        "der": "die", "die": "der", "das": "der", "den": "der", "dem": "den", "einem": "einen", "einen": "ein",
        "eine": "ein", "großen": "große", "neues": "neue", "leckere": "lecker", "kleine": "kleiner",
        "Äpfel": "Apfel", "Bücher": "Buchs", "Eier": "Eis", "Kinder": "Kindern", "zur": "zu die", "im": "in",
        "auf": "an", "in": "im", "mit": "bei", "seit": "für", "zum": "zu",
    },
}

ACCENTS = {"é": "e", "è": "e", "ê": "e", "à": "a", "ù": "u", "ç": "c", "ô": "o", "î": "i", "œ": "oe",
           "á": "a", "í": "i", "ó": "o", "ú": "u", "ñ": "n", "ä": "a", "ö": "o", "ü": "u", "ß": "ss"}


def _words(sentence: str) -> tuple[list[str], str]:
    end = sentence[-1] if sentence[-1] in ".?!" else ""
    body = sentence[: -1] if end else sentence
    return body.split(" "), end


def swap_word(lang: str, sentence: str, rng: random.Random) -> str | None:
    words, end = _words(sentence)
    spots = [i for i, w in enumerate(words) if w in SWAPS[lang] or w.lower() in SWAPS[lang]]
    if not spots:
        return None
    i = rng.choice(spots)
    w = words[i]
    wrong = SWAPS[lang].get(w) or SWAPS[lang][w.lower()]
    words[i] = wrong[0].upper() + wrong[1:] if w[0].isupper() and i == 0 else wrong
    return " ".join(words) + end


def drop_accents(lang: str, sentence: str, rng: random.Random) -> str | None:
    spots = [i for i, c in enumerate(sentence) if c in ACCENTS]
    if lang == "en" or not spots:
        return None
    chosen = set(rng.sample(spots, k=min(len(spots), rng.choice([1, 2]))))
    return "".join(ACCENTS[c] if i in chosen else c for i, c in enumerate(sentence))


def swap_adjacent(lang: str, sentence: str, rng: random.Random) -> str | None:
    words, end = _words(sentence)
    if len(words) < 4:
        return None
    i = rng.randrange(1, len(words) - 1)
    words[i], words[i + 1] = words[i + 1], words[i]
    return " ".join(words) + end


def lowercase_noun(lang: str, sentence: str, rng: random.Random) -> str | None:
    if lang != "de":
        return None
    words, end = _words(sentence)
    spots = [i for i, w in enumerate(words) if i > 0 and w[:1].isupper() and w not in ("Sie", "Ich")]
    if not spots:
        return None
    i = rng.choice(spots)
    words[i] = words[i].lower()
    return " ".join(words) + end


RULES = [swap_word, swap_word, drop_accents, swap_adjacent, lowercase_noun]


def corrupt(lang: str, sentence: str, rng: random.Random) -> str:
    """One or (sometimes) two injected errors; the result always differs from the sentence."""
    n_errors = 2 if rng.random() < 0.25 else 1
    text = sentence
    for _ in range(n_errors):
        rules = RULES[:]
        rng.shuffle(rules)
        for rule in rules:
            out = rule(lang, text, rng)
            if out and out != text and out != sentence:
                text = out
                break
    assert text != sentence, sentence
    return text


def items_for(lang: str, sentences: list[str], rng: random.Random, variants: int) -> list[dict]:
    items = []
    for s in sentences:
        wrongs: list[str] = []
        for _ in range(variants * 3):
            w = corrupt(lang, s, rng)
            if w not in wrongs:
                wrongs.append(w)
            if len(wrongs) == variants:
                break
        items += [{"lang": lang, "text": w, "reference": s} for w in wrongs]
        items.append({"lang": lang, "text": s, "reference": s})  # already correct
    return items


def interleave(groups: dict[str, list[dict]]) -> list[dict]:
    out, n = [], max(len(g) for g in groups.values())
    for i in range(n):
        for lang in sorted(groups):
            if i < len(groups[lang]):
                out.append(groups[lang][i])
    return out


def main() -> None:
    rng = random.Random(SEED)
    splits: dict[str, dict[str, list[dict]]] = {"train": {}, "test": {}}
    for lang in sorted(SENTENCES):
        sentences = [unicodedata.normalize("NFC", s) for s in SENTENCES[lang]]
        order = sentences[:]
        rng.shuffle(order)
        test, train = order[:8], order[8:]
        for name, part in (("train", train), ("test", test)):
            items = items_for(lang, part, rng, variants=3 if name == "train" else 3)
            rng.shuffle(items)
            splits[name][lang] = items
    OUT.mkdir(parents=True, exist_ok=True)
    for name, groups in splits.items():
        rows = interleave(groups)
        counters: dict[str, int] = {}
        with open(OUT / f"{name}.jsonl", "w", encoding="utf-8") as f:
            for row in rows:
                counters[row["lang"]] = counters.get(row["lang"], 0) + 1
                rid = f"gec-{name}-{row['lang']}-{counters[row['lang']]:04d}"
                f.write(json.dumps({"id": rid, **row}, ensure_ascii=False) + "\n")
        correct = sum(r["text"] == r["reference"] for r in rows)
        print(f"{name}: {len(rows)} items, {correct} already correct, by language {counters}")


if __name__ == "__main__":
    main()
