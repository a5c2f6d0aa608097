"""A message that asks two questions gets the first the FAQ knows (residents' tests, 2026-12-06: an
English resident asked "do they speak english? ... is it free?" five times and got no answer)."""
from addons.werkmodel_component import _question_in


def test_the_first_known_question_of_several_is_found():
    found = _question_in("do they speak english at that line? and the meedenker, do they speak english "
                         "and is it free? i asked this already twice")
    assert found is not None and found.id == "taal_engels"


def test_a_worry_without_a_question_mark_is_no_question():
    assert _question_in("ik heb schulden en de deurwaarder komt morgen") is None
