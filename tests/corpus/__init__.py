"""The public corpus: snippets copied verbatim from public sources, each with a torch oracle."""
