"""Reading a report back: proposals first, records only after the user confirms, all within the user's unit."""

import unicodedata

import pytest

from phoihop.core.testing import shared_dir
from phoihop.extraction import actions
from phoihop.extraction.models import Proposal, SourceDocument
from phoihop.reporting.models import DataValue

SEED_000 = shared_dir() / "seeds" / "000_fcae14641b89117c.txt"


@pytest.fixture
def seed_text():
    if not SEED_000.exists():
        pytest.skip("the seed articles are not beside this checkout")
    return SEED_000.read_bytes()


def _values(org, code):
    return {
        (dv.option.code if dv.option else None): dv.value
        for dv in DataValue.objects.filter(organization=org, indicator__code=code).select_related("option")
    }


def test_reading_seed_000_proposes_the_good_workers_by_level(world, seed_text):
    document = actions.ingest(world.alice, world.hbt_union, "hai-ba-trung.txt", seed_text)
    mapped = {
        (p.indicator.code, p.option.code if p.option else None): p.data["value"]
        for p in document.proposals.filter(kind=Proposal.Kind.FIGURE).select_related("indicator", "option")
        if p.indicator
    }
    assert mapped[("good_workers", "grassroots")] == 1065
    assert mapped[("good_workers", "district")] == 145
    assert mapped[("good_workers", "city")] == 9
    assert mapped[("initiatives_recognised", "grassroots")] == 1089
    assert document.encoding == "utf-8"
    assert not DataValue.objects.exists(), "nothing is written before the user confirms"


def test_confirming_accepted_figures_writes_them_as_the_units_reported_values(world, seed_text):
    document = actions.ingest(world.alice, world.hbt_union, "hai-ba-trung.txt", seed_text)
    for proposal in document.proposals.filter(kind=Proposal.Kind.FIGURE, indicator__isnull=False):
        actions.decide(world.alice, proposal, Proposal.Decision.ACCEPTED)
    counts = actions.confirm(world.alice, document)
    assert counts["figures"] >= 10
    assert _values(world.hbt_union, "good_workers") == {"grassroots": 1065, "district": 145, "city": 9}
    value = DataValue.objects.get(
        organization=world.hbt_union, indicator__code="good_workers", option__code="grassroots"
    )
    assert value.source == "extraction"
    assert "1.065 công nhân giỏi cấp cơ sở" in value.source_text
    assert value.period.label == "giai đoạn 2017-2020"
    document.refresh_from_db()
    assert document.status == SourceDocument.Status.REVIEWED


def test_an_accepted_figure_without_an_indicator_stops_the_whole_confirmation(world, seed_text):
    document = actions.ingest(world.alice, world.hbt_union, "hai-ba-trung.txt", seed_text)
    mapped = document.proposals.filter(kind=Proposal.Kind.FIGURE, indicator__isnull=False).first()
    actions.decide(world.alice, mapped, Proposal.Decision.ACCEPTED)
    unmapped = document.proposals.filter(kind=Proposal.Kind.FIGURE).exclude(pk=mapped.pk).first()
    actions.decide(world.alice, unmapped, Proposal.Decision.ACCEPTED, {"indicator": None})
    with pytest.raises(actions.ConfirmError) as raised:
        actions.confirm(world.alice, document)
    assert "chọn chỉ tiêu" in raised.value.messages[0]
    assert not DataValue.objects.exists()


def test_a_binary_file_gets_a_vietnamese_message_and_writes_nothing(world):
    from phoihop.extraction.engine.errors import ExtractionError

    with pytest.raises(ExtractionError) as raised:
        actions.ingest(world.alice, world.hbt_union, "anh.txt", bytes(range(256)) * 40)
    assert raised.value.message_vi
    assert not SourceDocument.objects.exists()


def test_charlie_cannot_read_into_hai_ba_trung(world, seed_text):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        actions.ingest(world.charlie, world.hbt_union, "x.txt", seed_text)


def test_the_review_page_highlights_the_figures_and_charlie_gets_404(world, seed_text, client_for):
    document = actions.ingest(world.alice, world.hbt_union, "hai-ba-trung.txt", seed_text)
    page = client_for(world.alice).get(f"/doc-van-ban/{document.pk}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "<mark" in html and "1.065 công nhân giỏi cấp cơ sở" in html
    assert client_for(world.charlie).get(f"/doc-van-ban/{document.pk}/").status_code == 404
    assert (
        client_for(world.charlie)
        .post(f"/doc-van-ban/{document.pk}/quyet-dinh/", {"confirm": "1"})
        .status_code
        == 404
    )


def test_each_row_offers_the_documents_unit_and_the_units_under_it_not_the_whole_tree(
    world, seed_text, client_for
):
    from phoihop.core.testing import make_org

    deep = make_org("Tổ công đoàn Phân xưởng Dệt số 7", parent=world.hbt_grassroots)
    document = actions.ingest(world.alice, world.hbt_union, "hai-ba-trung.txt", seed_text)
    html = client_for(world.alice).get(f"/doc-van-ban/{document.pk}/").content.decode()
    assert world.hbt_grassroots.name in html  # directly under the document's unit
    assert deep.name not in html  # two levels down: not in sixty lists
    proposal = document.proposals.filter(kind=Proposal.Kind.FIGURE).first()
    proposal.organization = deep
    proposal.save()
    html = client_for(world.alice).get(f"/doc-van-ban/{document.pk}/").content.decode()
    assert deep.name in html  # a unit a row already names stays pickable


def to_cp1258(text: str) -> bytes:
    """Windows-1258 keeps tone marks as combining characters after a (possibly precomposed) base letter."""
    out = []
    for char in text:
        try:
            out.append(char.encode("cp1258"))
            continue
        except UnicodeEncodeError:
            pass
        base, *marks = unicodedata.normalize("NFD", char)
        if marks and len(marks) == 2:
            base, marks = unicodedata.normalize("NFC", base + marks[0]), marks[1:]
        out.append(base.encode("cp1258") + "".join(marks).encode("cp1258"))
    return b"".join(out)


def test_the_upload_page_reads_a_file_and_shows_its_encoding(world, client_for):
    from django.core.files.uploadedfile import SimpleUploadedFile

    text = to_cp1258("Ngày 8-11-2024, UBND tỉnh và LĐLĐ tỉnh ký kết Quy chế phối hợp giai đoạn 2024 - 2029.")
    client = client_for(world.alice)
    response = client.post(
        "/doc-van-ban/",
        {"organization": world.hbt_union.pk, "file": SimpleUploadedFile("quy-che.txt", text)},
        follow=True,
    )
    assert response.status_code == 200
    document = SourceDocument.objects.get()
    assert document.encoding == "cp1258"
    assert "Quy chế phối hợp" in document.text


def test_the_api_reads_text_without_storing_it_and_scopes_documents(world, seed_text, client_for):
    client = client_for(world.alice)
    response = client.post(
        "/api/v1/extraction/extract", {"text": seed_text.decode()}, content_type="application/json"
    )
    assert response.status_code == 200
    assert response.json()["doc_kind"] == "final_review"
    assert not SourceDocument.objects.exists()
    document = actions.ingest(world.alice, world.hbt_union, "hai-ba-trung.txt", seed_text)
    assert client.get(f"/api/v1/extraction/documents/{document.pk}").status_code == 200
    charlie = client_for(world.charlie)
    assert charlie.get(f"/api/v1/extraction/documents/{document.pk}").status_code == 404
    assert charlie.get("/api/v1/extraction/documents").json() == []
    assert charlie.post(f"/api/v1/extraction/documents/{document.pk}/confirm").status_code == 404
