from pathlib import Path


def test_sample_casebook_checks_clean(sample: Path, run) -> None:
    result = run(sample, "check")
    assert result.exit_code == 0, result.output
    assert "문제 없음" in result.output
