"""The werkmodel classifier: evidence, the self-description rule, and the trained model."""
import pytest

from bot.understanding.classifier import Lexicon, WerkmodelClassifier
from bot.understanding.werkmodel import DOELGROEPEN, LEEFGEBIEDEN


@pytest.fixture(scope="module")
def lexicon_only():
    return WerkmodelClassifier(Lexicon.load())


def test_lexicon_ids_all_exist_and_every_label_has_patterns():
    lexicon = Lexicon.load()
    assert set(lexicon.patterns) == set(LEEFGEBIEDEN) | set(DOELGROEPEN)


@pytest.mark.parametrize("text,leefgebied,doelgroep,evidence", [
    ("mn moeder heeft alzheimer en ik zorg elke dag voor haar", "gezondheid", "mantelzorgers", "ik zorg elke dag voor haar"),
    ("ik ben 19 en kan de huur niet betalen", "wonen", "jongeren", "ik ben 19"),
    ("ik ben statushouder en snap de brieven van de belastingdienst niet", "financien", "niet_westerse_achtergrond", "statushouder"),
    ("sinds mijn herseninfarct kan ik mijn werk niet meer doen", "werken", "nah", "herseninfarct"),
])
def test_labels_come_with_the_words_that_led_to_them(lexicon_only, text, leefgebied, doelgroep, evidence):
    result = lexicon_only.classify(text)
    assert leefgebied in result.leefgebied_ids
    label = next(l for l in result.doelgroepen if l.id == doelgroep)
    assert evidence in label.evidence and label.evidence
    assert 0.0 < label.confidence <= 1.0


@pytest.mark.parametrize("text", [
    "Hallo, mijn naam is Mohammed en ik heb een vraag over mijn huur",
    "ik heb probleme met mijn geld en de rekenigen stapele op",
    "Groetjes van Fatima, kunt u mij helpen met de toeslag",
])
def test_doelgroep_is_never_guessed_from_name_or_spelling(lexicon_only, text):
    ids = lexicon_only.classify(text).doelgroep_ids
    assert "niet_westerse_achtergrond" not in ids and "laag_ses" not in ids


def test_trained_model_adds_labels_with_evidence_and_survives_serialisation():
    examples = [
        ("mijn kast is leeg en het geld is op", ["financien"], []),
        ("ik heb geen cent meer over aan het eind van de maand", ["financien"], []),
        ("het geld is weer op voor de boodschappen", ["financien"], []),
        ("de cent is op", ["financien"], []),
        ("ik voel me zo alleen sinds de verhuizing", ["sociale_relaties", "wonen"], []),
        ("hallo", [], []),
        ("goedemorgen", [], []),
        ("wat kost een meedenker", [], []),
    ]
    clf = WerkmodelClassifier.train(examples)
    again = WerkmodelClassifier.loads(clf.dumps())
    result = again.classify("aan het eind van de maand is de cent op")
    label = next(l for l in result.leefgebieden if l.id == "financien")
    assert label.source in ("model", "lexicon+model") and label.evidence


def test_nothing_in_a_greeting(lexicon_only):
    result = lexicon_only.classify("goedemiddag")
    assert result.leefgebied_ids == [] and result.doelgroep_ids == []


@pytest.fixture(scope="module")
def trained():
    """The classifier trained on the real examples of data/nlu/, as `make train` does."""
    import yaml

    from bot.ops.settings import PROJECT_ROOT

    examples = []
    for path in sorted((PROJECT_ROOT / "data" / "nlu").glob("*.yml")):
        for block in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("nlu", []):
            for example in block.get("examples") or []:
                if isinstance(example, dict):
                    meta = example.get("metadata") or {}
                    examples.append((example["text"], meta.get("leefgebieden") or [], meta.get("doelgroepen") or []))
    return WerkmodelClassifier.train(examples)


def test_the_reported_mantelzorg_question_is_not_labelled_financien(trained):
    result = trained.classify("mijn moeder van 82 heeft dementie en ik kan de zorg niet meer aan")
    assert result.leefgebied_ids == ["gezondheid"]
    assert {"ouderen", "mantelzorgers"} <= set(result.doelgroep_ids)


@pytest.mark.parametrize("text", [
    "mijn moeder van 82 heeft dementie en ik kan de zorg niet meer aan",
    "ik heb volgende week een gesprek en vind het best spannend, kan er iemand mee",
    "mijn zoon van 16 maakt me gek met zijn gamen en gaat niet meer naar school",
    "de stress van al die schulden maakt me echt kapot",
])
def test_every_evidence_is_a_content_word_never_a_function_word_ngram(trained, text):
    from bot.understanding.words import is_content_word

    result = trained.classify(text)
    for label in (*result.leefgebieden, *result.doelgroepen):
        if label.source == "model":
            assert label.evidence and all(is_content_word(word) for word in label.evidence), label


def test_living_with_someone_is_not_a_housing_question(trained):
    assert "wonen" not in trained.classify("mijn schoonmoeder woont bij ons in en ze bemoeit zich overal mee").leefgebied_ids
    assert "wonen" in trained.classify("ik zoek een betaalbare woning voor mij en mijn kinderen").leefgebied_ids


@pytest.mark.parametrize("text", ["ik kan mijn huur niet meer betalen", "mijn moeder heeft dementie",
                                  "hallo", "ik voel me alleen en de brieven stapelen zich op"])
def test_all_labels_scored_at_once_give_each_models_own_probability(trained, text):
    x = trained.models.features([text])
    at_once = trained.models.scores(x)
    one_by_one = {label: float(model.predict_proba(x)[0, 1]) for label, model in trained.models.per_label.items()}
    assert at_once.keys() == one_by_one.keys() and len(at_once) >= 5
    assert all(abs(at_once[label] - one_by_one[label]) < 1e-9 for label in at_once)


@pytest.mark.parametrize("text, expected", [
    ("school is kanker saai en mn ouders zeuren", ()),  # a curse word, not the disease (residents' round 38)
    ("mijn moeder heeft kanker", ("kanker",)),
    ("niemand doet iets aan de lekkage", ()),  # "niemand" alone is no loneliness
])
def test_curse_words_and_niemand_alone_are_no_evidence(text, expected):
    lexicon = Lexicon.load()
    found = lexicon.evidence("gezondheid", text) + lexicon.evidence("sociale_relaties", text)
    assert tuple(found) == expected
