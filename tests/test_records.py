import json

from rankdistill.records import PartialJsonl, atomic_write_text, read_jsonl
from rankdistill.rundir import RunDir


def test_partial_resume_drops_torn_line(tmp_path):
    final = tmp_path / "out.jsonl"
    p = PartialJsonl(final, key="id")
    p.append([{"id": "a", "v": 1}, {"id": "b", "v": 2}])
    with open(p.partial_path, "a") as f:
        f.write('{"id": "c", "v"')  # killed mid-write
    assert not final.exists()
    p2 = PartialJsonl(final, key="id")
    assert p2.done == {"a", "b"}
    p2.append([{"id": "c", "v": 3}])
    rows = p2.finish(["c", "a", "b"])
    assert [r["id"] for r in rows] == ["c", "a", "b"]
    assert [r["id"] for r in read_jsonl(final)] == ["c", "a", "b"]
    assert not p2.partial_path.exists()


def test_atomic_write_leaves_no_temp(tmp_path):
    path = tmp_path / "x.json"
    atomic_write_text(path, json.dumps({"a": 1}))
    assert json.loads(path.read_text()) == {"a": 1}
    assert [p.name for p in tmp_path.iterdir()] == ["x.json"]


def test_stage_bookkeeping(tmp_path):
    run = RunDir(tmp_path)
    assert not run.is_done("generate", 1)
    run.round_dir(1).mkdir()
    run.candidates(1).write_text("{}\n")
    run.candidates(1).with_name("rankings.partial.jsonl").write_text("{}\n")
    assert run.is_done("generate", 1) and not run.is_done("judge", 1)
    (run.prefs(1)).mkdir()
    assert not run.is_done("prefs", 1)  # a prefs dir without stats.json is not finished
    (run.prefs(1) / "stats.json").write_text("{}")
    assert run.is_done("prefs", 1)
    run.record_time("train", 1, 1.5)
    run.record_time("train", 1, 2.0)
    assert run.timings(1) == {"train": 3.5}
    assert run.rounds() == [1] and run.last_trained_round() == 0


def test_resume_skips_checkpoint_cut_off_mid_save(tmp_path):
    from rankdistill.rundir import last_complete_checkpoint

    assert last_complete_checkpoint(tmp_path / "none") is None
    for step, complete in ((2, True), (4, True), (6, False)):
        ckpt = tmp_path / f"checkpoint-{step}"
        ckpt.mkdir()
        (ckpt / "adapter_model.safetensors").write_bytes(b"x")
        if complete:
            (ckpt / "trainer_state.json").write_text("{}")
    assert last_complete_checkpoint(tmp_path) == tmp_path / "checkpoint-4"
    assert not (tmp_path / "checkpoint-6").exists()  # a half-saved checkpoint must not be resumed later
