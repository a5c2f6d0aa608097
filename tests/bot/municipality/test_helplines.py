from datetime import date
from pathlib import Path

import pytest

from bot.municipality.helplines import HelplineConfigError, load_helplines
from bot.ops.settings import PROJECT_ROOT


def test_shipped_file_has_the_national_numbers():
    lines = load_helplines(PROJECT_ROOT / "config" / "helplines.yml")
    values = lines.template_values()
    assert values["zmp_telefoon"] == "113" and values["zmp_gratis"] == "0800-0113"
    assert values["nood_telefoon"] == "112"
    assert values["veilig_thuis_telefoon"] == "0800-2000"
    assert values["luisterlijn_telefoon"] == "088 0767 000"
    assert values["kindertelefoon_telefoon"] == "0800-0432" and "11 tot 21" in values["kindertelefoon_uren"]
    assert isinstance(lines.checked, date)


def test_a_malformed_number_names_file_and_field(tmp_path: Path):
    text = (PROJECT_ROOT / "config" / "helplines.yml").read_text().replace('phone: "0800-2000"', 'phone: "bel ons"')
    broken = tmp_path / "helplines.yml"
    broken.write_text(text)
    with pytest.raises(HelplineConfigError, match=r"helplines.yml.*veilig_thuis.phone"):
        load_helplines(broken)


def test_a_missing_section_is_named(tmp_path: Path):
    broken = tmp_path / "helplines.yml"
    broken.write_text('checked: "2026-01-01"\n')
    with pytest.raises(HelplineConfigError, match="luisterlijn"):
        load_helplines(broken)
