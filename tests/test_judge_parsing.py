import math

from rankdistill.judging.base import ranking_from_scores  # noqa: F401  (protocol module imports cleanly)
from rankdistill.judging.parsing import parse_listwise, parse_pairwise, parse_pointwise


def test_listwise_json_and_text_forms():
    assert parse_listwise('{"ranking": [2, 1, 3]}', 3) == [2, 1, 3]
    assert parse_listwise('Sure!\n```json\n{"ranking": ["3", "1", "2"]}\n```', 3) == [3, 1, 2]
    assert parse_listwise("Ranking: [2, 3, 1]", 3) == [2, 3, 1]
    assert parse_listwise("2 > 1 > 3", 3) == [2, 1, 3]


def test_listwise_rejects_anything_not_a_full_permutation():
    assert parse_listwise('{"ranking": [1, 2', 3) is None  # truncated JSON
    assert parse_listwise('{"ranking": [1, 1, 2]}', 3) is None
    assert parse_listwise('{"ranking": [1, 2]}', 3) is None
    assert parse_listwise('{"ranking": [1, 2, 3]} or maybe {"ranking": [3, 2, 1]}', 3) is None
    assert parse_listwise("I cannot rank these.", 3) is None


def test_pairwise():
    assert parse_pairwise('{"winner": "A"}') == "A"
    assert parse_pairwise('{"winner": "b"}') == "B"
    assert parse_pairwise('{"winner": "tie"}') == "tie"
    assert parse_pairwise("Winner: B") == "B"
    assert parse_pairwise("[[A]]") == "A"
    assert parse_pairwise("B") == "B"
    assert parse_pairwise("Winner: A. Actually winner: B") is None  # contradicts itself
    assert parse_pairwise("Both answers are fine") is None
    assert parse_pairwise("[refusal] I'm sorry, I can't help with that.") is None


def test_pointwise_stays_on_the_scale():
    assert parse_pointwise('{"score": 7}', (1, 10)) == 7
    assert parse_pointwise("Score: 3", (1, 10)) == 3
    assert parse_pointwise("8", (1, 10)) == 8
    assert parse_pointwise('{"score": 11}', (1, 10)) is None
    assert parse_pointwise('{"score": "NaN"}', (1, 10)) is None
    assert parse_pointwise("It deserves a good mark", (1, 10)) is None
    assert not math.isnan(parse_pointwise('{"score": 1}', (1, 10)))


def test_judge_code_does_not_import_torch():
    import subprocess
    import sys

    code = (
        "import sys, rankdistill.judging, rankdistill.judging.llm, rankdistill.judging.openai_client,"
        " rankdistill.judging.local, rankdistill.judging.ensemble, rankdistill.label;"
        " print('torch' in sys.modules)"
    )
    assert (
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip() == "False"
    )


def test_listwise_order_is_seeded_per_prompt():
    from rankdistill.judging.llm import seeded_order

    assert seeded_order(0, "p1", 8) == seeded_order(0, "p1", 8)  # a rerun shows the same order: ledger hits
    assert sorted(seeded_order(0, "p1", 8)) == list(range(8))
    assert len({tuple(seeded_order(0, f"p{i}", 4)) for i in range(20)}) > 5  # varies across prompts


def test_label_replies_give_the_answer_and_the_rationale_when_there_is_one():
    from rankdistill.judging.parsing import parse_label

    assert parse_label('{"rationale": " go -> goes ", "answer": "She goes."}') == ("She goes.", "go -> goes")
    assert parse_label('```json\n{"rationale": "r", "answer": "A."}\n```') == ("A.", "r")  # chatter around it
    assert parse_label('{"answer": "A."}') == ("A.", None)  # missing rationale: still a label
    assert parse_label('{"rationale": "  ", "answer": "A."}') == ("A.", None)
    assert parse_label('{"rationale": ["r"], "answer": "A."}') == ("A.", None)
    assert parse_label('{"rationale": "r", "answer": 42}') == ("42", "r")
    for unreadable in ('{"rationale": "r"}', '{"rationale": "r", "answer": " "}', '{"answer": null}',
                       '{"answer": true}', '{"answer": "A."} {"answer": "B."}', "She goes.", '{"answer": "A.', None):
        assert parse_label(unreadable) is None, unreadable
