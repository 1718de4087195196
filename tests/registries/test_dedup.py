"""The same initiative registered twice is caught, even with other diacritics and small wording changes."""

from phoihop.registries.dedup import DuplicateIndex, similarity, title_key


def test_title_key_ignores_diacritics_punctuation_and_a_leading_generic_word():
    assert title_key("Sáng kiến: Cải tiến máy cắt vải (tự động).") == "cai tien may cat vai tu dong"
    assert title_key("CẢI TIẾN MÁY CẮT VẢI TỰ ĐỘNG") == "cai tien may cat vai tu dong"


def test_small_wording_changes_stay_similar_and_different_initiatives_do_not():
    a = title_key("Cải tiến máy cắt vải tự động")
    assert similarity(a, title_key("Cải tiến máy cắt vải tự động hoá")) >= 0.8
    assert similarity(a, title_key("Cai tien may cat vai tu dongg")) >= 0.8
    assert similarity(a, title_key("Giải pháp tiết kiệm điện năng trong phân xưởng")) < 0.3


def test_index_finds_exact_and_near_duplicates_only_in_the_same_unit():
    index = DuplicateIndex()
    index.add(1, title_key("Cải tiến máy cắt vải tự động"), 10, "Cải tiến máy cắt vải tự động")
    exact = index.find(1, title_key("cai tien may cat vai tu dong"))
    assert exact.exact and exact.ref == 10
    near = index.find(1, title_key("Cải tiến máy cắt vải tự động hoá"))
    assert near is not None and not near.exact
    assert index.find(2, title_key("Cải tiến máy cắt vải tự động")) is None
    assert index.find(1, title_key("Cải tiến máy cắt vải tự động"), exclude=10) is None


def test_prefix_filtering_finds_exactly_what_comparing_every_pair_finds():
    import random

    rng = random.Random(7)
    words = "cai tien may cat vai tu dong quy trinh kiem tra chat luong san pham phan xuong dien nang lo hoi".split()
    titles = [" ".join(rng.sample(words, rng.randint(4, 8))) for _ in range(300)]
    titles += [t + " moi" for t in titles[:40]] + [t[:-1] for t in titles[40:80]]
    brute, prefixed = DuplicateIndex(), DuplicateIndex()
    prefixed.set_frequencies(1, titles)
    found_brute, found_prefixed = [], []
    for i, title in enumerate(titles):
        for index, found in ((brute, found_brute), (prefixed, found_prefixed)):
            match = index.find(1, title)
            found.append((match.ref, round(match.score, 6)) if match else None)
            index.add(1, title, i, title)
    assert found_prefixed == found_brute
    assert sum(1 for f in found_brute if f) >= 60
