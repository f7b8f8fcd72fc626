"""Read: text -> AST with spans. Math regions are found in any container (source, regions), parsed
by the grammar (grammars/latex.lark, parse, syntax), and rewritten where the text allows a reading
(readings); names and the glossary of the prose (names, glossary); the AST's nodes (nodes)."""
