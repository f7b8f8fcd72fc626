"""The output side: what a person reads. A derivation becomes a summary (plain data: strings,
integers, integer polynomials, typeset math; cached as JSON), and a summary becomes a text table,
JSON, or a Markdown or LaTeX explanation through Jinja templates. Nothing here imports sympy or
lark, and the engine never imports this package.

    summary.py   Derivation -> summary (plain data), its validation, and View (layers, sizes)
    report.py    text and JSON reports, sweep tables
    tables.py    compare and match as text, JSON, Markdown, LaTeX (booktabs) and CSV
    plot.py      counts against a swept size, drawn with matplotlib (an optional extra)
    render.py    Markdown and LaTeX through Jinja templates (sandboxed, bounded)
    explain.py   why each dimension is what it is, from the shapes' evidence
    typeset.py   the AST and polynomials as LaTeX math
    escape.py    prose and identifiers made safe for LaTeX and Markdown
"""
