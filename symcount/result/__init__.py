"""Result: one typed summary of a cell (summary), the Python API's Derivation around it
(derivation), and where a summary comes from when it need not be derived (cache)."""
