"""Crisis rules for route crisis_veilig_thuis: domestic violence, child and elder abuse, threats at home.

Each rule is a (rule id, route, compiled regex) tuple (rules.py joins the routes, most urgent
first). Rules that need a context in the message are listed at the end
(CONTEXT_REQUIRED_VEILIG_THUIS).
"""
from __future__ import annotations

import re
from typing import Final

from bot.understanding.crisis.patterns import (
    _WORD,
    _gap,
    _gapc,
    _A,
    _HOME,
    _MY,
    _ACTOR,
    _OBJ,
    _LOC,
    _NOT_AFTER_OBJ,
    _HIT_VERB,
    _HIT_PART,
    _SELF,
    _F,
)
from bot.understanding.werkmodel import ROUTE_CRISIS_VEILIG_THUIS


RULES_VEILIG_THUIS: Final[list[tuple[str, str, re.Pattern[str]]]] = [
    # --- crisis_veilig_thuis: domestic violence, child and elder abuse, threats at home ------
    # Someone at home hits, kicks, pushes, strangles, abuses or threatens the resident or a
    # family member ("mijn man slaat me", "mijn vader slaat mijn moeder", "hij slaat me").
    ("vt.huisgenoot_slaat", ROUTE_CRISIS_VEILIG_THUIS, _F(
        # One group after the actor, so the actor is looked for once per word (speed).
        rf"\b{_ACTOR}(?:"
        # The verb first: "mijn man slaat me", "hij gooide me tegen de muur", "hij greep haar bij
        # de keel".
        rf"{_gapc(5)} (?:{_HIT_VERB} {_OBJ}\b{_NOT_AFTER_OBJ}"
        r"|(?:gooit|gooide|smijt|smeet|duwt|duwde|sleurt|sleurde|sleept|sleepte) "
        rf"{_OBJ}{_A} (?:tegen|door|op|van|de trap|over)\b"
        rf"|(?:trekt|trok) {_OBJ}{_A} aan (?:mijn|haar|zijn|m n) haren\b"
        rf"|(?:pakt|pakte|greep|grijpt|knijpt|kneep) {_OBJ}{_A} (?:bij|aan) (?:de|mijn|m n|haar|zijn) "
        r"(?:keel|nek|hals|strot|haren)\b)"
        # The object first: "hij heeft me geslagen", "hij heeft me tegen de muur gegooid", "hij
        # heeft me bij mijn keel gepakt", and a subordinate clause: "mijn zoon zegt dat zijn
        # vader hem slaat".
        rf"|{_gapc(3)} {_OBJ}{_A}(?: (?:geslagen|geschopt|getrapt|geduwd|gewurgd|mishandeld|"
        r"bedreigd|verkracht|misbruikt|aangerand|slaan|schoppen|wurgen|mishandelen|in elkaar slaan|"
        r"in elkaar geslagen|pijn gedaan|pijn doen)\b"
        rf"|{_LOC} (?:geslagen|geschopt|getrapt|geduwd|gewurgd|gegooid|gesmeten|getrokken|gestompt|"
        r"geknepen)\b"
        r"| (?:bij|aan) (?:mijn|m n|de|haar|zijn) (?:keel|nek|hals|strot|haren) "
        r"(?:gepakt|gegrepen|vastgepakt|getrokken|gesleurd|vastgehouden|geknepen|dichtgeknepen)\b"
        rf"|{_LOC} (?:slaat|schopt|trapt|duwt|wurgt|mishandelt|sloeg|"
        r"schopte|trapte|duwde|wurgde|mishandelde|bedreigt|bedreigde|misbruikt|misbruikte|verkracht|"
        r"verkrachtte|stompt|stompte|gooit|gooide|slaan|schoppen)\b"
        r"(?! (?:over|dicht|aan|op|af|terug|om|weg|mee|uit)\b)))"
        # Inverted word order: "als hij boos is slaat hij me", "soms schopt mijn vader ons".
        rf"|\b{_HIT_VERB} {_ACTOR}{_A} {_OBJ}\b{_NOT_AFTER_OBJ}"
        rf"|\b{_MY} {_HOME}{_gapc(4)} (?:slaat|schopt|mishandelt|slaan|mishandelen)"
        r"(?= (?:[.,]|(?:soms|vaak|altijd|steeds|regelmatig|elke|iedere|weer|als|wanneer|en)\b)|$)"
        r"|\b(?:he|she|my ex|my (?:ex )?(?:husband|wife|boyfriend|girlfriend|partner|dad|father|mom|mum|"
        r"mother|stepdad|stepfather|stepmom|son|daughter|brother|sister|parents|uncle|grandson|carer|"
        r"caregiver)|(?:her|his) (?:husband|wife|boyfriend|girlfriend|partner|dad|father|mom|mother|"
        r"carer|caregiver|son))"
        + _gap(5) + r" (?:hits|beats|kicks|kicked|chokes|choked|strangles|strangled|slaps|slapped|"
        r"punches|punched|pushes|pushed|abuses|abused|threatens|threatened|rapes|raped|hurts|hit|beat|"
        r"hitting|beating|kicking|choking|strangling|slapping|punching|pushing|abusing|threatening|"
        r"hurting|threw|throws|shoved|shoves|dragged|drags)"
        r" (?:me|us|her|him|my \w+|the kids|the children)\b(?! (?:at|in)\b)"
        r"|\b(?:threw|throws|shoved|shoves|slammed|slams) (?:me|her|him) (?:against|into|down|across|on)\b")),
    # Passive: "ik word thuis geslagen", "mijn kind wordt mishandeld", "ik hoor de buurkinderen
    # geslagen worden"; and the resident hitting a child or partner ("ik heb mijn kind geslagen").
    ("vt.wordt_mishandeld", ROUTE_CRISIS_VEILIG_THUIS, _F(
        rf"\b(?:ik|we|wij|hij|ze|zij|{_MY} {_HOME}|{_MY} (?:\w+ )?(?:baby|kleinkind|buurvrouw)|"
        r"(?:het |de )?(?:kind|kinderen|kindje|kindjes|baby|buurkinderen|buurkind|buurjongen|"
        r"buurmeisje|buurvrouw|buurvrouwtje))"
        rf"{_gap(3)} (?:word|wordt|worden|werd|werden|ben|is|zijn|was|waren){_gap(6)} {_HIT_PART}\b"
        r"(?! met (?:een )?(?:boete|beslag|ontslag|uitzetting|ontruiming|afsluiting|sancties?|korting|"
        r"deurwaarder|incasso)\b)"
        rf"|\b(?:kind|kinderen|kindje|kindjes|baby|buurkinderen|buurkind|buurvrouw|zoon|dochter|"
        rf"moeder|vader|oma|opa|zus|broer|ik|hij|ze|zij){_gap(3)} {_HIT_PART} "
        r"(?:word|wordt|worden|werd|werden)\b"
        rf"|\bik (?:heb|had){_gap(2)} {_MY} (?:kind|kinderen|zoon|dochter|zoontje|dochtertje|"
        rf"baby|vrouw|man|vriendin|partner|moeder|vader){_A} (?:geslagen|geschopt|mishandeld|"
        r"gewurgd|geduwd)\b"
        rf"|\bik (?:sla|schop|mishandel){_A} {_MY} (?:kind|kinderen|zoon|dochter|zoontje|dochtertje|"
        r"baby|vrouw|man|vriendin|partner|moeder|vader)\b"
        # Inverted: "bij de buren worden de kinderen elke avond uitgescholden en geslagen".
        rf"|\b(?:word|wordt|worden|werd|werden) (?:ik|hij|ze|zij|{_MY} {_HOME}|(?:het |de )?(?:kind|kinderen|"
        rf"kindje|kindjes|baby|buurkinderen|buurkind)|(?:haar|zijn|hun) (?:kinderen|kind|moeder|vader))"
        rf"{_gap(6)} "
        rf"{_HIT_PART}\b"
        # Thrown: "ik werd tegen de muur gegooid" (but "ik word uit mijn huis gegooid" is eviction).
        r"|\b(?:word|wordt|werd|werden|ben|is|was)" + _gap(4) + r" (?:tegen (?:de|het|een) (?:muur|deur|"
        r"kast|grond|vloer|radiator)|op de grond|van de trap|de trap af|door de kamer) (?:gegooid|"
        r"gesmeten|geduwd)\b"
        r"|\b(?:abused|beaten|hit) at home\b|\bi (?:get|got|am|was) (?:beaten|abused|hit) by my\b"
        r"|\b(?:being|getting) (?:beaten|abused|beaten up)\b")),
    # A witness: "ik hoor de buurvrouw haar kinderen slaan", "ik zie mijn vader mijn moeder
    # slaan". Not "ik hoor ze met de deuren slaan".
    # A carer who is afraid of their own hands: "soms pak ik haar te hard vast", "ik knijp hem
    # te hard". Elder or child abuse starts like this; Veilig Thuis also advises carers.
    # Neglect of someone who depends on care: left in dirty nappies, in their own excrement.
    ("vt.verwaarlozing", ROUTE_CRISIS_VEILIG_THUIS, _F(
        r"\b(?:ligt|zit|laat|liet|lag|zat|ligt steeds|blijft)(?: \w+){0,4} in (?:vieze|natte|volle|smerige) "
        r"(?:luiers|luier|kleren|lakens|bed)\b"
        r"|\bin (?:haar|zijn|hun) eigen (?:poep|plas|urine|ontlasting|vuil)\b")),
    ("vt.zelf_te_hard", ROUTE_CRISIS_VEILIG_THUIS, _F(
        r"\bik (?:pak|grijp|knijp|duw|schud|trek|sla)(?: \w+){0,3} (?:haar|hem|mijn \w+|het kind|de kinderen)"
        r"(?: \w+){0,2} (?:te hard|hardhandig|ruw|pijn)\b"
        r"|\bik (?:haar|hem|mijn \w+|het kind)(?: \w+){0,2} (?:te hard|hardhandig|ruw)(?: \w+){0,2} "
        r"(?:vastpak|vastgrijp|vastpakte|vastgreep|vastgepakt|vastgegrepen|duw|duwde|geduwd|schud|schudde|"
        r"geschud|knijp|kneep|geknepen|geslagen|sla|sloeg)\b")),
    ("vt.ziet_hoort_geweld", ROUTE_CRISIS_VEILIG_THUIS, _F(
        r"\b(?:hoor|hoorde|horen|hoorden|zie|zag|zien|zagen)\b" + _gapc(4) +
        rf" (?:{_OBJ}|kinderen|kind|kindje|kindjes|baby|buurkinderen|buurkind|iemand|ze){_A} (?:slaan|"
        r"schoppen|mishandelen|in elkaar slaan|geslagen worden|mishandeld worden|wurgen)\b")),
    # Blows heard next door: "ik hoor elke avond klappen en de kinderen gillen". Needs a child,
    # a scream or the neighbours in the message (see _CONTEXT_REQUIRED), and not doors or
    # fireworks ("ik hoor de hele nacht deuren klappen").
    ("vt.hoort_klappen", ROUTE_CRISIS_VEILIG_THUIS, _F(
        r"\b(?:hoor|hoorde|horen|hoorden)\b" + _gapc(10) +
        r"(?<!deur)(?<!deuren)(?<!ramen)(?<!kasten)(?<!vuurwerk)(?<!handen)(?<!hand)(?<!ballonnen) klappen\b"
        r"(?! (?:van|met) (?:de |het |een )?(?:deur|deuren|vuurwerk|ramen|handen|knallen|hamer|bouw)\b)")),
    ("vt.huiselijk_geweld", ROUTE_CRISIS_VEILIG_THUIS, _F(
        r"\b(?:huiselijk geweld|partnergeweld|relationeel geweld|kindermishandeling|kindermisbruik|"
        r"ouderenmishandeling|oudermishandeling|seksueel misbruik|incest|eergerelateerd|eerwraak|"
        r"meisjesbesnijdenis|genitale verminking|financieel misbruik|financiele uitbuiting|"
        r"financieel uitgebuit|mishandeling|gedwongen (?:huwelijk|trouwen)|uitgehuwelijkt|"
        r"uithuwelijking|onveilige thuissituatie|onveilig thuis|verwaarlozing)\b"
        r"|\b(?:domestic|family) (?:violence|abuse)\b|\b(?:child|elder) abuse\b|\babuse at home\b"
        r"|\babusive (?:husband|wife|partner|boyfriend|girlfriend|relationship|father|dad|mother|"
        r"mom|home)\b")),
    # Fear of someone at home, not safe at home.
    ("vt.bang_thuis", ROUTE_CRISIS_VEILIG_THUIS, _F(
        rf"\b(?:doods ?)?bang (?:voor|van) {_MY} {_HOME}\b(?! (?:zijn|haar) (?:gezondheid|toekomst|leven|reactie|"
        r"baan|werk|school)\b)"
        rf"|\bbang dat {_ACTOR}{_gap(3)} (?:me|mij|ons|de kinderen|{_MY} \w+){_A} (?:slaat|iets aandoet|"
        r"wat aandoet|vermoordt|pijn doet|dood maakt|doodmaakt|gaat slaan|iets gaat aandoen)\b"
        # ... but "bang dat mijn zoon zich iets aandoet" is suicide worry (113).
        rf"|\bbang dat (?:hij|ze|zij|{_MY} {_HOME})(?: (?!{_SELF}\b){_WORD}){{0,4}} (?:iets|wat) "
        r"(?:zal |gaat |gaan )?"
        r"aan ?(?:doet|doen|te doen)\b"
        rf"|\bik durf{_A} (?:niet|nie) (?:meer )?(?:naar huis|thuis te komen|terug naar huis)\b"
        # "ik ben echt bang om naar huis te gaan vanavond" (residents' round 44: the summary came instead)
        rf"|\b(?:ik ben|ben ik){_A} (?:zo |heel |echt |erg )?bang om (?:vanavond |vannacht )?(?:naar huis|thuis) te (?:gaan|komen|slapen)\b"
        rf"|\b(?:ik ben|ik voel me|voel ik me|ben ik){_A} (?:thuis )?(?:niet|nie) (?:meer )?veilig "
        r"(?:thuis|in (?:mijn|ons) (?:eigen )?huis|bij (?:mijn|hem|haar))\b"
        rf"|\bthuis{_A} (?:niet|nie) (?:meer )?veilig\b"
        r"|\b(?:im|i am) (?:so |really )?(?:afraid|scared|terrified) of my (?:ex )?(?:husband|wife|"
        r"partner|boyfriend|girlfriend|dad|father|mom|mum|mother|stepdad|son|brother)\b"
        r"|\bnot safe at home\b|\b(?:scared|afraid|terrified) to go (?:back )?home\b")),
    # Threats: "hij dreigt me dood te maken", "hij zegt dat hij me vermoordt".
    ("vt.dreigt", ROUTE_CRISIS_VEILIG_THUIS, _F(
        r"\b(?:dreigt|dreigde|dreigen|dreigden)(?: (?:me|mij|ons|haar|hem|de kinderen|mijn \w+))?"
        + _gap(2) + r" (?:dood te (?:maken|slaan|steken)|te vermoorden|te doden|te slaan|"
        r"in elkaar te slaan|iets aan te doen|wat aan te doen|pijn te doen|af te maken|"
        r"neer te steken|te steken|op te sluiten|mee te nemen|af te pakken|kapot te maken|te wurgen)\b"
        r"|\b(?:zegt|zei|roept|riep|schreeuwt|schreeuwde|gezegd|geroepen|appt|stuurt|gedreigd) dat "
        rf"(?:hij|ze|zij){_gap(2)} (?:me|mij|ons|de kinderen|mijn \w+){_A} (?:vermoordt|vermoorden|"
        r"gaat vermoorden|zal vermoorden|doodmaakt|dood maakt|dood gaat maken|gaat doodmaken|"
        r"iets aandoet|iets gaat aandoen|wat aandoet|afmaakt|gaat afmaken|gaat slaan|slaat|steekt|"
        r"neersteekt)\b"
        rf"|\b{_ACTOR}(?:{_gap(3)} (?:vermoordt|gaat vermoorden) (?:me|mij)\b"
        rf"|{_gap(3)} (?:me|mij|ons|de kinderen){_A} (?:iets|wat){_A}"
        r"(?: (?:wil|wilt|gaat|zal|zou|kan))? (?:aandoen|aan doen|aandoet|aan te doen)\b"
        rf"|{_gap(3)} maakt (?:me|mij) (?:af|dood)\b"
        rf"|{_gapc(4)} (?:slaat|gooit|smijt|sloeg|gooide) (?:alles|de boel|spullen|"
        r"het servies|dingen)" + _gap(2) + r" (?:kapot|stuk|naar (?:me|mij|mijn hoofd))\b)"
        r"|\bthreaten(?:s|ed)? to kill (?:me|us|my \w+)\b")),
    # Sexual abuse at home, also said indirectly ("mijn vader zit aan me").
    ("vt.seksueel_misbruik", ROUTE_CRISIS_VEILIG_THUIS, _F(
        rf"\b{_ACTOR}{_gap(3)} (?:zit|zat|zitten|zaten){_A} aan (?:me|mij|haar(?= ?(?:$|[.,]|(?:en|als|toen|"
        r"terwijl|wanneer|op|onder|tussen|zonder|waar|s nachts)\b))|mijn (?:lichaam|borsten|kruis|billen|"
        r"piemel|plassertje|geslachtsdeel))\b"
        r"|\b(?:dwingt|dwong|dwingen) (?:me|mij|haar)" + _gap(2) + r" (?:tot )?(?:seks|sex)\b"
        r"|\bbetast (?:me|mij|haar)\b|\b(?:forces|forced) me to have sex\b"
        # A child tells: "mijn dochter vertelde dat opa aan haar zit", "dat de oppas haar aanraakt
        # op plekken waar dat niet mag".
        rf"|\b{_ACTOR}{_gap(2)} aan (?:me|mij|haar|hem){_A} (?:zit|zat|zitten|zaten)\b"
        r"|\b(?:aanraakt|aanraakte|aangeraakt|aanraken|betast|betastte|betasten|aanzit|aanzat)"
        + _gapc(6) + r" (?:op (?:rare|verkeerde|intieme|private|gekke) (?:plekken|plaatsen)|op een (?:rare|"
        r"vieze|gekke|verkeerde) manier|(?:op plekken )?waar dat niet mag|onder (?:haar|zijn|mijn) "
        r"(?:kleren|kleding|rok|broek|shirt)|tussen (?:haar|zijn|mijn) benen|in (?:haar|zijn|mijn) kruis)"
        r"|\b(?:op (?:rare|verkeerde|intieme|private) (?:plekken|plaatsen)|onder (?:haar|zijn|mijn) "
        r"(?:kleren|kleding)|tussen (?:haar|zijn|mijn) benen)" + _gap(3) + r" (?:aanraakt|aanraakte|"
        r"aangeraakt|aanraken|betast|betastte|betasten)\b"
        r"|\btouch(?:es|ed|ing)? (?:me|her|him) (?:inappropriately|in (?:private|wrong) places|"
        r"down there)\b")),
    # Forced marriage: "ik moet van mijn ouders trouwen", "ze willen me uithuwelijken", "ik moet
    # trouwen met iemand die ik niet ken". Not "ik ga trouwen, verandert mijn uitkering?".
    ("vt.gedwongen_huwelijk", ROUTE_CRISIS_VEILIG_THUIS, _F(
        r"\b(?:huwelijksdwang|gedwongen (?:huwelijk|trouwen)|uithuwelijken|uit te huwelijken|"
        r"uithuwelijking|uitgehuwelijkt)\b"
        r"|\b(?:moet|moest|moeten|moesten) van (?:mijn|onze|haar|zijn) (?:ouders|familie|vader|moeder|"
        r"oom|broer|broers|opa|schoonfamilie)" + _gap(4) + r" (?:trouwen|te trouwen)\b"
        r"|\b(?:gedwongen|dwingen|dwingt|dwong|dwongen|verplichten|verplicht)" + _gap(4) +
        r" (?:om )?(?:te trouwen|trouwen)\b"
        r"|\b(?:trouwen|trouw|te trouwen) met (?:iemand|een man|een vrouw|een jongen|een meisje|"
        r"mijn neef|mijn nicht)"
        r"(?: \w+){0,3} (?:die|dat) ik (?:niet|nooit|nie) (?:ken|gezien heb|heb gezien|wil)\b"
        r"|\btegen mijn wil(?: in)?" + _gap(3) + r" (?:trouwen|getrouwd|uitgehuwelijkt)\b"
        r"|\btrouwen tegen mijn wil\b"
        r"|\bforced (?:marriage|to marry)\b|\bforc(?:e|es|ing) me to marry\b")),
    # Tied to a chair or bed, and "man doet pijn" in few words (messy_blind_4: a wife who ties her
    # husband with dementia to his chair, and an L2 message, were heard by the intent model alone or
    # as 112): elder abuse and violence at home.
    ("vt.vastbinden_pijn_doen", ROUTE_CRISIS_VEILIG_THUIS, _F(
        rf"\b(?:bindt|bind|bond|bonden|binden) (?:hem|haar|mij|me|ons|de kinderen|het kind|{_MY} {_HOME})"
        r"(?: \w+){0,4} vast\b"
        rf"|\b(?:hem|haar|mij|me|ons|de kinderen|het kind|{_MY} {_HOME}) (?:\w+ ){{0,3}}vast (?:te )?(?:binden|gebonden)\b"
        rf"|\b(?:ik|hij|zij|ze|{_MY} {_HOME}) (?:word|wordt|werd|worden|is|ben) (?:\w+ ){{0,3}}vastgebonden\b"
        rf"|(?:^|[.,] |\b(?:{_MY}|mn|me) )(?:man|vrouw|vriend|partner|vader|moeder|stiefvader|stiefmoeder|ex|papa|"
        r"mama|pa|ma) doet (?:me |mij |ons |haar |hem |de kinderen )?(?:pijn|zeer)\b(?! (?:aan|in|op|bij|met)\b)")),
    # Locked in, not allowed out, money taken: coercive control and elder/financial abuse.
    ("vt.opgesloten_geld", ROUTE_CRISIS_VEILIG_THUIS, _F(
        rf"\b(?<!ik )(?:houdt|hield|houden) (?:me|mij|ons|haar|hem|de kinderen|{_MY} {_HOME})"
        r"(?: \w+){0,3} (?:opgesloten|gevangen)\b"
        rf"|\b(?<!ik )(?<!we )(?:sluit|sloot|sluiten) (?:me|mij|ons|haar|hem|de kinderen|{_MY} {_HOME})"
        r"(?: (?:thuis|binnen|soms|vaak|altijd|weer|dan|in (?:huis|de kamer|mijn kamer|haar kamer|"
        r"zijn kamer|de kelder|de schuur|de wc)))* (?:op|in|buiten)\b"
        rf"|\b(?:ik|we|wij|ze|zij|hij) (?:zit|zitten|ben|zijn|word|wordt|worden){_gap(2)} opgesloten\b"
        r"|\bmag(?: (?:van (?:hem|haar|hun|" + _MY + r" " + _HOME + r")|echt|gewoon|ook|nog))* "
        r"(?:niet|nie) (?:meer )?(?:het huis uit|de deur uit|naar buiten|buiten komen|alleen naar buiten)\b"
        r"(?! van de (?:dokter|arts|huisarts)\b)"
        r"|\bmag(?: (?:van (?:hem|haar|hun|" + _MY + r" " + _HOME + r")|echt|gewoon|ook|nog))* "
        r"(?:het huis|de deur) (?:niet|nie) (?:meer )?uit\b(?! van de (?:dokter|arts|huisarts)\b)"
        r"|\bmag(?: (?:van (?:hem|haar|hun|" + _MY + r" " + _HOME + r")|echt|gewoon|ook|nog))* "
        r"(?:niemand|geen vrienden|mijn familie|mijn vriendinnen)(?: meer)? (?:zien|spreken|bellen)\b"
        r"|\blaat (?:me|mij|haar|hem)" + _A + r" (?:niet|nie) (?:meer )?(?:naar buiten|het huis uit|"
        r"de deur uit)\b"
        rf"|\b{_ACTOR}(?:{_gap(3)} (?:me|mij|haar|hem|ons|de kinderen){_A} op ?(?:sluit|sluiten|gesloten)\b"
        rf"|{_gapc(4)} (?:pakt|neemt|steelt|jat|houdt|pakte|nam|stal|haalt|haalde|gebruikt|"
        r"hield)" + _gap(3) + r" (?:het |al het |haar |zijn |mijn |ons )?(?:geld|pinpas|bankpas|"
        r"pincode|pensioen|aow|spaargeld|uitkering|loon|salaris)" + _gap(3) +
        rf" (?:af|van (?:haar|hem|mij|me|ons|{_MY} {_HOME}))\b(?! (?:bij|in de gaten|in beheer|op orde|"
        r"voor (?:de |haar |zijn )?boodschappen|om (?:de )?boodschappen|met (?:haar |zijn )?toestemming|"
        r"zoals afgesproken)\b)"
        # "de hulp heeft geld gestolen van mijn oma"
        rf"|{_gap(5)} (?:het |al het |haar |zijn |mijn |ons )?(?:geld|pinpas|bankpas|pincode|"
        r"pensioen|aow|spaargeld|sieraden)" + _gap(3) + r" (?:gestolen|afgepakt|gepikt|gejat|ontvreemd|"
        r"afgenomen|afhandig gemaakt)\b)"
        # "zijn 'vrienden' dwingen hem om geld te pinnen": a vulnerable person forced to hand over money.
        r"|\b(?:dwingt|dwingen|dwong|dwongen|verplicht|verplichten) (?:hem|haar|mij|me|ons|mijn \w+)(?: (?:elke (?:dag|week|maand)|steeds|telkens|weer|soms))? "
        r"(?:om )?(?:(?:al )?(?:zijn |haar |mijn )?geld )?(?:te )?(?:pinnen|afgeven|af te geven|over te maken|overmaken)\b"
        r"|\b(?:locks|locked) me (?:in|up)\b|\b(?:wont|doesnt) let me (?:leave|go out)\b"
        r"|\b(?:my|her|his) (?:son|daughter|carer|caregiver|grandson|nephew|husband|wife|partner)"
        r"(?: \w+){0,2} (?:takes|took|steals|stole|is stealing|keeps taking) (?:all )?(?:my|her|his) "
        r"(?:money|savings|pension|bank card)\b")),
    # Issue 24: danger in the words residents really use.
    # Violence at home seen by a child: "hij gooit met stoelen terwijl de kinderen erbij zijn".
    # A blow told after other words about the same person: "mijn stiefvader noemt me elke dag
    # waardeloos en schopt me als mama het niet ziet".
    ("vt.en_slaat_me", ROUTE_CRISIS_VEILIG_THUIS, _F(
        rf"\b{_ACTOR}\b(?: \w+| ,){{0,10}} en (?:hij |ze |zij )?{_HIT_VERB} (?:me|mij|ons)\b{_NOT_AFTER_OBJ}")),
    # An ex who keeps waiting at the door ("mijn ex staat al weken elke avond bij mijn huis").
    ("vt.ex_staat_voor_de_deur", ROUTE_CRISIS_VEILIG_THUIS, _F(
        r"\b(?:mijn |m n )?(?:ex|exman|exvrouw|exvriend|ex man|ex vrouw|ex vriend|ex vriendin)\b(?: \w+){0,5} "
        r"(?:staat|stond|wacht|wachtte|posteert|loopt)(?: \w+){0,4} (?:bij|voor|op|rond) (?:mijn|de|ons|m n) "
        r"(?:huis|deur|voordeur|werk|school|flat|woning)\b")),
    ("vt.gooit_met_meubels", ROUTE_CRISIS_VEILIG_THUIS, _F(
        rf"\b{_ACTOR}(?:{_gap(2)})? (?:gooit|smijt|gooide|smeet|trapt|schopt|slaat)(?: \w+){{0,3}} "
        r"(?:met )?(?:stoelen|stoel|borden|bord|glazen|de tafel|meubels|spullen|de deur|deuren)"
        r"(?: \w+){0,8} (?:kind|kinderen|kindje|kids|dochter|dochtertje|zoon|zoontje|baby|erbij|ziet|zien|"
        r"huilt|huilen|bang)\b")),
    # A child hurt again and again with an unlikely story: "weer een blauw oog, zou gevallen zijn".
    ("vt.kind_steeds_gewond", ROUTE_CRISIS_VEILIG_THUIS, _F(
        r"\b(?:weer|alweer|opnieuw|steeds|vaak|elke week|telkens)(?: \w+){0,3} (?:een )?"
        r"(?:blauw oog|blauwe plekken|blauwe plek|brandwonden|brandwond|striemen|bult|wonden|gebroken arm)"
        r"(?: \w+| ,){0,8} (?:gevallen|gestoten|trap af|ongelukje|ongeluk)\b"
        r"|\b(?:kind|kindje|jongetje|meisje|zoontje|dochtertje|kinderen)(?: \w+){0,6} "
        r"(?:blauw oog|blauwe plekken|brandwonden|striemen)(?: \w+){0,8} (?:weer|alweer|opnieuw|steeds)"
        r" (?:gevallen|gestoten)\b")),
]

