"""A crisis told as long past, for a lesson, as over or as fiction, and words that say "now".

With these a rule hit earns the gentle safety check instead of the full crisis reply.
"""
from __future__ import annotations

from typing import Final

from bot.understanding.crisis.patterns import _F


# A crisis told as something long past ("lang geleden", "jaren terug", "vroeger", "years ago") or
# asked about for a lesson or project: a rule hit in such a message earns the safety check, not
# the full reply, unless the message also speaks of now ("nu weer", "opnieuw", "again").
TOLD_AS_PAST: Final = _F(
    r"\b(?:lang|jaren|jaar|maanden) geleden\b|\b(?:van|sinds) jaren (?:terug|geleden)\b|\bjaren terug\b"
    r"|\bvroeger\b|\btoen ik (?:klein|kind|jong) was\b|\bals kind\b|\bin mijn jeugd\b"
    r"|\b(?:\d+|een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien) jaar (?:geleden|terug)\b"
    r"|\bin (?:19|20)[0-2][0-9]\b|\bverleden tijd\b"
    r"|\bnu (?:al )?(?:jaren|lang) (?:niet meer|goed)\b|\bgaat (?:het )?(?:al )?(?:jaren|lang) goed\b"
    r"|\byears ago\b|\bwhen i was (?:a child|young|little)\b|\bas a child\b|\bin the past\b"
)
TOLD_FOR_INFORMATION: Final = _F(
    r"\b(?:spreekbeurt|werkstuk|profielwerkstuk|schoolproject|project voor school|presentatie|"
    r"voorlichting|voorlichtingsmateriaal|lesmateriaal|een les over|les over|scriptie|onderzoek naar)\b"
    r"|\b(?:school project|for a school|presentation about|for a class|research on)\b"
    # Writing about it, or a child asking what the word means (messy_blind_4: a school paper on suicide
    # prevention, a piece for the wijkblad, "mijn dochter vroeg wat 'zelfmoord' betekent" got the full reply).
    r"|\b(?:school ?paper|paper|essay|thesis|article|report) (?:on|about)\b|\bwriting (?:a|an|my) (?:\w+ )?(?:paper|essay|article|story)\b"
    r"|\bvoor (?:het|de|ons|onze) (?:wijkblad|buurtblad|dorpsblad|schoolkrant|nieuwsbrief|buurtkrant|clubblad|website)\b"
    r"|\b(?:een |mijn )?(?:stuk|artikel|column|opstel|verslag) (?:schrijven |geschreven )?over\b"
    r"|\bwat (?:het woord )?(?:\w+ ){1,2}(?:betekent|betekend|inhoudt)\b|\bwhat (?:the word )?(?:\w+ ){1,2}means\b"
    r"|\bhoe (?:leg|moet) ik (?:dat|het|haar|hem|hun|ze|dit)(?: \w+){0,3} uit(?:leggen)?\b"
    # The assistant's own question quoted back ("die vraag over mezelf iets aandoen kwam echt binnen",
    # residents' round 39: it got the full 113 reply).
    r"|\b(?:die|de|jouw|uw|je|jullie|deze|dat|zo'?n|zon) vraag (?:over|of|naar)\b"
    r"|\b(?:schrok|schrik|schrokken) (?:me |mij |ik )?(?:van|door) (?:die|de|jouw|uw|je|deze|jullie) vraag\b"
    # Asked about a helpline or a leaflet, not told as one's own ("in uw folder las ik dat men bij
    # gedachten aan zelfdoding 113 kan bellen", "is 113 only for people who are suicidal?").
    r"|\b(?:in|op) (?:uw|jullie|de|een) (?:folder|brochure|website|site|flyer|poster)\b"
    r"|\b(?:is|zijn) (?:113|dat|die lijn|het) (?:alleen|enkel|echt alleen) (?:voor|bedoeld voor) (?:mensen|iemand)\b"
    r"|\b(?:is|are) (?:113|it|that|this line) (?:only|just) for (?:people|someone|those)\b"
)
# A crisis told as over, or as fiction, or as a young child's tantrum (issue 24): at most the
# safety check, for acute danger too ("vorige week brand in de flat, niemand gewond").
TOLD_AS_OVER: Final = _F(
    r"\bniemand (?:is |was |raakte )?(?:gewond|gewond geraakt)\b|\bis (?:gelukkig )?(?:geblust|uitgegaan)\b"
    r"|\biedereen is (?:op tijd |gelukkig )*(?:naar buiten|veilig|ongedeerd)\b"
    r"|\b(?:in|uit) (?:een |de |die |dat |deze )?(?:serie|film|boek|roman|tv ?serie|documentaire|game|"
    r"toneelstuk|podcast|soap|aflevering)\b|\bop (?:tv|televisie|netflix|het nieuws)\b"
    r"|\b(?:zoon|dochter|zoontje|dochtertje|kind|kindje|jongste|peuter|kleuter|pikin)(?: \w+){0,2} van "
    r"(?:[2-9]|twee|drie|vier|vijf|zes|zeven|acht|negen)(?: jaar)?(?: \w+){0,4} "
    r"(?:riep|schreeuwde|gilde|zei|krijste|brulde)(?: \w+| ,){0,12} (?:omdat|toen|driftbui|boos|woedend|"
    r"mocht|kreeg|ijsje|snoep|tablet|gamen|spelen|playstation)\b"
    r"|\bover (?:een |de |die |dat |deze )?(?:serie|film|boek|documentaire|game|aflevering)\b"
    # A book, film or article about it, read for school or at home ("we moeten een boek lezen over
    # een jongen die zelfmoord pleegt"), and the news told as news ("ik zag op AT5 dat er weer een
    # jongen is neergestoken", "in de krant las ik dat ..."): messy_blind_3 gave them the full reply.
    r"|\b(?:boek|roman|film|serie|documentaire|verhaal|gedicht|toneelstuk|artikel|reportage|podcast)(?: \w+){0,2} "
    r"(?:over|waarin)\b"
    r"|\b(?:in|op|uit) (?:de|het) (?:krant|journaal|nieuws|buurtkrant|huis-aan-huisblad)(?: \w+)? "
    r"(?:las|lees|zag|zie|hoorde|hoor|stond|staat|gelezen|gezien)\b"
    r"|\b(?:las|lees|zag|zie|hoorde|hoor|stond|staat) (?:ik |het |er )?(?:in|op) (?:de |het )?(?:krant|nieuws|journaal|"
    r"at5|nos|rtl|teletekst|omroep|regionale? omroep|nu ?nl|buurtapp)\b"
    r"|\bop (?:at5|nos|rtl nieuws|rtv \w+|omroep \w+|teletekst|het journaal|nu ?nl)\b"
    # A young child's tantrums told around it ("mijn dochter van vier heeft driftbuien ... gilt ze dat
    # ze dood wil"): upbringing, at most the check.
    r"|\b(?:zoon|dochter|zoontje|dochtertje|kind|kindje|jongste|peuter|kleuter|kleinzoon|kleindochter)(?: \w+)? van "
    r"(?:[2-8]|twee|drie|vier|vijf|zes|zeven|acht)(?: jaar)?\b(?: \w+| [.,!?]){0,40} "
    r"(?:driftbui\w*|woedeaanval\w*|(?:zijn|haar) zin niet)\b"
    r"|\b(?:driftbui\w*|woedeaanval\w*)\b(?: \w+| [.,!?]){0,40} (?:zoon|dochter|zoontje|dochtertje|kind|kindje|peuter|kleuter)"
    r"(?: \w+)? van (?:[2-8]|twee|drie|vier|vijf|zes|zeven|acht)(?: jaar)?\b"
    r"|\b(?:serie|film|boek|documentaire|game|aflevering) (?:waarin|waar)\b"
    r"|\b(?:naar|keek|kijk|kijken|gekeken|zag|gezien)(?: \w+){0,2} (?:een |de |die |dat |deze )?(?:serie|film|"
    r"documentaire|aflevering|tv ?serie|reportage)\b|\bop (?:het )?nieuws\b"
    # Nothing is the matter now, in so many words ("Er is nu niks aan de hand, maar ...").
    r"|\ber is (?:nu |op dit moment |nog )?(?:niks|niets) (?:aan de hand|gebeurd)\b|\bniemand is (?:nu )?in gevaar\b"
    # A young child who hits, kicks or bites a parent or other children, or threatens in play ("mijn
    # zoontje van 3 slaat en schopt mij als hij zijn zin niet krijgt"): upbringing, not violence at home.
    # Only the child as the one who does it: "zegt dat papa hem slaat" is a child telling.
    r"|\b(?:zoon|dochter|zoontje|dochtertje|kind|kindje|jongste|peuter|kleuter|broertje|zusje|kleinzoon|"
    r"kleindochter|neefje|nichtje|pikin)(?: \w+)?(?: ,)? (?:van )?(?:[2-9]|twee|drie|vier|vijf|zes|zeven|acht|negen)"
    r"(?: jaar)?(?: ,)?(?: (?:hij|zij|ze))?(?: (?:schreeuwt|gilt|huilt) en)? (?:slaat|schopt|bijt|krabt|knijpt)"
    r"(?: en (?:slaat|schopt|bijt|krabt|knijpt))*(?: \w+)? (?:mij|me|ons|iedereen|andere kinderen|"
    r"(?:zijn|haar) (?:broer|zus|broertje|zusje))\b"
    r"|\b(?:zoon|dochter|zoontje|dochtertje|kind|kindje|jongste|peuter|kleuter|broertje|zusje|kleinzoon|"
    r"kleindochter|neefje|nichtje)(?: \w+)?(?: ,)? (?:van )?(?:[2-9]|twee|drie|vier|vijf|zes|zeven|acht|negen)"
    r"(?: jaar)?(?: ,)?(?: (?:hij|zij|ze))? (?:zegt|roept|riep|zei|schreeuwt|gilt)(?: \w+){0,3}?"
    r"(?: dat (?:hij|ze|zij)(?: (?:haar|jou|mij|iedereen))? (?:ging|gaat|zou)| [\"']?ik (?:ga|maak)"
    r" (?:je|jou|jullie|haar|hem|iedereen))"
    r" (?:dood|dood ?maken|dood ?schieten|vermoorden|afmaken)\b"
    r"|\b(?:maar |toen )?(?:hij|zij|ze) bleek (?:gewoon |achteraf |toch |later )?(?:bij|op|in|naar|weg|niks|"
    r"niets|in orde|ongedeerd|op vakantie)\b"
    r"|\bnobody (?:got |was )?(?:hurt|injured)\b|\bno one (?:got |was )?(?:hurt|injured)\b"
    r"|\b(?:in|watching|watched|saw) (?:a |the |this |that )?(?:series|film|movie|show|book|documentary|"
    r"tv show|game)\b"
)
# Softer signs that danger is over; "nog steeds", "weer" and the like (ABOUT_NOW) outweigh them.
TOLD_AS_OVER_SOFT: Final = _F(
    r"\b(?:nu |inmiddels )(?:gaat het|gaat t|is alles)(?: \w+){0,2} (?:beter|goed|weer goed|in orde)\b"
    r"|\bhet gaat (?:nu |inmiddels )(?:\w+ ){0,2}(?:beter|goed)\b|\bdat is (?:nu )?(?:voorbij|achter de rug)\b"
    r"|\b(?:dat|het) is (?:gelukkig |nu |inmiddels |al lang )*verleden tijd\b|\b(?:al )?(?:jaren|lang) stabiel\b"
    r"|\b(?:gaat|ging) (?:het )?(?:nu )?(?:al )?(?:jaren|lang|een tijd) (?:weer )?goed\b"
    r"|\bvorig jaar\b|\bgeen contact meer\b|\b(?:zijn|ben) (?:nu |inmiddels )?(?:gescheiden|uit elkaar)\b"
    r"|\b(?:doing|feel|feeling|am) (?:much |a lot |so much )?better now\b|\blast year\b"
)
ABOUT_NOW: Final = _F(
    r"\b(?:weer|opnieuw|nog steeds|nog altijd|deze week|vandaag|vannacht|gisteren|"
    r"again|still|right now|tonight)\b"
)
