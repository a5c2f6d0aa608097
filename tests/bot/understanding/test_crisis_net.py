"""The semantic crisis net: trained on labelled examples, its threshold set from cross-validation."""
import numpy as np

from bot.understanding.crisis_net import MAX_THRESHOLD, MIN_THRESHOLD, CrisisNet, choose_threshold

CRISIS = {
    "crisis_113": ["ik wil dood", "ik wil er een eind aan maken", "ik heb pillen gespaard om te sterven",
                   "niemand zal me missen als ik er niet meer ben", "I want to kill myself",
                   "ik heb een afscheidsbrief geschreven", "ik wil niet meer wakker worden"],
    "crisis_112": ["mijn vader ademt niet meer", "er is brand in de keuken", "mijn kind ligt onder water",
                   "ik ruik gas en mijn moeder is flauwgevallen", "someone is unconscious on the floor",
                   "hij staat met een mes voor de deur", "mijn opa heeft pijn op de borst en valt om"],
    "crisis_veilig_thuis": ["mijn man slaat me", "papa doet me pijn", "mijn stiefvader raakt me aan",
                            "mijn vriend pakt mijn telefoon en mijn geld af", "my husband hits me",
                            "mijn broer bedreigt mij thuis", "mijn neef steelt van oma haar rekening"],
}
CALM = ["ik zoek een baan", "hoe vraag ik huurtoeslag aan", "mijn moeder heeft dementie", "ik heb schulden",
        "ik voel me eenzaam", "wat kost een meedenker", "mijn zoon moet naar een andere school",
        "ik wil mijn abonnement opzeggen", "de wasmachine is kapot", "ik schrok me dood van die brief",
        "ik zoek vrijwilligerswerk", "I need help with a letter", "mijn buren maken lawaai", "hallo"]


def test_the_net_recognises_crisis_by_meaning_and_the_route():
    texts = [t for ts in CRISIS.values() for t in ts] + CALM
    routes = [r for r, ts in CRISIS.items() for _ in ts] + [None] * len(CALM)
    net = CrisisNet.train(texts, routes)
    assert MIN_THRESHOLD <= net.threshold <= MAX_THRESHOLD
    unseen = net.score("ik denk erover om van de brug te springen")
    calm = net.score("ik zoek hulp bij mijn belastingaangifte")
    assert unseen.crisis > calm.crisis
    assert net.score("my stepfather touches me at night").route == "crisis_veilig_thuis"
    assert CrisisNet.loads(net.dumps()).score("hallo").crisis == net.score("hallo").crisis


def test_threshold_keeps_the_target_share_of_crisis_examples():
    probabilities = np.array([0.9] * 95 + [0.3] * 5 + [0.1] * 50)
    is_crisis = np.array([True] * 100 + [False] * 50)
    threshold, recall = choose_threshold(probabilities, is_crisis)
    assert threshold == 0.3 and recall == 1.0
    threshold, recall = choose_threshold(np.array([0.9] * 99 + [0.05]), np.array([True] * 100))
    assert threshold == 0.5 and recall == 0.99
    threshold, _ = choose_threshold(np.array([0.99] * 100), np.array([True] * 100))
    assert threshold == MAX_THRESHOLD


def test_dutch_is_read_by_meaning_and_words_english_by_meaning_only():
    texts = [t for ts in CRISIS.values() for t in ts] + CALM
    routes = [r for r, ts in CRISIS.items() for _ in ts] + [None] * len(CALM)
    net = CrisisNet.train(texts, routes)
    from bot.understanding.encoder import embed_one

    english = "I took all my pills and I am saying goodbye"
    by_meaning = net.english_model.predict_proba(embed_one(english).reshape(1, -1))[0]
    assert net.score(english).crisis == 1.0 - by_meaning[list(net.english_model.classes_).index(0)]
    dutch = "ik heb al mijn pillen genomen en zeg vaarwel"
    with_words = net.model.predict_proba(net.features.transform([dutch], embed_one(dutch).reshape(1, -1)))[0]
    assert net.score(dutch).crisis == 1.0 - with_words[list(net.model.classes_).index(0)]
    assert net.score(dutch).crisis > net.score("ik zoek een cursus nederlands").crisis
    assert CrisisNet.loads(net.dumps()).score(english).crisis == net.score(english).crisis