# Rules that only count when the message also holds a life/being context.
CONTEXT_REQUIRED_VEILIG_THUIS: Final[dict[str, re.Pattern[str]]] = {
    "vt.hoort_klappen": _F(
        r"\b(?:kind|kinderen|kindje|kindjes|kids|baby|buurkinderen|buurkind|zoontje|dochtertje|gil|"
        r"gillen|gilt|gegil|huilen|huilt|gehuil|schreeuwen|schreeuwt|geschreeuw|krijsen|au|help|"
        r"buurvrouw|buurman|buren|slaan|mama)\b"),
}


# Examples per rule (style.md "Rules readable as data"): for every rule id of crisis_veilig_thuis, the messages
# it must match and near phrasings it must not match (figures of speech, negations, another meaning).
# Checked by tests/bot/understanding/test_crisis_rule_examples.py; add a case here when a rule changes.
EXAMPLES_VEILIG_THUIS: Final[dict[str, tuple[tuple[str, ...], tuple[str, ...]]]] = {
    "vt.vastbinden_pijn_doen": (
        ("zijn vrouw bindt hem vast aan de stoel", "Man doet pijn. Ik ben bang.", "mijn vader doet me pijn",
         "mijn oma wordt 's nachts vastgebonden"),
        ("ik bind de hond vast", "mijn knie doet pijn", "mijn man doet pijn aan zijn rug"),
    ),
    "vt.huisgenoot_slaat": (
        ("mijn man slaat me", "mijn vader slaat mijn moeder", "hij heeft me tegen de muur gegooid",
         "my husband hits me"),
        ("mijn man slaat me nooit", "mijn zoon slaat de deur dicht"),
    ),
    "vt.wordt_mishandeld": (
        ("ik word thuis geslagen", "mijn kind wordt mishandeld", "ik heb mijn kind geslagen"),
        ("ik word bedreigd met een boete", "ik word uit mijn huis gegooid"),
    ),
    "vt.verwaarlozing": (
        ("mijn oma ligt de hele dag in vieze luiers", "de thuiszorg laat hem in zijn eigen poep liggen"),
        ("ik heb vieze luiers in de container gegooid", "de hond doet zijn behoefte in de tuin"),
    ),
    "vt.zelf_te_hard": (
        ("ik pak haar soms te hard vast", "ik knijp hem te hard", "ik schud mijn zoontje soms te hard"),
        ("ik pak de boodschappen te hard aan", "ik werk te hard"),
    ),
    "vt.ziet_hoort_geweld": (
        ("ik hoor de buurvrouw haar kinderen slaan", "ik zie mijn vader mijn moeder slaan"),
        ("ik hoor ze met de deuren slaan", "ik zie de klok slaan"),
    ),
    "vt.hoort_klappen": (
        ("ik hoor elke avond klappen en de kinderen gillen", "ik hoor bij de buren klappen en geschreeuw"),
        ("ik hoor de hele nacht deuren klappen", "ik hoor klappen van vuurwerk bij de buren"),
    ),
    "vt.huiselijk_geweld": (
        ("ik denk dat er sprake is van huiselijk geweld", "ik vermoed kindermishandeling bij de buren",
         "domestic violence"),
        ("ik heb ruzie met mijn buren over de heg", "ik lees een boek over geweld in films"),
    ),
    "vt.bang_thuis": (
        ("ik ben bang voor mijn man", "ik durf niet naar huis", "ik voel me thuis niet veilig",
         "ik ben echt bang om naar huis te gaan vanavond"),
        ("ik ben bang voor mijn man zijn gezondheid", "ik ben bang voor spinnen"),
    ),
    "vt.dreigt": (
        ("hij dreigt me dood te maken", "hij zegt dat hij me vermoordt", "mijn ex dreigt de kinderen mee te nemen"),
        ("de verhuurder dreigt met een boete", "hij zegt dat hij me morgen belt"),
    ),
    "vt.seksueel_misbruik": (
        ("mijn vader zit aan me", "mijn dochter vertelde dat opa aan haar zit",
         "mijn dochter zegt dat de oppas haar aanraakt op plekken waar dat niet mag"),
        ("mijn vader zit aan tafel", "de dokter raakte mijn knie aan"),
    ),
    "vt.gedwongen_huwelijk": (
        ("ik moet van mijn ouders trouwen", "ze willen me uithuwelijken",
         "ik moet trouwen met iemand die ik niet ken"),
        ("ik ga trouwen, verandert mijn uitkering?", "we willen volgend jaar trouwen"),
    ),
    "vt.opgesloten_geld": (
        ("hij sluit me op in de kamer", "ik mag van hem niet het huis uit",
         "mijn zoon pakt het geld van mijn moeder af", "zijn vrienden dwingen hem om geld te pinnen"),
        ("ik mag van de dokter niet naar buiten", "ik sluit de deur op slot",
         "de bank dwingt me om vaker te pinnen in plaats van contant"),
    ),
    "vt.en_slaat_me": (
        ("mijn stiefvader noemt me elke dag waardeloos en schopt me als mama het niet ziet",
         "mijn vriend is vaak dronken en hij slaat me"),
        ("mijn vriend is vaak dronken en slaat dan de deur dicht",),
    ),
    "vt.ex_staat_voor_de_deur": (
        ("mijn ex staat al weken elke avond bij mijn huis", "mijn ex wacht steeds op me voor mijn werk"),
        ("mijn ex staat op de lijst voor een woning", "mijn ex woont bij haar moeder"),
    ),
    "vt.gooit_met_meubels": (
        ("hij gooit met stoelen terwijl de kinderen erbij zijn", "mijn man smijt met borden en de kinderen huilen"),
        ("mijn man gooit de oude stoelen weg", "hij gooit met stoelen"),
    ),
    "vt.kind_steeds_gewond": (
        ("het buurjongetje heeft weer een blauw oog, hij zou gevallen zijn",
         "ze heeft alweer blauwe plekken, ze is gestoten zegt haar moeder"),
        ("mijn zoon heeft een blauw oog van voetbal", "ik heb vaak blauwe plekken door mijn medicijnen"),
    ),
}
