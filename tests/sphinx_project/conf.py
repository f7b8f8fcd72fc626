# A small Sphinx project that uses symcount's directives (tests/test_sphinx.py builds it with -W).
project = "symcount-sphinx-test"
extensions = ["symcount.sphinx"]
exclude_patterns = ["_build"]
