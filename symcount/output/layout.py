"""Tables laid out in each format: aligned plain text, Markdown, a LaTeX table (booktabs, with a
fallback where it is missing)."""
from __future__ import annotations

BOOKTABS = ("\\IfFileExists{booktabs.sty}{\\usepackage{booktabs}}"
            "{\\providecommand\\toprule{\\hline}\\providecommand\\midrule{\\hline}\\providecommand\\bottomrule{\\hline}}\n")


def text_table(rows: list[list[str]]) -> list[str]:
    widths = [max(map(len, column)) for column in zip(*rows)]
    row = "  ".join(f"{{:<{w}}}" for w in widths).format  # (one call a row: a long cell has thousands)
    lines = [row(*r).rstrip() for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return lines


def markdown_table(header: list[str], body: list[list[str]]) -> list[str]:
    return ["| " + " | ".join(header) + " |", "|" + "|".join("---:" for _ in header) + "|"] + \
        ["| " + " | ".join(r) + " |" for r in body]


def latex_table(caption: str, header: list[str], body: list[list[str]], standalone: bool) -> str:
    lines = ["\\begin{table}[htbp]", "\\centering", f"\\caption{{{caption}}}",
             f"\\begin{{tabular}}{{{'r' * len(header)}}}", "\\toprule", " & ".join(header) + " \\\\", "\\midrule"]
    lines += [" & ".join(r) + " \\\\" for r in body]
    lines += ["\\bottomrule", "\\end{tabular}", "\\end{table}"]
    table = "\n".join(lines) + "\n"
    if standalone:
        return "\\documentclass{article}\n\\usepackage{amsmath}\n" + BOOKTABS + "\\begin{document}\n" + table + "\\end{document}\n"
    return table
