"""Agreement figures against values worked out by hand (the working is in the comments)."""

from __future__ import annotations

import pytest

from tui.verdicts.agreement import (
    cohen_kappa,
    fleiss_kappa,
    fleiss_status_kappa,
    measure,
    specific_agreement,
    summary_lines,
)
from tui.verdicts.model import VERDICTS, Status

C, D, U = Status.CORROBORATED, Status.DISPUTED, Status.UNSOURCED

# Two reviewers, ten claims.
#        1  2  3  4  5  6  7  8  9  10
# A:     C  C  C  C  D  D  U  U  U  D
# B:     C  C  C  D  D  D  U  C  U  U
TWO = [(C, C), (C, C), (C, C), (C, D), (D, D), (D, D), (U, U), (U, C), (U, U), (D, U)]

# Three reviewers, five claims.
THREE = [(C, C, C), (C, C, D), (D, D, D), (U, U, C), (C, D, U)]


def test_cohen_kappa_overall() -> None:
    # Observed: claims 1,2,3,5,6,7,9 agree -> po = 7/10 = 0.7.
    # A uses C 4, D 3, U 3 times; B uses C 4 (1,2,3,8), D 3 (4,5,6), U 3 (7,9,10).
    # pe = .4*.4 + .3*.3 + .3*.3 = .34;  kappa = (.7 - .34) / (1 - .34) = .36/.66 = 6/11.
    assert cohen_kappa(TWO) == pytest.approx(6 / 11)


def test_cohen_kappa_per_status() -> None:
    # Corroborated or not: both C on 1,2,3; only A on 4; only B on 8; neither on 5 others.
    # po = 8/10; pA = pB = .4; pe = .4*.4 + .6*.6 = .52; kappa = .28/.48 = 7/12.
    assert cohen_kappa(TWO, C) == pytest.approx(7 / 12)
    # Disputed or not: both on 5,6; only B on 4; only A on 10. po = .8; pA = pB = .3;
    # pe = .09 + .49 = .58; kappa = .22/.42 = 11/21. Unsourced is the same shape.
    assert cohen_kappa(TWO, D) == pytest.approx(11 / 21)
    assert cohen_kappa(TWO, U) == pytest.approx(11 / 21)


def test_specific_agreement_two_reviewers_is_2a_over_2a_b_c() -> None:
    # Corroborated: a = 3 (both), b = 1, c = 1 -> 6/8. Disputed: a = 2, b = c = 1 -> 4/6.
    assert specific_agreement(TWO, C) == pytest.approx(6 / 8)
    assert specific_agreement(TWO, D) == pytest.approx(4 / 6)


def test_fleiss_kappa_overall() -> None:
    # Per claim, P_i = sum n(n-1) / (m(m-1)) with m = 3:
    #   CCC 6/6 = 1; CCD 2/6; DDD 1; UUC 2/6; CDU 0  -> mean P = (8/3)/5 = 8/15.
    # Shares of all 15 decisions: C 7/15, D 5/15, U 3/15 -> Pe = (49+25+9)/225 = 83/225.
    # kappa = (8/15 - 83/225) / (1 - 83/225) = (37/225) / (142/225) = 37/142.
    assert fleiss_kappa(THREE) == pytest.approx(37 / 142)


def test_fleiss_kappa_per_status() -> None:
    # Corroborated: n per claim 3,2,0,1,1; sum n(m-n) = 0+2+0+2+2 = 6;
    # N m (m-1) p q = 5*3*2 * (7/15)(8/15) = 1680/225; kappa = 1 - 6*225/1680 = 11/56.
    assert fleiss_status_kappa(THREE, C) == pytest.approx(11 / 56)
    # Specific agreement: sum n(n-1) = 6+2 = 8 over sum n(m-1) = 7*2 = 14 -> 4/7.
    assert specific_agreement(THREE, C) == pytest.approx(4 / 7)


def test_fleiss_kappa_with_two_reviewers_is_scotts_pi() -> None:
    # Fleiss with m = 2 pools the marginals: pooled shares C 8/20, D 6/20, U 6/20
    # -> Pe = (64+36+36)/400 = .34, the same as Cohen here because A and B have equal
    # marginals, so both give 6/11.
    assert fleiss_kappa(TWO) == pytest.approx(6 / 11)


def test_measure_two_reviewers_uses_cohen() -> None:
    a = measure(("alice", "bob"), TWO)
    assert a.method == "Cohen's kappa"
    assert (a.claims, a.agreed) == (10, 7)
    assert a.percent == pytest.approx(70.0)
    assert a.kappa == pytest.approx(6 / 11)
    by = {s.status: s for s in a.per_status}
    assert by[C].used == 8 and by[D].used == 6 and by[U].used == 6
    assert by[C].kappa == pytest.approx(7 / 12)
    assert by[C].specific == pytest.approx(0.75)


# Two reviewers who use the statuses differently: A says corroborated twice as often as B,
# B says disputed more than twice as often as A. Cohen's kappa takes each reviewer's own
# shares for chance agreement, Fleiss' (with two reviewers: Scott's pi) their pooled
# shares, so here the two differ, overall and for corroborated and disputed.
#        1  2  3  4  5  6  7  8  9  10
# A:     C  C  C  C  C  C  D  D  U  U      C 6, D 2, U 2
# B:     C  C  C  D  D  U  D  D  U  D      C 3, D 5, U 2
UNEQUAL = [(C, C), (C, C), (C, C), (C, D), (C, D), (C, U), (D, D), (D, D), (U, U), (U, D)]


