"""Statement ids: built and read back by ngkt_cli/ids.py only."""

import pytest

from ngkt_cli import ids


def test_ids_are_built_as_citations_print_them():
    assert ids.list_id("bc4dfcb9f9f2", 2) == "bc4dfcb9f9f2/L2"
    assert ids.item_id("bc4dfcb9f9f2", 2, 3) == "bc4dfcb9f9f2/L2.3"
    assert ids.directive_id("bc4dfcb9f9f2", 1) == "bc4dfcb9f9f2/D1"


@pytest.mark.parametrize(
    "text, parsed",
    [
        ("bc4dfcb9f9f2/L2.3", ids.ItemId("bc4dfcb9f9f2", 2, 3)),
        ("bc4dfcb9f9f2/L12", ids.ListId("bc4dfcb9f9f2", 12)),
        ("bc4dfcb9f9f2/D7", ids.DirectiveId("bc4dfcb9f9f2", 7)),
        ("bc4dfcb9f9f2/l1.10", ids.ItemId("bc4dfcb9f9f2", 1, 10)),
    ],
)
def test_an_id_reads_back_to_what_built_it(text, parsed):
    assert ids.parse(text) == parsed
    assert str(parsed) == text.replace("/l", "/L")


def test_an_item_knows_its_list():
    assert ids.parse("abc/L2.3").list_id == ids.ListId("abc", 2)  # type: ignore[union-attr]


@pytest.mark.parametrize("text", ["bc4dfcb9f9f2", "bc4dfcb9f9f2/", "/L1.2", "abc/X1", "abc/L1.", "abc/D", "abc/L1.2.3"])
def test_what_is_not_an_id_is_refused(text):
    with pytest.raises(ValueError):
        ids.parse(text)


def test_a_citation_splits_into_document_and_local_part():
    assert ids.split_reference("abc/L2.3") == ("abc", "L2.3")
    assert ids.split_reference("abc") == ("abc", None)
    assert ids.document_of("abc/D4") == "abc"
    assert ids.local_part("abc/L2.3") == "L2.3"
    assert ids.local_part("abc") == ""
