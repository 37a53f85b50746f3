"""`build.py evaluate`: score extraction against the gold files and print the numbers."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..evaluate import (
    CATEGORIES,
    LABELLED,
    BriefReport,
    EvaluationReport,
    GroupReport,
    Score,
    evaluate_project,
)
from ..load import Project

GROUP_TITLES = {
    "briefs": "the briefs (tests/gold)",
    "further": "further texts (tests/gold/further)",
}


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the evaluate subcommand."""
    command = commands.add_parser(
        "evaluate", help="score extraction against the hand-made gold files"
    )
    command.add_argument(
        "--gold", type=Path, help="gold directory (default: tests/gold; its further/ is included)"
    )
    command.add_argument(
        "--verbose", action="store_true", help="list every miss, false hit and wrong label"
    )
    command.set_defaults(run=run)


def score_cell(category: str, score: Score) -> str:
    """Return one table cell: accuracy for label checks, P/R/F1 otherwise."""
    if category in LABELLED:
        return f"{score.matched}/{score.expected}"
    return f"P {score.precision:.2f} R {score.recall:.2f} F1 {score.f1:.2f}"


def score_lines(scores: dict[str, Score], indent: str) -> list[str]:
    """Return one line per category that has anything to count."""
    return [
        f"{indent}{category:<16} {score_cell(category, score)}"
        f"  ({score.matched} matched, {score.extracted} found, {score.expected} expected)"
        for category, score in scores.items()
        if score.extracted or score.expected
    ]


def brief_lines(brief: BriefReport, verbose: bool) -> list[str]:
    """Return the lines printed for one gold file."""
    lines = [f"  {brief.brief_path}"]
    lines += score_lines({c: brief.score(c) for c in CATEGORIES}, "    ")
    if verbose:
        for finding in brief.findings:
            detail = f" [{finding.detail}]" if finding.detail else ""
            lines.append(f"      {finding.category} {finding.kind}: {finding.text}{detail}")
    return lines


def group_lines(group: GroupReport, verbose: bool) -> list[str]:
    """Return the lines printed for one set of texts: each file, then the totals."""
    lines = [f"== {GROUP_TITLES[group.group]}: {len(group.briefs)} files"]
    for brief in group.briefs:
        lines += brief_lines(brief, verbose)
    lines.append("  overall")
    lines += score_lines({c: group.score(c) for c in CATEGORIES}, "    ")
    lines.append(f"    furniture among claims and recommendations: {group.furniture_in_items}")
    return lines


def report_text(report: EvaluationReport, verbose: bool) -> str:
    """Return the whole printed report."""
    lines: list[str] = []
    for group in report.groups:
        if group.briefs:
            lines += group_lines(group, verbose)
    return "\n".join(lines) if lines else "no gold files found"


def run(arguments: argparse.Namespace) -> int:
    """Evaluate and print the report; exit 1 when there is no gold to compare with."""
    project = Project.at(arguments.project)
    gold = arguments.gold.resolve() if arguments.gold else None
    report = evaluate_project(project, gold)
    print(report_text(report, arguments.verbose))
    return 0 if any(group.briefs for group in report.groups) else 1