def test_per_status_kappa_of_two_reviewers_is_cohens_not_fleiss() -> None:
    # Corroborated or not: both on 1,2,3; only A on 4,5,6; only B on none; neither on
    # 7-10. po = (3 + 4)/10 = .7.
    #   Cohen: pA = .6, pB = .3; pe = .6*.3 + .4*.7 = .46; kappa = .24/.54 = 4/9.
    #   Fleiss: pooled p = 9/20 = .45; pe = .45^2 + .55^2 = .505; kappa = .195/.495 = 13/33.
    # Disputed or not: both on 7,8; only A on none; only B on 4,5,10; neither on 1,2,3,6,9.
    # po = (2 + 5)/10 = .7.
    #   Cohen: pA = .2, pB = .5; pe = .2*.5 + .8*.5 = .5; kappa = .2/.5 = 2/5.
    #   Fleiss: pooled p = 7/20 = .35; pe = .35^2 + .65^2 = .545; kappa = .155/.455 = 31/91.
    # Unsourced or not: both on 9; only A on 10; only B on 6; neither on 7 others.
    # po = .8; pA = pB = .2 (equal shares: Cohen = Fleiss); pe = .04 + .64 = .68;
    # kappa = .12/.32 = 3/8.
    assert fleiss_status_kappa(UNEQUAL, C) == pytest.approx(13 / 33)  # the data tells them apart
    assert fleiss_status_kappa(UNEQUAL, D) == pytest.approx(31 / 91)
    by = {s.status: s for s in measure(("alice", "bob"), UNEQUAL).per_status}
    assert by[C].kappa == pytest.approx(4 / 9)
    assert by[D].kappa == pytest.approx(2 / 5)
    assert by[U].kappa == pytest.approx(3 / 8)
    # Specific agreement, 2a / (2a + b + c): corroborated 6/(6 + 3 + 0) = 2/3; disputed
    # 4/(4 + 0 + 3) = 4/7; unsourced 2/(2 + 1 + 1) = 1/2.
    assert by[C].specific == pytest.approx(2 / 3)
    assert by[D].specific == pytest.approx(4 / 7)
    assert by[U].specific == pytest.approx(1 / 2)


def test_overall_kappa_of_two_reviewers_is_cohens_not_fleiss() -> None:
    # Agreed on 1,2,3,7,8,9: po = .6.
    # Cohen: pe = C .6*.3 + D .2*.5 + U .2*.2 = .18 + .10 + .04 = .32; kappa = .28/.68 = 7/17.
    # Fleiss: pooled C 9/20, D 7/20, U 4/20; pe = (81 + 49 + 16)/400 = .365;
    # kappa = .235/.635 = 47/127.
    assert fleiss_kappa(UNEQUAL) == pytest.approx(47 / 127)
    assert measure(("alice", "bob"), UNEQUAL).kappa == pytest.approx(7 / 17)


def test_measure_three_reviewers_uses_fleiss() -> None:
    a = measure(("a", "b", "c"), THREE)
    assert a.method == "Fleiss' kappa"
    assert (a.claims, a.agreed) == (5, 2)
    assert a.percent == pytest.approx(40.0)
    assert a.kappa == pytest.approx(37 / 142)
    assert {s.status: s for s in a.per_status}[C].kappa == pytest.approx(11 / 56)


def test_perfect_agreement_is_one() -> None:
    assert cohen_kappa([(C, C), (D, D)]) == pytest.approx(1.0)
    assert fleiss_kappa([(C, C, C), (U, U, U)]) == pytest.approx(1.0)


def test_undefined_kappa_is_none() -> None:
    # Everyone says corroborated every time: chance agreement is 1, kappa is 0/0.
    same = [(C, C), (C, C)]
    assert cohen_kappa(same) is None
    assert fleiss_kappa([(C, C, C)]) is None
    a = measure(("a", "b"), same)
    assert a.kappa is None and a.percent == pytest.approx(100.0)
    by = {s.status: s for s in a.per_status}
    assert by[D].specific is None and by[D].used == 0
    assert "n/a" in summary_lines(a)[0]


def test_no_claims_in_common() -> None:
    a = measure(("a", "b"), [])
    assert a.claims == 0 and a.percent is None and a.kappa is None


def test_rows_must_match_the_reviewers() -> None:
    with pytest.raises(ValueError):
        measure(("a", "b"), [(C, C, C)])
    with pytest.raises(ValueError):
        measure(("a",), [(C,)])


def test_summary_lines_show_every_status() -> None:
    lines = summary_lines(measure(("alice", "bob"), TWO))
    assert lines[0].startswith("agreement over 10 claims decided by all 2 reviewers")
    assert "70.0% agreed" in lines[0] and "Cohen's kappa 0.545" in lines[0]
    assert [line.split(":")[0].strip() for line in lines[1:]] == [s.value for s in VERDICTS]
